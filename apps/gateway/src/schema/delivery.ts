import { correctDelivery, type DeliveryColumn, type DeliveryRow, deliveriesByIds, recordDelivery } from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { Adviser } from "./adviser.js";
import { daysOf } from "./days-of.js";
import { baseMutationErrors } from "./errors.js";
import { Money, money } from "./money.js";
import { actorOf, mutationScopes, rowId, written } from "./mutation-support.js";
import { isRegionStaff, isStaffOrAuthority } from "./scopes.js";

/** Days an adviser actually worked on an engagement on a date. */
export const Delivery = builder.loadableObjectRef<DeliveryRow, string>("Delivery", {
  load: (keys: string[], context) => loadRegional(context.db, keys, deliveriesByIds),
});

Delivery.implement({
  // Reached through an engagement the viewer may see; never by funders.
  authScopes: (row, context) => isStaffOrAuthority(context, row.region_code),
  description: "Days an adviser worked on an engagement on one date.",
  fields: (t) => ({
    code: t.exposeString("id", { description: "The delivery's id within the region." }),
    deliveredOn: t.field({ type: "Date", description: "The date worked.", resolve: (row) => row.delivered_on }),
    days: t.field({
      type: "Days",
      description: "Days worked.",
      resolve: (row, _args, context) => daysOf(context, row.region_code, row.units),
    }),
    units: t.exposeInt("units", { description: "Days worked in units of the region's granularity." }),
    financialYear: t.exposeInt("financial_year", { description: "The financial year it counts in." }),
    onSite: t.exposeBoolean("on_site", { description: "Whether the work was on site." }),
    startedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When on-site work began (rapid response time is measured to it).",
      resolve: (row) => row.started_at,
    }),
    recordedAt: t.field({ type: "DateTime", description: "When it was recorded.", resolve: (row) => row.recorded_at }),
    removedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When it was removed by a correction (kept for history); null while it counts.",
      resolve: (row) => row.removed_at,
    }),
    version: t.exposeInt("version", { description: "Bumped by every correction; pass it as expectedVersion to correct safely." }),
    notes: t.string({
      nullable: true,
      description: "Free-text notes: the region's own staff only.",
      authScopes: (row, _args, context) => isRegionStaff(context, row.region_code),
      resolve: (row) => row.notes,
    }),
    adviser: t.field({
      type: Adviser,
      description: "Who did the work.",
      resolve: (row) => regionalKey(row.region_code, row.adviser_id),
    }),
  }),
});

/**
 * The columns each Delivery field reads. A page that reads its deliveries ahead reads only the
 * columns its selection shows: PostgreSQL builds and sends less JSON and Node parses less (a
 * page of 50 engagements shows 4 of a delivery's 21 columns). The key (region_code, id) always
 * comes: the type's visibility and every key read it. A field missing here makes the page read
 * whole rows, so a new field is never read short; add it here to read it by column.
 */
export const DELIVERY_FIELD_COLUMNS: Readonly<Record<string, readonly DeliveryColumn[]>> = {
  __typename: [],
  code: ["id"],
  deliveredOn: ["delivered_on"],
  days: ["units"],
  units: ["units"],
  financialYear: ["financial_year"],
  onSite: ["on_site"],
  startedAt: ["started_at"],
  recordedAt: ["recorded_at"],
  removedAt: ["removed_at"],
  version: ["version"],
  notes: ["notes"],
  adviser: ["adviser_id"],
};

/** The columns a selection of Delivery fields reads, or `true` (whole rows) for a field not listed. */
export function deliveryColumnsFor(fields: ReadonlySet<string>): readonly DeliveryColumn[] | true {
  const columns = new Set<DeliveryColumn>();
  for (const field of fields) {
    const read = DELIVERY_FIELD_COLUMNS[field];
    if (read === undefined) return true;
    for (const column of read) columns.add(column);
  }
  return [...columns];
}

const RecordDeliveryInput = builder.inputType("RecordDeliveryInput", {
  description: "Days an adviser worked on an engagement on a date.",
  fields: (t) => ({
    engagementId: t.id({ required: true, description: "The engagement (global id or code)." }),
    adviserId: t.id({ required: true, description: "The adviser who did the work (global id or code)." }),
    date: t.field({ type: "Date", required: true, description: "The date worked." }),
    days: t.field({ type: "Days", required: true, description: "Days worked, on the region's granularity (\"1.5\")." }),
    onSiteAt: t.field({ type: "DateTime", required: false, description: "When the adviser arrived on site (rapid response time)." }),
    notes: t.string({ required: false, description: "Free-text notes for the region's staff." }),
  }),
});

interface AllocationValue {
  readonly holderId: string;
  readonly financialYear: number;
  readonly freeUnits: number;
  readonly chargeableUnits: number;
  readonly dayRatePence: number;
  readonly chargePence: number;
  readonly unitsPerDay: number;
}

