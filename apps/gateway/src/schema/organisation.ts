import {
  type OrganisationRow,
  type SavedOrganisation,
  type SavedOrganisationRate,
  organisationsByIds,
  organisationsOfAuthorities,
  saveOrganisation,
  saveOrganisationRate,
} from "@adviser-hub/service";
import { isStaff } from "../auth/viewer.js";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { Authority } from "./authority.js";
import { baseMutationErrors } from "./errors.js";
import { Money, money } from "./money.js";
import { actorOf, mutationScopes, orThrow, rowId } from "./mutation-support.js";
import { visibleTo } from "./node-visibility.js";

/** A client organisation. */
export const Organisation = builder.loadableNodeRef<OrganisationRow, string, string>("Organisation", {
  id: { resolve: (row) => regionalKey(row.region_code, row.id) },
  load: (keys: string[], context) => loadRegional(context.db, keys, organisationsByIds),
});

Organisation.implement({
  description:
    "A client: a council's children's services, a safeguarding board, a police unit, an NHS body, a school or a voluntary body.",
  // Staff see every client; an authority sees the organisations of its own area.
  authScopes: visibleTo("Organisation", (row: OrganisationRow, context) => {
    const viewer = context.viewer;
    if (!viewer || viewer.region !== row.region_code) return false;
    if (viewer.role === "REGION_ADMIN" || viewer.role === "ADVISER") return true;
    return viewer.role === "AUTHORITY" && viewer.authority === row.home_authority_id;
  }),
  fields: (t) => ({
    code: t.exposeString("id", { description: "The organisation's id within the region." }),
    name: t.exposeString("name", { description: "The organisation's name." }),
    kind: t.exposeString("kind", { description: "COUNCIL, SAFEGUARDING_BOARD, POLICE, HEALTH, SCHOOL, VOLUNTARY or OTHER." }),
    homeAuthority: t.field({
      type: Authority,
      nullable: true,
      description: "The authority whose area it belongs to; null for region-wide bodies.",
      resolve: (row) => (row.home_authority_id ? regionalKey(row.region_code, row.home_authority_id) : null),
    }),
    closedOn: t.field({
      type: "Date",
      nullable: true,
      description: "The last day it is a client; null while open. Work is not requested for it after this day.",
      resolve: (row) => row.closed_on,
    }),
  }),
});

builder.objectField(Authority, "organisations", (t) =>
  t.loadableList({
    type: Organisation,
    description: "The clients whose home is this authority's area. Staff, and the authority itself.",
    authScopes: (row, _args, context) =>
      isStaff(context.viewer, row.region_code) ||
      (context.viewer?.role === "AUTHORITY" && context.viewer.region === row.region_code && context.viewer.authority === row.id),
    load: async (keys: string[], context: GatewayContext) => {
      const results = await loadRegional(context.db, keys, (db, region, ids) => organisationsOfAuthorities(db, region, ids));
      return results.map((result) => (result instanceof Error ? [] : result));
    },
    resolve: (row) => regionalKey(row.region_code, row.id),
  }),
);

const SaveOrganisationInput = builder.inputType("SaveOrganisationInput", {
  description: "A client organisation: created when the code is new, changed otherwise.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The organisation's code within the region (org-E09000028-school), or its global id." }),
    name: t.string({ required: true, description: "The organisation's name." }),
    kind: t.string({ required: true, description: "COUNCIL, SAFEGUARDING_BOARD, POLICE, HEALTH, SCHOOL, VOLUNTARY or OTHER." }),
    homeAuthorityId: t.id({
      required: false,
      description: "Its home authority (global id or GSS code), which decides its quota holder; leave it out for a region-wide body. Fixed once it has deliveries.",
    }),
    closedOn: t.field({
      type: "Date",
      required: false,
      description: "The last day it is a client, not before its last delivery; leave it out while open. Setting it ends the organisation.",
    }),
  }),
});

const SaveOrganisationPayload = builder.objectRef<SavedOrganisation>("SaveOrganisationPayload").implement({
  description: "The organisation as saved.",
  fields: (t) => ({
    organisation: t.field({ type: Organisation, description: "The organisation, as written.", resolve: (p) => p.row }),
    created: t.exposeBoolean("created", { description: "True when this save created the organisation." }),
  }),
});

builder.mutationField("saveOrganisation", (t) =>
  t.field({
    type: SaveOrganisationPayload,
    description: "Creates, changes or closes a client organisation (REGION_ADMIN); organisations are closed, never deleted.",
    ...mutationScopes("saveOrganisation"),
    errors: { types: [...baseMutationErrors], union: { name: "SaveOrganisationResult", description: "The organisation, or why it was refused." } },
    args: { input: t.arg({ type: SaveOrganisationInput, required: true, description: "The organisation." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await saveOrganisation(context.db, actorOf(context), {
          id: rowId(context, String(input.id), "Organisation", "input.id"),
          name: input.name,
          kind: input.kind,
          homeAuthorityId: input.homeAuthorityId == null ? null : rowId(context, String(input.homeAuthorityId), "Authority", "input.homeAuthorityId"),
          closedOn: input.closedOn ?? null,
        }, { clock: context.clock }),
      ),
  }),
);

const SaveOrganisationRateInput = builder.inputType("SaveOrganisationRateInput", {
  description: "An organisation's negotiated day rate for one financial year (rule 5).",
  fields: (t) => ({
    organisationId: t.id({ required: true, description: "The organisation (global id or code)." }),
    year: t.int({ required: true, description: "Financial year, named by the year it starts in." }),
    dayRatePence: t.int({ required: false, description: "The day rate in pence; leave it out to remove the negotiated rate (the region's default applies)." }),
  }),
});

const SaveOrganisationRatePayload = builder.objectRef<SavedOrganisationRate & { region: string }>("SaveOrganisationRatePayload").implement({
  description: "The negotiated rate as saved; the year's stored charges already follow it.",
  fields: (t) => ({
    organisation: t.field({ type: Organisation, description: "The organisation.", resolve: (p) => regionalKey(p.region, p.organisationId) }),
    year: t.exposeInt("year", { description: "The financial year." }),
    dayRate: t.field({
      type: Money,
      nullable: true,
      description: "The negotiated day rate now; null when removed.",
      resolve: (p) => (p.rate === null ? null : money(p.rate.day_rate_pence)),
    }),
    reallocatedDeliveries: t.exposeInt("reallocatedDeliveries", {
      description: "Deliveries of the quota holder-year allocated again in the same transaction; issued statements stay frozen and later statements carry adjustments.",
    }),
  }),
});

builder.mutationField("saveOrganisationRate", (t) =>
  t.field({
    type: SaveOrganisationRatePayload,
    description: "Sets or removes an organisation's negotiated day rate for a year, re-pricing that year's stored charges at once (REGION_ADMIN).",
    ...mutationScopes("saveOrganisationRate"),
    errors: { types: [...baseMutationErrors], union: { name: "SaveOrganisationRateResult", description: "The rate, or why it was refused." } },
    args: { input: t.arg({ type: SaveOrganisationRateInput, required: true, description: "The rate." }) },
    resolve: async (_root, { input }, context) => {
      const saved = orThrow(
        await saveOrganisationRate(context.db, actorOf(context), {
          organisationId: rowId(context, String(input.organisationId), "Organisation", "input.organisationId"),
          year: input.year,
          dayRatePence: input.dayRatePence ?? null,
        }, { clock: context.clock }),
      );
      return { ...saved, region: context.viewer!.region };
    },
  }),
);
