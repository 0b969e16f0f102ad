import { type OrganisationRow, organisationsByIds, organisationsOfAuthorities } from "@adviser-hub/service";
import { isStaff } from "../auth/viewer.js";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { Authority } from "./authority.js";
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
