import { shareFromBasisPoints } from "@adviser-hub/domain";
import { type SavedHostArrangement, saveHostArrangement } from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { Adviser } from "./adviser.js";
import { Authority } from "./authority.js";
import { baseMutationErrors } from "./errors.js";
import { actorOf, mutationScopes, orThrow, rowId } from "./mutation-support.js";

/** An arrangement as saved, with the granularity to show its commitment in days. */
type HostArrangementValue = SavedHostArrangement["row"] & { readonly unitsPerDay: number };

const HostArrangement = builder.objectRef<HostArrangementValue>("HostArrangement").implement({
  description: "Adviser x authority x period: the host funds a share of the salary and receives a weekly commitment of local work (rule 7).",
  fields: (t) => ({
    code: t.exposeString("id", { description: "The arrangement's id within the region." }),
    adviser: t.field({ type: Adviser, description: "The hosted adviser.", resolve: (h) => regionalKey(h.region_code, h.adviser_id) }),
    authority: t.field({ type: Authority, description: "The host authority.", resolve: (h) => regionalKey(h.region_code, h.authority_id) }),
    startDate: t.field({ type: "Date", description: "First day of the arrangement.", resolve: (h) => h.starts_on }),
    endDate: t.field({ type: "Date", nullable: true, description: "Last day, inclusive; null while open-ended.", resolve: (h) => h.ends_on }),
    salaryShare: t.string({ description: "The host's share of the salary, an exact decimal (\"0.5\").", resolve: (h) => shareFromBasisPoints(h.salary_share_bp) }),
    commitmentDaysPerWeek: t.field({
      type: "Days",
      description: "Regular local-priority work in a full working week.",
      resolve: (h) => ({ units: h.commitment_units_per_week, unitsPerDay: h.unitsPerDay }),
    }),
  }),
});

const SaveHostArrangementInput = builder.inputType("SaveHostArrangementInput", {
  description: "A host arrangement: created when the code is new, changed otherwise; ended by setting its end date.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The arrangement's code within the region." }),
    adviserId: t.id({ required: true, description: "The hosted adviser (global id or code)." }),
    authorityId: t.id({ required: true, description: "The host authority (global id or GSS code)." }),
    startDate: t.field({ type: "Date", required: true, description: "First day; not before the adviser's employment starts." }),
    endDate: t.field({ type: "Date", required: false, description: "Last day, inclusive; leave it out while open-ended (only for an adviser with no employment end)." }),
    salaryShare: t.string({
      required: true,
      description: "The host's share of the salary, above 0 and at most 1 (\"0.5\"); the adviser's concurrent shares may not exceed 1.",
    }),
    commitmentDaysPerWeek: t.field({ type: "Days", required: true, description: "Local-priority work a full week, at most a working week; 0 for none." }),
  }),
});

const SaveHostArrangementPayload = builder.objectRef<SavedHostArrangement>("SaveHostArrangementPayload").implement({
  description: "The host arrangement as saved.",
  fields: (t) => ({
    hostArrangement: t.field({
      type: HostArrangement,
      description: "The arrangement, as written.",
      resolve: (p) => ({ ...p.row, unitsPerDay: p.policy.unitsPerDay }),
    }),
    created: t.exposeBoolean("created", { description: "True when this save created the arrangement." }),
  }),
});

builder.mutationField("saveHostArrangement", (t) =>
  t.field({
    type: SaveHostArrangementPayload,
    description:
      "Creates, changes or ends a host arrangement (REGION_ADMIN). Concurrent salary shares above 1 are refused, also by the database when two saves race, naming input.salaryShare.",
    ...mutationScopes("saveHostArrangement"),
    errors: {
      types: [...baseMutationErrors],
      union: { name: "SaveHostArrangementResult", description: "The arrangement, or why it was refused." },
    },
    args: { input: t.arg({ type: SaveHostArrangementInput, required: true, description: "The arrangement." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await saveHostArrangement(context.db, actorOf(context), {
          id: String(input.id),
          adviserId: rowId(context, String(input.adviserId), "Adviser", "input.adviserId"),
          authorityId: rowId(context, String(input.authorityId), "Authority", "input.authorityId"),
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          salaryShare: input.salaryShare,
          commitmentDaysPerWeek: input.commitmentDaysPerWeek.text,
        }, { clock: context.clock }),
      ),
  }),
);
