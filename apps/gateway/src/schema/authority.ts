import { type AuthorityRow, authoritiesByIds, pageAuthorities, statisticalNeighboursOf } from "@adviser-hub/service";
import type { GatewayContext } from "../context.js";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { pageRequest, toConnection } from "./connection.js";
import { Region } from "./region.js";
import { isRegionMember } from "./scopes.js";
import { visibleTo } from "./node-visibility.js";

/** A local authority area of a region, keyed by GSS code. */
export const Authority = builder.loadableNodeRef<AuthorityRow, string, string>("Authority", {
  id: { resolve: (row) => regionalKey(row.region_code, row.id) },
  load: (keys: string[], context) => loadRegional(context.db, keys, authoritiesByIds),
});

Authority.implement({
  description: "A local authority area of the region (London: the 32 boroughs and the City of London).",
  authScopes: visibleTo("Authority", (row: AuthorityRow, context) => isRegionMember(context, row.region_code)),
  fields: (t) => ({
    code: t.exposeString("id", { description: "GSS code, e.g. E09000020." }),
    name: t.exposeString("name", { description: "The authority's name." }),
    dfeCode: t.exposeInt("dfe_la_code", { nullable: true, description: "Department for Education local-authority code." }),
    innerOuter: t.exposeString("inner_outer", { nullable: true, description: "Inner or Outer London, where the region uses it." }),
    subregion: t.exposeString("subregion", { nullable: true, description: "The region's own sub-region grouping." }),
  }),
});

builder.objectField(Authority, "statisticalNeighbours", (t) =>
  t.loadableList({
    type: Authority,
    description:
      "The authority's statistical neighbours as published (nearest first): the authorities most like it, to compare its figures with.",
    // One statement for every authority asked about in the request, the neighbours' rows with it.
    load: async (keys: string[], context: GatewayContext) => {
      const results = await loadRegional(context.db, keys, (db, region, ids) => statisticalNeighboursOf(db, region, ids));
      return results.map((result) => (result instanceof Error ? [] : result));
    },
    resolve: (row) => regionalKey(row.region_code, row.id),
  }),
);

builder.objectField(Region, "authorities", (t) =>
  t.connection(
    {
      type: Authority,
      description: "The region's authorities in GSS-code order.",
      resolve: async (region, args, context) =>
        toConnection(await pageAuthorities(context.db, region.code, pageRequest(args, 50)), (row) => row),
    },
    {
      name: "AuthorityConnection",
      description: "A page of authorities with the region's total.",
    },
    { name: "AuthorityEdge", description: "An authority in a page." },
  ),
);
