import {
  type AdviserRow,
  type SavedAdviser,
  type SavedAdviserLeave,
  advisersByIds,
  advisersOfRegion,
  saveAdviser,
  saveAdviserLeave,
} from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { baseMutationErrors } from "./errors.js";
import { actorOf, mutationScopes, orThrow, rowId } from "./mutation-support.js";
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

const SaveAdviserInput = builder.inputType("SaveAdviserInput", {
  description: "An adviser as the region employs them: created when the code is new, changed otherwise.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The adviser's code within the region (adv-4), or its global id." }),
    name: t.string({ required: true, description: "The adviser's name." }),
    fte: t.string({ required: true, description: "Full-time equivalent, an exact decimal above 0 and at most 1 (\"0.8\")." }),
    employedFrom: t.field({ type: "Date", required: true, description: "First day of employment." }),
    employedTo: t.field({ type: "Date", required: false, description: "Last day of employment; leave it out while employed. Setting it ends the employment." }),
  }),
});

const SaveAdviserPayload = builder.objectRef<SavedAdviser>("SaveAdviserPayload").implement({
  description: "The adviser as saved.",
  fields: (t) => ({
    adviser: t.field({ type: Adviser, description: "The adviser, as written.", resolve: (p) => p.row }),
    created: t.exposeBoolean("created", { description: "True when this save created the adviser." }),
  }),
});

builder.mutationField("saveAdviser", (t) =>
  t.field({
    type: SaveAdviserPayload,
    description: "Creates or changes an adviser: name, FTE and employment period (REGION_ADMIN). Advisers are ended, never deleted.",
    ...mutationScopes("saveAdviser"),
    errors: { types: [...baseMutationErrors], union: { name: "SaveAdviserResult", description: "The adviser, or why it was refused." } },
    args: { input: t.arg({ type: SaveAdviserInput, required: true, description: "The adviser." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await saveAdviser(context.db, actorOf(context), {
          id: rowId(context, String(input.id), "Adviser", "input.id"),
          name: input.name,
          fte: input.fte,
          employedFrom: input.employedFrom,
          employedTo: input.employedTo ?? null,
        }, { clock: context.clock }),
      ),
  }),
);

const SaveAdviserLeaveInput = builder.inputType("SaveAdviserLeaveInput", {
  description: "An adviser's leave over a range of dates: the same days away on each working day of it.",
  fields: (t) => ({
    adviserId: t.id({ required: true, description: "The adviser (global id or code)." }),
    startDate: t.field({ type: "Date", required: true, description: "First day of the range." }),
    endDate: t.field({ type: "Date", required: false, description: "Last day of the range, inclusive; the start date when left out." }),
    days: t.field({ type: "Days", required: true, description: "Days away on each working day, at most 1; 0 clears the range's leave." }),
    reason: t.string({ required: false, description: "Why, for the region's staff." }),
  }),
});

const LeaveDay = builder.objectRef<{ leaveOn: string; units: number; unitsPerDay: number }>("LeaveDay").implement({
  description: "Leave recorded on one working day.",
  fields: (t) => ({
    date: t.field({ type: "Date", description: "The day.", resolve: (d) => d.leaveOn }),
    days: t.field({ type: "Days", description: "Days away that day.", resolve: (d) => ({ units: d.units, unitsPerDay: d.unitsPerDay }) }),
  }),
});

const SaveAdviserLeavePayload = builder.objectRef<SavedAdviserLeave & { region: string }>("SaveAdviserLeavePayload").implement({
  description: "The leave now recorded over the range.",
  fields: (t) => ({
    adviser: t.field({ type: Adviser, description: "The adviser.", resolve: (p) => regionalKey(p.region, p.adviserId) }),
    startDate: t.field({ type: "Date", description: "First day of the range.", resolve: (p) => p.startDate }),
    endDate: t.field({ type: "Date", description: "Last day of the range.", resolve: (p) => p.endDate }),
    leave: t.field({
      type: [LeaveDay],
      description: "Each working day of the range with leave now, oldest first; empty when cleared. Bank holidays and weekends are never leave.",
      resolve: (p) => p.days.map((d) => ({ ...d, unitsPerDay: p.policy.unitsPerDay })),
    }),
  }),
});

builder.mutationField("saveAdviserLeave", (t) =>
  t.field({
    type: SaveAdviserLeavePayload,
    description: "Records an adviser's leave over a range of dates, replacing what the range held (REGION_ADMIN). Leave is inside employment.",
    ...mutationScopes("saveAdviserLeave"),
    errors: { types: [...baseMutationErrors], union: { name: "SaveAdviserLeaveResult", description: "The leave, or why it was refused." } },
    args: { input: t.arg({ type: SaveAdviserLeaveInput, required: true, description: "The leave." }) },
    resolve: async (_root, { input }, context) => {
      const saved = orThrow(
        await saveAdviserLeave(context.db, actorOf(context), {
          adviserId: rowId(context, String(input.adviserId), "Adviser", "input.adviserId"),
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          days: input.days.text,
          reason: input.reason ?? null,
        }, { clock: context.clock }),
      );
      return { ...saved, region: context.viewer!.region };
    },
  }),
);
