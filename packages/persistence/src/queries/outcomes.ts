import { sql } from "kysely";
import type { GoodDirection, OutcomeAssessment } from "@adviser-hub/domain";
import type { Queryable } from "./queryable.js";
import { inRequestedOrder } from "./by-ids.js";

export interface OutcomeRowWithMeasurements {
  readonly regionCode: string;
  readonly id: string;
  readonly engagementId: string;
  /** The engagement's organisation's home authority: who besides staff may see it. */
  readonly homeAuthorityId: string | null;
  readonly indicator: string;
  readonly unit: string;
  readonly goodDirection: GoodDirection;
  /** numeric values as exact decimal text (no float on the way). */
  readonly baseline: string;
  readonly baselineOn: string | null;
  readonly target: string | null;
  /** The measurement period, inclusive; null ends are open. */
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly measurements: readonly {
    readonly measuredOn: string;
    readonly value: string;
    readonly note: string | null;
    /** Rule 11 as of this measurement, stored when it was written. */
    readonly assessment: OutcomeAssessment;
    /** Whether it reaches the target, stored when it was written; null without a target. */
    readonly targetMet: boolean | null;
  }[];
}

type Raw = {
  region_code: string;
  id: string;
  engagement_id: string;
  home_authority_id: string | null;
  indicator: string;
  unit: string;
  good_direction: GoodDirection;
  baseline: string;
  baseline_on: string | null;
  target: string | null;
  period_start: string | null;
  period_end: string | null;
  measurements:
    | { measured_on: string; value: string; note: string | null; assessment: OutcomeAssessment; target_met: boolean | null }[]
    | null;
};

const select = (region: string) => sql<Raw>`
  select o.region_code, o.id, o.engagement_id, org.home_authority_id, o.indicator, o.unit, o.good_direction,
         o.baseline_value::text as baseline, o.baseline_on, o.target_value::text as target,
         o.period_start, o.period_end,
         (select json_agg(json_build_object('measured_on', m.measured_on, 'value', m.value::text, 'note', m.note,
                                           'assessment', m.assessment, 'target_met', m.target_met)
                          order by m.measured_on)
            from outcome_measurements m
           where m.region_code = o.region_code and m.outcome_id = o.id) as measurements
    from outcomes o
    join engagements e on e.region_code = o.region_code and e.id = o.engagement_id
    join organisations org on org.region_code = e.region_code and org.id = e.organisation_id
   where o.region_code = ${region}`;

function shape(row: Raw): OutcomeRowWithMeasurements {
  return {
    regionCode: row.region_code,
    id: row.id,
    engagementId: row.engagement_id,
    homeAuthorityId: row.home_authority_id,
    indicator: row.indicator,
    unit: row.unit,
    goodDirection: row.good_direction,
    baseline: row.baseline,
    baselineOn: row.baseline_on,
    target: row.target,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    measurements: (row.measurements ?? []).map((m) => ({
      measuredOn: m.measured_on,
      value: m.value,
      note: m.note,
      assessment: m.assessment,
      targetMet: m.target_met,
    })),
  };
}

/** Outcome indicators of each engagement with their measurements, oldest first. One statement. */
export async function outcomesOfEngagements(
  db: Queryable,
  region: string,
  engagementIds: readonly string[],
): Promise<OutcomeRowWithMeasurements[][]> {
  if (engagementIds.length === 0) return [];
  const result = await sql<Raw>`${select(region)} and o.engagement_id = any(${sql.val([...engagementIds])}::text[]) order by o.id`.execute(db);
  const groups = new Map<string, OutcomeRowWithMeasurements[]>(engagementIds.map((id) => [id, []]));
  for (const row of result.rows) groups.get(row.engagement_id)?.push(shape(row));
  return engagementIds.map((id) => groups.get(id) ?? []);
}

/** Outcome indicators of one region by id, in the order asked. One statement. */
export async function outcomesByIds(
  db: Queryable,
  region: string,
  ids: readonly string[],
): Promise<(OutcomeRowWithMeasurements | undefined)[]> {
  if (ids.length === 0) return [];
  const result = await sql<Raw>`${select(region)} and o.id = any(${sql.val([...ids])}::text[])`.execute(db);
  return inRequestedOrder(ids, result.rows.map(shape), (row) => row.id);
}
