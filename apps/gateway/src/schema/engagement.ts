import { financialYearStartDate } from "@adviser-hub/domain";
import {
  bookingsOfEngagements,
  decideEngagement,
  type DeliveryRow,
  deliveriesOfEngagements,
  type EngagementPageRow,
  type EngagementTransitionRow,
  type EngagementWithArea,
  engagementsByIds,
  engagementsPageWith,
  pageEngagements,
  requestEngagement,
  totalsOfEngagements,
  transitionsOfEngagements,
} from "@adviser-hub/service";
import { createContextCache } from "@pothos/core";
import DataLoader from "dataloader";
import { isStaff } from "../auth/viewer.js";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { ForbiddenError, InvalidTransitionError, ValidationError } from "../errors/index.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { Adviser } from "./adviser.js";
import { Booking } from "./booking.js";
import { pageRequest, toConnection } from "./connection.js";
import { daysOf } from "./days-of.js";
import { baseMutationErrors } from "./errors.js";
import { actorOf, mutationScopes, rowId, written } from "./mutation-support.js";
import { Delivery, deliveryColumnsFor } from "./delivery.js";
import { EngagementStatusEnum, StrandEnum } from "./enums.js";
import { selectedFieldNames } from "./look-ahead.js";
import { Money, money } from "./money.js";
import { Organisation } from "./organisation.js";
import { Region } from "./region.js";
import { isRegionStaff, staffOrAuthority } from "./scopes.js";
import { visibleTo } from "./node-visibility.js";

/** Staff see every engagement of their region; an authority those of its own area; funders none. */
export function mayViewEngagement(context: GatewayContext, row: EngagementWithArea): boolean {
  const viewer = context.viewer;
  if (isStaff(viewer, row.region_code)) return true;
  return (
    viewer?.role === "AUTHORITY" && viewer.region === row.region_code && viewer.authority === row.home_authority_id
  );
}

/** One piece of work for one organisation on one strand. */
export const Engagement = builder.loadableNodeRef<EngagementWithArea, string, string>("Engagement", {
  id: { resolve: (row) => regionalKey(row.region_code, row.id) },
  load: (keys: string[], context) => loadRegional(context.db, keys, engagementsByIds),
});

const byEngagement = (row: EngagementWithArea) => regionalKey(row.region_code, row.id);

/** Groups "region:id" keys by region and runs one batched query per region. */
async function perRegion<T>(
  context: GatewayContext,
  keys: readonly string[],
  query: (region: string, ids: readonly string[]) => Promise<T[]>,
  empty: T,
): Promise<T[]> {
  const results = await loadRegional(context.db, keys, async (_db, region, ids) => query(region, ids));
  return results.map((result) => (result instanceof Error ? empty : result));
}

/**
 * Each engagement's live deliveries, per request, batched for any selection; a page that read
 * them in its own statement hands them over in pageDeliveries instead, and sends no SQL here.
 */
const deliveriesLoader = createContextCache(
  (context: GatewayContext) =>
    new DataLoader<string, DeliveryRow[]>((keys) =>
      perRegion(context, keys, (region, ids) => deliveriesOfEngagements(context.db, region, ids), []),
    ),
);

/**
 * Deliveries a page read ahead, held by the page's own engagement objects. They may hold only
 * the columns the page's selection shows, so they are not primed into the per-request loader,
 * where the same engagement reached by another path (`node(id:)`) with another selection would
 * find them; only the object this page made, resolving this selection, reads them.
 */
const pageDeliveries = new WeakMap<EngagementWithArea, readonly DeliveryRow[]>();

/**
 * Hands the children a page read with its rows to their fields: organisations and advisers,
 * read whole, to the loaders those fields resolve through; deliveries to pageDeliveries.
 */
function primeFromPage(context: GatewayContext, rows: readonly EngagementPageRow[]): void {
  const organisations = Organisation.getDataloader(context);
  const advisers = Adviser.getDataloader(context);
  for (const row of rows) {
    const region = row.engagement.region_code;
    if (row.organisation) organisations.prime(regionalKey(region, row.organisation.id), row.organisation);
    if (row.leadAdviser) advisers.prime(regionalKey(region, row.leadAdviser.id), row.leadAdviser);
    // Parts of rows, but with every column a field of this selection reads (deliveryColumnsFor).
    if (row.deliveries) pageDeliveries.set(row.engagement, row.deliveries as DeliveryRow[]);
  }
}

