import { regionsByCodes } from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { isRegionMember, regionMember } from "./scopes.js";
import { visibleTo } from "./node-visibility.js";

export interface RegionValue {
  readonly code: string;
  readonly name: string;
}

/** A region: the tenant that runs the model with its own policy. */
export const Region = builder.loadableNodeRef<RegionValue, string, string>("Region", {
  id: { resolve: (region) => regionalKey(region.code, region.code) },
  load: (keys: string[], context) =>
    loadRegional(context.db, keys, async (db, region, ids) =>
      (await regionsByCodes(db, ids)).map((row) => (row && row.code === region ? row : undefined)),
    ),
});

Region.implement({
  description: "A region that runs the adviser service (London first) with its own policy.",
  authScopes: visibleTo("Region", (region: RegionValue, context) => isRegionMember(context, region.code)),
  fields: (t) => ({
    code: t.exposeString("code", { description: "The region's code, e.g. \"london\"." }),
    name: t.exposeString("name", { description: "The region's name." }),
    unitsPerDay: t.int({
      description: "Granularity of day quantities in the current policy: 2 means half days, 4 quarter days.",
      resolve: async (region, _args, context) => (await context.loaders.latestPolicy(region.code)).unitsPerDay,
    }),
  }),
});

builder.queryField("region", (t) =>
  t.field({
    type: Region,
    nullable: true,
    description: "A region by code (\"london\"); null when no such region exists. Only its own tokens may read it.",
    args: { code: t.arg.string({ required: true, description: "The region's code." }) },
    authScopes: (_root, args) => regionMember(args.code),
    resolve: async (_root, args, context) => (await context.loaders.region.load(args.code)) ?? null,
  }),
);
