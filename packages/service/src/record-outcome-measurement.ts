import {
  type ForbiddenError,
  type OutcomeAssessment,
  type NotFoundError,
  type Result,
  type ValidationError,
  assessOutcome,
  checkMeasuredInPeriod,
  invalid,
  isPlainDate,
  notFound,
} from "@adviser-hub/domain";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { type Database, outcomeRowToIndicator, withTransaction, writeAudit } from "@adviser-hub/persistence";

export interface OutcomeMeasurementInput {
  readonly outcomeId: string;
  readonly measuredOn: unknown;
  /** In the indicator's unit, a whole number (scaled values are the domain's convention). */
  readonly value: unknown;
  readonly note?: string | null;
}

export interface RecordedMeasurement {
  readonly outcomeId: string;
  readonly engagementId: string;
  readonly measuredOn: string;
  readonly value: number;
  readonly note: string | null;
  /** Rule 11 as of this measurement: decided by the domain here, stored with it. */
  readonly assessment: OutcomeAssessment;
  /** Whether this measurement reaches the indicator's target; null without one. Stored with it. */
  readonly targetMet: boolean | null;
}

export type RecordOutcomeMeasurementError = ValidationError | NotFoundError | ForbiddenError;
export type RecordOutcomeMeasurementResult = Result<RecordedMeasurement, RecordOutcomeMeasurementError>;

/** Adds a measurement to an outcome indicator (rule 11): one per indicator and date. */
export async function recordOutcomeMeasurement(
  db: Kysely<Database>,
  actor: CommandActor,
  input: OutcomeMeasurementInput,
  options?: CommandOptions,
): Promise<RecordOutcomeMeasurementResult> {
  const denied = requireRole(actor, "recordOutcomeMeasurement");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  return withTransaction(db, async (trx): Promise<RecordOutcomeMeasurementResult> => {
    if (typeof input?.outcomeId !== "string" || input.outcomeId === "") return invalid("outcomeId", "is required");
    if (!isPlainDate(input.measuredOn)) return invalid("measuredOn", "must be a date YYYY-MM-DD");
    if (typeof input.value !== "number" || !Number.isSafeInteger(input.value))
      return invalid("value", "must be a whole number in the indicator's unit");
    if (input.note !== undefined && input.note !== null && typeof input.note !== "string")
      return invalid("note", "must be text");
    const measuredOn = input.measuredOn;
    const outcome = await trx
      .selectFrom("outcomes")
      .selectAll()
      .where("region_code", "=", region)
      .where("id", "=", input.outcomeId)
      .forUpdate()
      .executeTakeFirst();
    if (!outcome) return { ok: false, error: notFound("outcome", input.outcomeId, "outcomeId") };
    if (outcome.baseline_on !== null && measuredOn < outcome.baseline_on)
      return invalid("measuredOn", `must not be before the baseline (${outcome.baseline_on})`);
    const inPeriod = checkMeasuredInPeriod({ periodStart: outcome.period_start, periodEnd: outcome.period_end }, measuredOn);
    if (!inPeriod.ok) return inPeriod;
    const clash = await trx
      .selectFrom("outcome_measurements")
      .select("measured_on")
      .where("region_code", "=", region)
      .where("outcome_id", "=", outcome.id)
      .where("measured_on", "=", measuredOn)
      .executeTakeFirst();
    if (clash) return invalid("measuredOn", "this indicator already has a measurement on that date");

    const at = nowOf(options);
    const note = input.note ?? null;
    const assessed = assessOutcome(outcomeRowToIndicator(outcome), [
      {
        regionCode: region,
        id: `${outcome.id}/${measuredOn}`,
        indicatorId: outcome.id,
        measuredOn,
        value: input.value,
        recordedAt: at.getTime(),
        notes: note,
      },
    ]);
    // One measurement of its own indicator is always assessed: null would be a bug.
    if (assessed.assessment === null) throw new Error(`outcome ${outcome.id} assessed no measurement`);
    const measurement: RecordedMeasurement = {
      outcomeId: outcome.id,
      engagementId: outcome.engagement_id,
      measuredOn,
      value: input.value,
      note,
      assessment: assessed.assessment,
      targetMet: assessed.targetMet,
    };
    await trx
      .insertInto("outcome_measurements")
      .values({
        region_code: region,
        outcome_id: outcome.id,
        measured_on: measuredOn,
        value: measurement.value,
        note: measurement.note,
        assessment: measurement.assessment,
        target_met: measurement.targetMet,
      })
      .execute();
    await writeAudit(trx, actor, {
      action: "recordOutcomeMeasurement",
      entity: "outcome",
      entityId: outcome.id,
      before: null,
      after: measurement,
      at,
    });
    return { ok: true, value: measurement };
  });
}