const EngagementTransition = builder.objectRef<EngagementTransitionRow>("EngagementTransition").implement({
  description: "One change of an engagement's status: who and when.",
  fields: (t) => ({
    from: t.field({ type: EngagementStatusEnum, nullable: true, description: "Status before; null for the request itself.", resolve: (row) => row.from_status }),
    to: t.field({ type: EngagementStatusEnum, description: "Status after.", resolve: (row) => row.to_status }),
    by: t.exposeString("by_actor", { description: "Who made the change." }),
    at: t.field({ type: "DateTime", description: "When the change was made.", resolve: (row) => row.at }),
    reason: t.exposeString("reason", { nullable: true, description: "Why, where recorded." }),
  }),
});

Engagement.implement({
  description: "One piece of work for one organisation on one strand, with themes, a lead adviser, an agreed rate and an estimate.",
  authScopes: visibleTo("Engagement", (row: EngagementWithArea, context) => mayViewEngagement(context, row)),
  fields: (t) => ({
    code: t.exposeString("id", { description: "The engagement's id within the region (eng-0007)." }),
    title: t.exposeString("title", { description: "What the work is." }),
    strand: t.field({ type: StrandEnum, description: "The strand of work.", resolve: (row) => row.strand }),
    status: t.field({ type: EngagementStatusEnum, description: "Where it is in its lifecycle.", resolve: (row) => row.status }),
    themes: t.stringList({ description: "Themes, e.g. \"court delays\".", resolve: (row) => row.themes }),
    organisation: t.field({
      type: Organisation,
      description: "The client organisation.",
      resolve: (row) => regionalKey(row.region_code, row.organisation_id),
    }),
    leadAdviser: t.field({
      type: Adviser,
      nullable: true,
      description: "The adviser leading the work.",
      resolve: (row) => (row.lead_adviser_id ? regionalKey(row.region_code, row.lead_adviser_id) : null),
    }),
    agreedDayRate: t.field({
      type: Money,
      nullable: true,
      description: "The day rate agreed for this engagement; null falls back to the organisation's or the region's rate.",
      resolve: (row) => (row.agreed_rate_pence === null ? null : money(row.agreed_rate_pence)),
    }),
    estimate: t.field({
      type: "Days",
      description: "Estimated days of work.",
      resolve: (row, _args, context) => daysOf(context, row.region_code, row.estimate_units),
    }),
    requestedAt: t.field({ type: "DateTime", description: "When it was requested.", resolve: (row) => row.requested_at }),
    startsOn: t.field({ type: "Date", nullable: true, description: "Planned start.", resolve: (row) => row.starts_on }),
    endsOn: t.field({ type: "Date", nullable: true, description: "Planned end.", resolve: (row) => row.ends_on }),
    earliestStartWeek: t.field({
      type: "Date",
      nullable: true,
      description: "For a waitlisted request: the Monday of the earliest week it could start.",
      resolve: (row) => row.earliest_start_week,
    }),
    notes: t.string({
      nullable: true,
      description: "Free-text notes: the region's own staff only, never authorities or funders.",
      authScopes: (row, _args, context) => isRegionStaff(context, row.region_code),
      resolve: (row) => row.notes,
    }),
    delivered: t.loadable({
      type: "Days",
      description: "Days delivered so far (removed deliveries excluded).",
      load: async (keys: string[], context: GatewayContext) => {
        const totals = await perRegion(context, keys, (region, ids) => totalsOfEngagements(context.db, region, ids), null);
        return Promise.all(
          keys.map((key, i) => daysOf(context, key.slice(0, key.indexOf(":")), totals[i]?.deliveredUnits ?? 0)),
        );
      },
      resolve: byEngagement,
    }),
    deliveries: t.field({
      type: [Delivery],
      description: "Deliveries recorded against it, in allocation order (date, then order recorded).",
      resolve: (row, _args, context) => pageDeliveries.get(row) ?? deliveriesLoader(context).load(byEngagement(row)),
    }),
    bookings: t.loadableList({
      type: Booking,
      description: "Planned adviser days by week.",
      load: (keys: string[], context: GatewayContext) =>
        perRegion(context, keys, (region, ids) => bookingsOfEngagements(context.db, region, ids), []),
      resolve: byEngagement,
    }),
    history: t.loadableList({
      type: EngagementTransition,
      description: "Every status change, oldest first.",
      load: (keys: string[], context: GatewayContext) =>
        perRegion(context, keys, (region, ids) => transitionsOfEngagements(context.db, region, ids), []),
      resolve: byEngagement,
    }),
  }),
});

