import { type AdviserRow, advisersByIds, advisersOfRegion } from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { Region } from "./region.js";
import { isRegionMember } from "./scopes.js";
import { visibleTo } from "./node-visibility.js";

/** "0.8" from 8000 basis points, exact. */
export function formatBasisPoints(bp: number): string {
  const whole = Math.trunc(bp / 10000);
  const rest = String(bp % 10000).padStart(4, "0").replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : String(whole);
}

/** A senior adviser employed by the region. */
export const Adviser = builder.loadableNodeRef<AdviserRow, string, string>("Adviser", {
  id: { resolve: (row) => regionalKey(row.region_code, row.id) },
  load: (keys: string[], context) => loadRegional(context.db, keys, advisersByIds),
});

Adviser.implement({
  description: "A senior adviser with an FTE and an employment period.",
  authScopes: visibleTo("Adviser", (row: AdviserRow, context) => isRegionMember(context, row.region_code)),
  fields: (t) => ({
    code: t.exposeString("id", { description: "The adviser's id within the region (adv-1)." }),
    name: t.exposeString("name", { description: "The adviser's name." }),
    fte: t.string({ description: "Full-time equivalent as an exact decimal (\"0.8\").", resolve: (row) => formatBasisPoints(row.fte_bp) }),
    fteBasisPoints: t.exposeInt("fte_bp", { description: "Full-time equivalent in basis points (10000 = 1.0)." }),
    employedFrom: t.field({ type: "Date", description: "First day of employment.", resolve: (row) => row.employed_from }),
    employedTo: t.field({ type: "Date", nullable: true, description: "Last day of employment, if set.", resolve: (row) => row.employed_to }),
  }),
});

builder.objectField(Region, "advisers", (t) =>
  t.field({
    type: [Adviser],
    description: "The region's advisers.",
    resolve: (region, _args, context) => advisersOfRegion(context.db, region.code),
  }),
);
