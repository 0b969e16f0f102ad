import { type RecordedMeasurement, recordOutcomeMeasurement } from "@adviser-hub/persistence";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { Engagement } from "./engagement.js";
import { mutationErrors } from "./errors.js";
import { actorOf, mutationScopes, rowId, unwrap } from "./mutation-support.js";

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
    ...mutationScopes(["REGION_ADMIN", "ADVISER"]),
    errors: {
      types: mutationErrors,
      union: { name: "RecordOutcomeMeasurementResult", description: "The measurement, or why it was refused." },
    },
    args: { input: t.arg({ type: RecordOutcomeMeasurementInput, required: true, description: "The measurement." }) },
    resolve: async (_root, { input }, context) => {
      const measurement = await unwrap(
        context,
        recordOutcomeMeasurement(context.db, actorOf(context), {
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
