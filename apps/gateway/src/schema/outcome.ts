import {
  type OutcomeRowWithMeasurements,
  createOutcomeIndicator,
  outcomesByIds,
  outcomesOfEngagements,
  type RecordedMeasurement,
  recordOutcomeMeasurement,
} from "@adviser-hub/service";
import { isStaff } from "../auth/viewer.js";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { Engagement } from "./engagement.js";
import { baseMutationErrors } from "./errors.js";
import { actorOf, mutationScopes, orThrow, rowId } from "./mutation-support.js";
import { isRegionStaff } from "./scopes.js";
import { visibleTo } from "./node-visibility.js";

const AssessmentEnum = builder.enumType("OutcomeAssessment", {
  description: "How the latest measurement compares with the baseline, in the indicator's good direction.",
  values: {
    IMPROVED: { description: "Moved in the good direction." },
    WORSENED: { description: "Moved in the bad direction." },
    UNCHANGED: { description: "Equal to the baseline." },
  },
});

const GoodDirectionEnum = builder.enumType("GoodDirection", {
  description: "Which way is better for an indicator.",
  values: { LOWER: { description: "Lower is better (weeks of care proceedings)." }, HIGHER: { description: "Higher is better." } },
});

type MeasurementValue = OutcomeRowWithMeasurements["measurements"][number] & { readonly regionCode: string };

const OutcomeMeasurement = builder.objectRef<MeasurementValue>("OutcomeMeasurement").implement({
  description: "One measurement of an outcome indicator.",
  fields: (t) => ({
    measuredOn: t.field({ type: "Date", description: "When it was measured.", resolve: (m) => m.measuredOn }),
    value: t.exposeString("value", { description: "The value in the indicator's unit, exact decimal." }),
    assessment: t.field({
      type: AssessmentEnum,
      description: "This measurement against the baseline in the good direction, decided when it was recorded.",
      resolve: (m) => m.assessment,
    }),
    targetMet: t.boolean({
      nullable: true,
      description: "Whether this measurement reaches the target, decided when it was recorded; null when the indicator has no target.",
      resolve: (m) => m.targetMet,
    }),
    note: t.string({
      nullable: true,
      description: "Free-text note: the region's own staff only.",
      authScopes: (m, _args, context) => isRegionStaff(context, m.regionCode),
      resolve: (m) => m.note,
    }),
  }),
});

/** Staff see every indicator; an authority those of its own area's engagements. */
const mayView = (context: GatewayContext, row: OutcomeRowWithMeasurements) =>
  isStaff(context.viewer, row.regionCode) ||
  (context.viewer?.role === "AUTHORITY" && context.viewer.region === row.regionCode && context.viewer.authority === row.homeAuthorityId);

export const Outcome = builder.loadableNodeRef<OutcomeRowWithMeasurements, string, string>("Outcome", {
  id: { resolve: (row) => regionalKey(row.regionCode, row.id) },
  load: (keys: string[], context) => loadRegional(context.db, keys, outcomesByIds),
});

Outcome.implement({
  description: "An indicator measured on an engagement: baseline, target and later measurements (rule 11).",
  authScopes: visibleTo("Outcome", (row: OutcomeRowWithMeasurements, context) => mayView(context, row)),
  fields: (t) => ({
    code: t.exposeString("id", { description: "The indicator's id within the region." }),
    indicator: t.exposeString("indicator", { description: "What is measured (weeks of care proceedings)." }),
    unit: t.exposeString("unit", { description: "The unit of the values." }),
    goodDirection: t.field({ type: GoodDirectionEnum, description: "Which way is better.", resolve: (o) => o.goodDirection }),
    baseline: t.exposeString("baseline", { description: "The baseline value, exact decimal." }),
    baselineOn: t.field({ type: "Date", nullable: true, description: "When the baseline was taken.", resolve: (o) => o.baselineOn }),
    target: t.exposeString("target", { nullable: true, description: "The target value, if set." }),
    periodStart: t.field({
      type: "Date",
      nullable: true,
      description: "First day measurements are taken; null when unbounded.",
      resolve: (o) => o.periodStart,
    }),
    periodEnd: t.field({ type: "Date", nullable: true, description: "Last day measurements are taken; null when open-ended.", resolve: (o) => o.periodEnd }),
    measurements: t.field({
      type: [OutcomeMeasurement],
      description: "Later measurements, oldest first.",
      resolve: (o) => o.measurements.map((m) => ({ ...m, regionCode: o.regionCode })),
    }),
    assessment: t.field({
      type: AssessmentEnum,
      nullable: true,
      description: "Latest measurement against baseline in the good direction; null before any measurement.",
      // Decided by the domain when the measurement was written, and stored with it.
      resolve: (o) => o.measurements[o.measurements.length - 1]?.assessment ?? null,
    }),
    targetMet: t.boolean({
      nullable: true,
      description: "Whether the latest measurement reaches the target, beside its assessment; null without a target or before any measurement.",
      // Decided by the domain when the measurement was written, and stored with it.
      resolve: (o) => o.measurements[o.measurements.length - 1]?.targetMet ?? null,
    }),
  }),
});

