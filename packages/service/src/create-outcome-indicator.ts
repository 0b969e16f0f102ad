import { type OutcomeIndicatorInput, notFound, validateOutcomeIndicatorInput } from "@adviser-hub/domain";
import { type Database, type OutcomeRowWithMeasurements, lockEngagement, writeAudit } from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import type { CommandActor } from "./actor.js";
import { refusedAs, runSave, type SaveOptions, type SaveResult } from "./administration/save-support.js";

export type CreateOutcomeIndicatorResult = SaveResult<OutcomeRowWithMeasurements>;

/** The database's names for fields the domain checked first; a taken code is the primary key's. */
const COLUMNS = { id: "id", target: "target", periodEnd: "periodEnd" } as const;

/**
 * Defines an outcome indicator on an engagement (rule 11): what is measured, its unit and good
 * direction, the baseline, an optional target beyond it and the period measurements are taken
 * in. Whether a measurement meets the target is then decided when it is recorded, and stored.
 */
export async function createOutcomeIndicator(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: OutcomeIndicatorInput,
  options?: SaveOptions,
): Promise<CreateOutcomeIndicatorResult> {
  return runSave(db, actor, "createOutcomeIndicator", options, async (context) => {
    const { trx, region, at, field } = context;
    const valid = validateOutcomeIndicatorInput(input, options?.path ?? "input");
    if (!valid.ok) return valid;
    const indicator = valid.value;
    // Locked so the engagement cannot change hands while an indicator is added to it.
    const engagement = await lockEngagement(trx, region, indicator.engagementId);
    if (!engagement) return { ok: false, error: notFound("engagement", indicator.engagementId, field("engagementId")) };
    const row = await refusedAs(context, COLUMNS, () =>
      trx
        .insertInto("outcomes")
        .values({
          region_code: region,
          id: indicator.id ?? `out-${crypto.randomUUID()}`,
          engagement_id: engagement.id,
          indicator: indicator.indicator,
          unit: indicator.unit,
          good_direction: indicator.goodDirection,
          baseline_value: indicator.baseline,
          baseline_on: indicator.baselineOn,
          target_value: indicator.target,
          period_start: indicator.periodStart,
          period_end: indicator.periodEnd,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await writeAudit(trx, actor, { action: "createOutcomeIndicator", entity: "outcome", entityId: row.id, before: null, after: row, at });
    const created: OutcomeRowWithMeasurements = {
      regionCode: region,
      id: row.id,
      engagementId: row.engagement_id,
      homeAuthorityId: engagement.home_authority_id,
      indicator: row.indicator,
      unit: row.unit,
      goodDirection: row.good_direction,
      baseline: String(indicator.baseline),
      baselineOn: row.baseline_on,
      target: indicator.target === null ? null : String(indicator.target),
      periodStart: row.period_start,
      periodEnd: row.period_end,
      measurements: [],
    };
    return { ok: true, value: created };
  });
}
