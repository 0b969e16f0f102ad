import { contributionsByFunder, type FunderRow, fundersByIds, fundersOfRegion } from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { Money, money } from "./money.js";
import { Region } from "./region.js";
import { isRegionMember } from "./scopes.js";
import { visibleTo } from "./node-visibility.js";

/** A body that funds the programme. */
export const Funder = builder.loadableNodeRef<FunderRow, string, string>("Funder", {
  id: { resolve: (row) => regionalKey(row.region_code, row.id) },
  load: (keys: string[], context) => loadRegional(context.db, keys, fundersByIds),
});

Funder.implement({
  description: "A body that funds the programme (London: London Councils, Capital Ambition, DfE).",
  authScopes: visibleTo("Funder", (row: FunderRow, context) => isRegionMember(context, row.region_code)),
  fields: (t) => ({
    code: t.exposeString("id", { description: "The funder's id within the region; FUNDER tokens name it." }),
    name: t.exposeString("name", { description: "The funder's name." }),
    contribution: t.loadable({
      type: Money,
      description: "What the funder contributes for one financial year (zero when nothing is recorded).",
      args: { year: t.arg.int({ required: true, description: "Financial year, named by the year it starts in." }) },
      // One statement for every funder and year asked in the request.
      load: async (keys: string[], context) => {
        const parsed = keys.map((key) => JSON.parse(key) as [string, number, string]);
        const groups = new Map<string, { region: string; year: number; ids: string[] }>();
        for (const [region, year, id] of parsed) {
          const group = groups.get(`${region}|${year}`) ?? { region, year, ids: [] };
          group.ids.push(id);
          groups.set(`${region}|${year}`, group);
        }
        const amounts = new Map<string, number>();
        for (const group of groups.values()) {
          const values = await contributionsByFunder(context.db, group.region, group.year, group.ids);
          group.ids.forEach((id, i) => {
            amounts.set(JSON.stringify([group.region, group.year, id]), values[i] ?? 0);
          });
        }
        return keys.map((key) => money(amounts.get(key) ?? 0));
      },
      resolve: (row, args) => JSON.stringify([row.region_code, args.year, row.id]),
    }),
  }),
});

builder.objectField(Region, "funders", (t) =>
  t.field({
    type: [Funder],
    description: "The region's funders.",
    resolve: (region, _args, context) => fundersOfRegion(context.db, region.code),
  }),
);
