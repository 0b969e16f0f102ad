import {
  type FunderRow,
  type SavedFunder,
  type SavedFunderContribution,
  contributionsByFunder,
  fundersByIds,
  fundersOfRegion,
  saveFunder,
  saveFunderContribution,
} from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { baseMutationErrors } from "./errors.js";
import { Money, money } from "./money.js";
import { actorOf, mutationScopes, orThrow, rowId } from "./mutation-support.js";
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

const SaveFunderInput = builder.inputType("SaveFunderInput", {
  description: "A funder of the programme: created when the code is new, renamed otherwise.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The funder's code within the region (fnd-london-councils), or its global id." }),
    name: t.string({ required: true, description: "The funder's name." }),
  }),
});

const SaveFunderPayload = builder.objectRef<SavedFunder>("SaveFunderPayload").implement({
  description: "The funder as saved.",
  fields: (t) => ({
    funder: t.field({ type: Funder, description: "The funder, as written.", resolve: (p) => p.row }),
    created: t.exposeBoolean("created", { description: "True when this save created the funder." }),
  }),
});

builder.mutationField("saveFunder", (t) =>
  t.field({
    type: SaveFunderPayload,
    description: "Creates or renames a funder (REGION_ADMIN).",
    ...mutationScopes("saveFunder"),
    errors: { types: [...baseMutationErrors], union: { name: "SaveFunderResult", description: "The funder, or why it was refused." } },
    args: { input: t.arg({ type: SaveFunderInput, required: true, description: "The funder." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await saveFunder(context.db, actorOf(context), { id: rowId(context, String(input.id), "Funder", "input.id"), name: input.name }, { clock: context.clock }),
      ),
  }),
);

const SaveFunderContributionInput = builder.inputType("SaveFunderContributionInput", {
  description: "A funder's contribution for one financial year.",
  fields: (t) => ({
    funderId: t.id({ required: true, description: "The funder (global id or code)." }),
    year: t.int({ required: true, description: "Financial year, named by the year it starts in." }),
    amountPence: t.int({ required: true, description: "The contribution in pence, zero or more; replaces the year's figure." }),
  }),
});

const SaveFunderContributionPayload = builder.objectRef<SavedFunderContribution>("SaveFunderContributionPayload").implement({
  description: "The contribution as saved.",
  fields: (t) => ({
    funder: t.field({ type: Funder, description: "The funder.", resolve: (p) => p.funder }),
    year: t.int({ description: "The financial year.", resolve: (p) => p.contribution.financial_year }),
    amount: t.field({ type: Money, description: "The contribution for the year.", resolve: (p) => money(p.contribution.amount_pence) }),
  }),
});

builder.mutationField("saveFunderContribution", (t) =>
  t.field({
    type: SaveFunderContributionPayload,
    description: "Sets a funder's contribution for a financial year (REGION_ADMIN); the funding report's programme cost follows.",
    ...mutationScopes("saveFunderContribution"),
    errors: {
      types: [...baseMutationErrors],
      union: { name: "SaveFunderContributionResult", description: "The contribution, or why it was refused." },
    },
    args: { input: t.arg({ type: SaveFunderContributionInput, required: true, description: "The contribution." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await saveFunderContribution(context.db, actorOf(context), {
          funderId: rowId(context, String(input.funderId), "Funder", "input.funderId"),
          year: input.year,
          amountPence: input.amountPence,
        }, { clock: context.clock }),
      ),
  }),
);