builder.objectField(Region, "engagements", (t) =>
  t.connection(
    {
      type: Engagement,
      description:
        "The region's engagements in id order. Staff see all; an AUTHORITY token sees its own area's only; funders may not list engagements.",
      authScopes: (region) => staffOrAuthority(region.code),
      args: {
        strand: t.arg({ type: [StrandEnum], required: false, description: "Only these strands." }),
        status: t.arg({ type: [EngagementStatusEnum], required: false, description: "Only these statuses." }),
        authority: t.arg.string({ required: false, description: "Only organisations of this authority (GSS code)." }),
        year: t.arg.int({ required: false, description: "Only engagements requested in this financial year." }),
        theme: t.arg.string({ required: false, description: "Only engagements listing this theme." }),
      },
      resolve: async (region, args, context, info) => {
        const viewer = context.viewer;
        let authorityId = args.authority ?? null;
        if (viewer?.role === "AUTHORITY") {
          if (authorityId !== null && authorityId !== viewer.authority) {
            throw new ForbiddenError("An authority token may only list its own area's engagements");
          }
          authorityId = viewer.authority;
        }
        let requestedFrom: Date | null = null;
        let requestedBefore: Date | null = null;
        if (args.year != null) {
          if (args.year < 1900 || args.year > 2999) throw new ValidationError("year", "year must be between 1900 and 2999");
          const policy = await context.loaders.policyFor(region.code, args.year);
          // Financial years are calendar dates; requests are instants, compared in UTC.
          requestedFrom = new Date(`${financialYearStartDate(policy, args.year)}T00:00:00Z`);
          requestedBefore = new Date(`${financialYearStartDate(policy, args.year + 1)}T00:00:00Z`);
        }
        const filter = {
          strands: args.strand ?? null,
          statuses: args.status ?? null,
          authorityId,
          requestedFrom,
          requestedBefore,
          theme: args.theme ?? null,
        };
        // The children the query asks for under edges.node come in the page's own statement
        // and wait in the loaders; any other child still batches through its loader.
        const wanted = context.readAhead.pageChildren ? selectedFieldNames(info, ["edges", "node"]) : new Set<string>();
        const include = {
          organisation: wanted.has("organisation"),
          leadAdviser: wanted.has("leadAdviser"),
          deliveries: wanted.has("deliveries") && deliveryColumnsFor(selectedFieldNames(info, ["edges", "node", "deliveries"])),
        };
        if (!include.organisation && !include.leadAdviser && !include.deliveries) {
          return toConnection(await pageEngagements(context.db, region.code, filter, pageRequest(args)), (row) => row);
        }
        const page = await engagementsPageWith(context.db, region.code, filter, pageRequest(args), include);
        primeFromPage(context, page.rows);
        return toConnection({ ...page, rows: page.rows.map((row) => row.engagement) }, (row) => row);
      },
    },
    { name: "EngagementConnection", description: "A page of engagements with the filtered total." },
    { name: "EngagementEdge", description: "An engagement in a page." },
  ),
);

const RequestEngagementInput = builder.inputType("RequestEngagementInput", {
  description: "A request for a piece of work.",
  fields: (t) => ({
    organisationId: t.id({ required: true, description: "The client organisation (global id or code)." }),
    strand: t.field({ type: StrandEnum, required: true, description: "The strand of work." }),
    title: t.string({ required: true, description: "What the work is." }),
    themes: t.stringList({ required: false, description: "Themes, e.g. \"court delays\"." }),
    leadAdviserId: t.id({ required: false, description: "The adviser to lead it (global id or code)." }),
    agreedDayRatePence: t.int({ required: false, description: "An agreed day rate in pence, if one was negotiated for this work." }),
    estimateDays: t.field({ type: "Days", required: true, description: "Estimated days, on the region's granularity." }),
    startDate: t.field({ type: "Date", required: true, description: "Planned start." }),
    endDate: t.field({ type: "Date", required: false, description: "Planned end." }),
    notes: t.string({ required: false, description: "Free-text notes for the region's staff." }),
  }),
});