builder.objectField(Engagement, "outcomes", (t) =>
  t.loadableList({
    type: Outcome,
    description: "Outcome indicators measured on this engagement.",
    load: async (keys: string[], context: GatewayContext) => {
      const results = await loadRegional(context.db, keys, (db, region, ids) => outcomesOfEngagements(db, region, ids));
      return results.map((result) => (result instanceof Error ? [] : result));
    },
    resolve: (row) => regionalKey(row.region_code, row.id),
  }),
);

const RecordOutcomeMeasurementInput = builder.inputType("RecordOutcomeMeasurementInput", {
  description: "A later measurement of an outcome indicator.",
  fields: (t) => ({
    outcomeId: t.id({ required: true, description: "The outcome indicator's id." }),
    measuredOn: t.field({ type: "Date", required: true, description: "When it was measured." }),
    value: t.int({ required: true, description: "The value, a whole number in the indicator's unit." }),
    note: t.string({ required: false, description: "A note for the region's staff." }),
  }),
});

const RecordOutcomeMeasurementPayload = builder
  .objectRef<{ region: string; measurement: RecordedMeasurement }>("RecordOutcomeMeasurementPayload")
  .implement({
    description: "The measurement recorded.",
    fields: (t) => ({
      outcomeCode: t.string({ description: "The outcome indicator's id.", resolve: (p) => p.measurement.outcomeId }),
      engagement: t.field({
        type: Engagement,
        description: "The engagement the indicator belongs to.",
        resolve: (p) => regionalKey(p.region, p.measurement.engagementId),
      }),
      measuredOn: t.field({ type: "Date", description: "When it was measured.", resolve: (p) => p.measurement.measuredOn }),
      value: t.int({ description: "The value.", resolve: (p) => p.measurement.value }),
    }),
  });

builder.mutationField("recordOutcomeMeasurement", (t) =>
  t.field({
    type: RecordOutcomeMeasurementPayload,
    description: "Records a measurement of an outcome indicator (REGION_ADMIN, ADVISER); one per indicator and date.",
    ...mutationScopes("recordOutcomeMeasurement"),
    errors: {
      types: [...baseMutationErrors],
      union: { name: "RecordOutcomeMeasurementResult", description: "The measurement, or why it was refused." },
    },
    args: { input: t.arg({ type: RecordOutcomeMeasurementInput, required: true, description: "The measurement." }) },
    resolve: async (_root, { input }, context) => {
      const measurement = orThrow(
        await recordOutcomeMeasurement(context.db, actorOf(context), {
          outcomeId: rowId(context, String(input.outcomeId), "Outcome", "outcomeId"),
          measuredOn: input.measuredOn,
          value: input.value,
          note: input.note ?? null,
        }, { clock: context.clock }),
      );
      return { region: context.viewer!.region, measurement };
    },
  }),
);

const CreateOutcomeIndicatorInput = builder.inputType("CreateOutcomeIndicatorInput", {
  description: "An outcome indicator to measure on an engagement (rule 11).",
  fields: (t) => ({
    code: t.string({ required: false, description: "The indicator's code within the region; generated when left out." }),
    engagementId: t.id({ required: true, description: "The engagement (global id or code)." }),
    indicator: t.string({ required: true, description: "What is measured (children entering care per quarter)." }),
    unit: t.string({ required: true, description: "The unit of the values." }),
    goodDirection: t.field({ type: GoodDirectionEnum, required: true, description: "Which way is better." }),
    baseline: t.int({ required: true, description: "The baseline, a whole number in the unit." }),
    baselineOn: t.field({ type: "Date", required: true, description: "When the baseline was taken." }),
    target: t.int({ required: false, description: "The target, beyond the baseline in the good direction; leave it out for none." }),
    periodStart: t.field({ type: "Date", required: false, description: "First day measurements are taken; the baseline date when left out." }),
    periodEnd: t.field({ type: "Date", required: false, description: "Last day measurements are taken; open-ended when left out." }),
  }),
});

const CreateOutcomeIndicatorPayload = builder.objectRef<OutcomeRowWithMeasurements>("CreateOutcomeIndicatorPayload").implement({
  description: "The indicator created.",
  fields: (t) => ({
    outcome: t.field({ type: Outcome, description: "The indicator, as written, with no measurement yet.", resolve: (p) => p }),
  }),
});

builder.mutationField("createOutcomeIndicator", (t) =>
  t.field({
    type: CreateOutcomeIndicatorPayload,
    description: "Defines an outcome indicator on an engagement (REGION_ADMIN, ADVISER); each later measurement stores whether it meets the target.",
    ...mutationScopes("createOutcomeIndicator"),
    errors: {
      types: [...baseMutationErrors],
      union: { name: "CreateOutcomeIndicatorResult", description: "The indicator, or why it was refused." },
    },
    args: { input: t.arg({ type: CreateOutcomeIndicatorInput, required: true, description: "The indicator." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await createOutcomeIndicator(context.db, actorOf(context), {
          id: input.code ?? null,
          engagementId: rowId(context, String(input.engagementId), "Engagement", "input.engagementId"),
          indicator: input.indicator,
          unit: input.unit,
          goodDirection: input.goodDirection,
          baseline: input.baseline,
          baselineOn: input.baselineOn,
          target: input.target ?? null,
          periodStart: input.periodStart ?? null,
          periodEnd: input.periodEnd ?? null,
        }, { clock: context.clock }),
      ),
  }),
);
