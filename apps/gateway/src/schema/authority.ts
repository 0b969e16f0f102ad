import {
  type AuthorityRow,
  type SavedAuthority,
  type SavedStatisticalNeighbours,
  authoritiesByIds,
  pageAuthorities,
  saveAuthority,
  saveStatisticalNeighbours,
  statisticalNeighboursOf,
} from "@adviser-hub/service";
import type { GatewayContext } from "../context.js";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { pageRequest, toConnection } from "./connection.js";
import { baseMutationErrors } from "./errors.js";
import { actorOf, mutationScopes, orThrow, rowId } from "./mutation-support.js";
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

const ChildPopulationInput = builder.inputType("ChildPopulationInput", {
  description: "Children aged 0 to 17 in an authority's area in one year (rule 12's denominator).",
  fields: (t) => ({
    year: t.int({ required: true, description: "The year of the figure." }),
    population: t.int({ required: true, description: "Children aged 0 to 17." }),
  }),
});

const SaveAuthorityInput = builder.inputType("SaveAuthorityInput", {
  description: "A local authority area: created when the GSS code is new, renamed otherwise.",
  fields: (t) => ({
    gssCode: t.string({ required: true, description: "GSS code, the authority's id (E09000034)." }),
    name: t.string({ required: true, description: "The authority's name." }),
    childPopulation: t.field({
      type: [ChildPopulationInput],
      required: false,
      description: "Child population by year; the years given are written, others kept.",
    }),
    populationSource: t.string({ required: false, description: "Where the population figures come from." }),
  }),
});

const SaveAuthorityPayload = builder.objectRef<SavedAuthority>("SaveAuthorityPayload").implement({
  description: "The authority as saved.",
  fields: (t) => ({
    authority: t.field({ type: Authority, description: "The authority, as written.", resolve: (p) => p.row }),
    created: t.exposeBoolean("created", { description: "True when this save created the authority." }),
  }),
});

builder.mutationField("saveAuthority", (t) =>
  t.field({
    type: SaveAuthorityPayload,
    description: "Creates or renames an authority and records its child population by year (REGION_ADMIN).",
    ...mutationScopes("saveAuthority"),
    errors: { types: [...baseMutationErrors], union: { name: "SaveAuthorityResult", description: "The authority, or why it was refused." } },
    args: { input: t.arg({ type: SaveAuthorityInput, required: true, description: "The authority." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await saveAuthority(context.db, actorOf(context), {
          gssCode: input.gssCode,
          name: input.name,
          childPopulation: input.childPopulation ?? null,
          populationSource: input.populationSource ?? null,
        }, { clock: context.clock }),
      ),
  }),
);

const SaveStatisticalNeighboursInput = builder.inputType("SaveStatisticalNeighboursInput", {
  description: "An authority's statistical neighbours, nearest first, replacing its list.",
  fields: (t) => ({
    authorityId: t.id({ required: true, description: "The authority (global id or GSS code)." }),
    neighbourIds: t.idList({ required: true, description: "Its neighbours, nearest first (GSS codes or global ids); empty clears the list." }),
  }),
});

const SaveStatisticalNeighboursPayload = builder
  .objectRef<SavedStatisticalNeighbours & { region: string }>("SaveStatisticalNeighboursPayload")
  .implement({
    description: "The authority whose neighbours were saved; read its statisticalNeighbours for the list.",
    fields: (t) => ({
      authority: t.field({ type: Authority, description: "The authority.", resolve: (p) => regionalKey(p.region, p.authorityId) }),
      neighbourCodes: t.stringList({ description: "The neighbours' GSS codes, nearest first, as saved.", resolve: (p) => [...p.neighbourIds] }),
    }),
  });

builder.mutationField("saveStatisticalNeighbours", (t) =>
  t.field({
    type: SaveStatisticalNeighboursPayload,
    description: "Replaces an authority's statistical neighbours for benchmarking (REGION_ADMIN).",
    ...mutationScopes("saveStatisticalNeighbours"),
    errors: {
      types: [...baseMutationErrors],
      union: { name: "SaveStatisticalNeighboursResult", description: "The neighbours, or why they were refused." },
    },
    args: { input: t.arg({ type: SaveStatisticalNeighboursInput, required: true, description: "The neighbours." }) },
    resolve: async (_root, { input }, context) => {
      const saved = orThrow(
        await saveStatisticalNeighbours(context.db, actorOf(context), {
          authorityId: rowId(context, String(input.authorityId), "Authority", "input.authorityId"),
          neighbourIds: input.neighbourIds.map((id, i) => rowId(context, String(id), "Authority", `input.neighbourIds[${i}]`)),
        }, { clock: context.clock }),
      );
      return { ...saved, region: context.viewer!.region };
    },
  }),
);