const RequestEngagementPayload = builder.objectRef<{ row: EngagementWithArea; waitlisted: boolean }>("RequestEngagementPayload").implement({
  description: "The stored request: REQUESTED, or WAITLISTED at once with its earliest week when it does not fit capacity.",
  fields: (t) => ({
    // The row as the use case wrote it: no second read.
    engagement: t.field({ type: Engagement, description: "The new engagement.", resolve: (p) => p.row }),
    waitlisted: t.exposeBoolean("waitlisted", { description: "True when it did not fit capacity and was waitlisted." }),
  }),
});

builder.mutationField("requestEngagement", (t) =>
  t.field({
    type: RequestEngagementPayload,
    description: "Asks for a piece of work. Staff for any organisation of the region; an AUTHORITY for its own area's organisations.",
    ...mutationScopes("requestEngagement"),
    errors: { types: [...baseMutationErrors], union: { name: "RequestEngagementResult", description: "The request, or why it was refused." } },
    args: { input: t.arg({ type: RequestEngagementInput, required: true, description: "The request." }) },
    resolve: async (_root, { input }, context) => {
      const result = written(
        context,
        await requestEngagement(context.db, actorOf(context), {
          organisationId: rowId(context, String(input.organisationId), "Organisation", "organisationId"),
          strand: input.strand,
          title: input.title,
          themes: input.themes ?? [],
          leadAdviserId: input.leadAdviserId == null ? null : rowId(context, String(input.leadAdviserId), "Adviser", "leadAdviserId"),
          agreedDayRatePence: input.agreedDayRatePence ?? null,
          estimateDays: input.estimateDays.text,
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          notes: input.notes ?? null,
        }, { clock: context.clock }),
      );
      return { row: result.row, waitlisted: result.engagement.status === "WAITLISTED" };
    },
  }),
);

const DecideEngagementInput = builder.inputType("DecideEngagementInput", {
  description: "A move of an engagement along its lifecycle.",
  fields: (t) => ({
    engagementId: t.id({ required: true, description: "The engagement (global id or code)." }),
    to: t.field({
      type: EngagementStatusEnum,
      required: true,
      description: "The status to move to (ACCEPTED, WAITLISTED, DECLINED, WITHDRAWN, COMPLETED, CANCELLED).",
    }),
    reason: t.string({ required: false, description: "Why." }),
    earliestWeek: t.field({ type: "Date", required: false, description: "For WAITLISTED: the Monday it could start; computed when absent." }),
    expectedVersion: t.int({ required: false, description: "The version last read; a later change makes this fail." }),
  }),
});

const DecideEngagementPayload = builder
  .objectRef<{ row: EngagementWithArea; transition: EngagementTransitionRow }>("DecideEngagementPayload")
  .implement({
    description: "The engagement after the decision.",
    fields: (t) => ({
      engagement: t.field({ type: Engagement, description: "The engagement.", resolve: (p) => p.row }),
      transition: t.field({ type: EngagementTransition, description: "The change made.", resolve: (p) => p.transition }),
    }),
  });

builder.mutationField("decideEngagement", (t) =>
  t.field({
    type: DecideEngagementPayload,
    description:
      "Accepts, waitlists, declines, completes or cancels an engagement (REGION_ADMIN); an AUTHORITY may withdraw its own area's waitlisted request. Accepting checks capacity.",
    ...mutationScopes("decideEngagement"),
    errors: {
      types: [...baseMutationErrors, InvalidTransitionError],
      union: { name: "DecideEngagementResult", description: "The decision, or why it was refused." },
    },
    args: { input: t.arg({ type: DecideEngagementInput, required: true, description: "The decision." }) },
    resolve: async (_root, { input }, context) => {
      const result = written(
        context,
        await decideEngagement(context.db, actorOf(context), {
          engagementId: rowId(context, String(input.engagementId), "Engagement", "engagementId"),
          to: input.to,
          reason: input.reason ?? null,
          earliestWeek: input.earliestWeek ?? null,
          ...(input.expectedVersion == null ? {} : { expectedVersion: input.expectedVersion }),
        }, { clock: context.clock }),
      );
      const tr = result.transition;
      return {
        row: result.row,
        transition: {
          region_code: context.viewer!.region,
          id: 0,
          engagement_id: tr.engagementId,
          from_status: tr.from,
          to_status: tr.to,
          by_actor: tr.by,
          at: tr.at,
          reason: tr.reason,
        },
      };
    },
  }),
);