const DeliveryAllocation = builder.objectRef<AllocationValue>("DeliveryAllocation").implement({
  description: "How the recorded delivery fell against its quota holder's allowance when it was recorded.",
  fields: (t) => ({
    holder: t.exposeString("holderId", { description: "The quota holder: an authority's GSS code or an organisation id." }),
    financialYear: t.exposeInt("financialYear", { description: "The financial year it counts in." }),
    freeDays: t.field({ type: "Days", description: "Days not charged.", resolve: (a) => ({ units: a.freeUnits, unitsPerDay: a.unitsPerDay }) }),
    chargeableDays: t.field({ type: "Days", description: "Days charged.", resolve: (a) => ({ units: a.chargeableUnits, unitsPerDay: a.unitsPerDay }) }),
    dayRate: t.field({ type: Money, description: "Rate of the chargeable part (0 when none).", resolve: (a) => money(a.dayRatePence) }),
    charge: t.field({ type: Money, description: "Charge, rounded half up to the penny.", resolve: (a) => money(a.chargePence) }),
  }),
});

const RecordDeliveryPayload = builder
  .objectRef<{ row: DeliveryRow; allocation: AllocationValue; activated: boolean }>("RecordDeliveryPayload")
  .implement({
    description: "The delivery recorded and its allocation.",
    fields: (t) => ({
      // The row as the use case wrote it: no second read.
      delivery: t.field({ type: Delivery, description: "The delivery.", resolve: (p) => p.row }),
      allocation: t.field({ type: DeliveryAllocation, description: "Its free and chargeable parts.", resolve: (p) => p.allocation }),
      activated: t.exposeBoolean("activated", { description: "True when this first delivery moved the engagement from ACCEPTED to ACTIVE." }),
    }),
  });

builder.mutationField("recordDelivery", (t) =>
  t.field({
    type: RecordDeliveryPayload,
    description: "Records days worked (REGION_ADMIN, ADVISER). The first delivery makes an accepted engagement ACTIVE.",
    ...mutationScopes("recordDelivery"),
    errors: { types: [...baseMutationErrors], union: { name: "RecordDeliveryResult", description: "The delivery, or why it was refused." } },
    args: { input: t.arg({ type: RecordDeliveryInput, required: true, description: "The delivery." }) },
    resolve: async (_root, { input }, context) => {
      const result = written(
        context,
        await recordDelivery(context.db, actorOf(context), {
          engagementId: rowId(context, String(input.engagementId), "Engagement", "engagementId"),
          adviserId: rowId(context, String(input.adviserId), "Adviser", "adviserId"),
          date: input.date,
          days: input.days.text,
          onSiteAt: input.onSiteAt ? input.onSiteAt.getTime() : null,
          notes: input.notes ?? null,
        }, { clock: context.clock }),
      );
      return {
        row: result.row,
        allocation: { ...result.allocation, unitsPerDay: result.policy.unitsPerDay },
        activated: result.transition !== null,
      };
    },
  }),
);

const CorrectDeliveryInput = builder.inputType("CorrectDeliveryInput", {
  description: "An edit or removal of a recorded delivery. Issued statements are never changed: the difference is an adjustment on the next.",
  fields: (t) => ({
    deliveryId: t.id({ required: true, description: "The delivery (code)." }),
    reason: t.string({ required: true, description: "Why it is corrected (kept in the audit log)." }),
    remove: t.boolean({ required: false, description: "Remove it (kept, marked removed) instead of editing." }),
    date: t.field({ type: "Date", required: false, description: "New date." }),
    days: t.field({ type: "Days", required: false, description: "New days." }),
    onSiteAt: t.field({ type: "DateTime", required: false, description: "New on-site time." }),
    notes: t.string({ required: false, description: "New notes." }),
    expectedVersion: t.int({ required: false, description: "The version last read; a later change makes this fail." }),
  }),
});

const CorrectDeliveryPayload = builder.objectRef<{ row: DeliveryRow; removed: boolean }>("CorrectDeliveryPayload").implement({
  description: "The delivery after correction.",
  fields: (t) => ({
    delivery: t.field({ type: Delivery, description: "The delivery as it now stands.", resolve: (p) => p.row }),
    removed: t.exposeBoolean("removed", { description: "True when the delivery was removed." }),
  }),
});

builder.mutationField("correctDelivery", (t) =>
  t.field({
    type: CorrectDeliveryPayload,
    description: "Edits or removes a delivery (REGION_ADMIN, ADVISER); history and issued statements are kept.",
    ...mutationScopes("correctDelivery"),
    errors: { types: [...baseMutationErrors], union: { name: "CorrectDeliveryResult", description: "The correction, or why it was refused." } },
    args: { input: t.arg({ type: CorrectDeliveryInput, required: true, description: "The correction." }) },
    resolve: async (_root, { input }, context) => {
      const result = written(
        context,
        await correctDelivery(context.db, actorOf(context), {
          deliveryId: rowId(context, String(input.deliveryId), "Delivery", "deliveryId"),
          reason: input.reason,
          ...(input.remove == null ? {} : { remove: input.remove }),
          ...(input.date == null ? {} : { date: input.date }),
          ...(input.days == null ? {} : { days: input.days.text }),
          ...(input.onSiteAt === undefined ? {} : { onSiteAt: input.onSiteAt ? input.onSiteAt.getTime() : null }),
          ...(input.notes === undefined ? {} : { notes: input.notes }),
          ...(input.expectedVersion == null ? {} : { expectedVersion: input.expectedVersion }),
        }, { clock: context.clock }),
      );
      return { row: result.row, removed: result.delivery.removedAt !== null };
    },
  }),
);
