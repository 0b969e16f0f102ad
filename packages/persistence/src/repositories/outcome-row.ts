import type { OutcomeIndicator } from "@adviser-hub/domain";
import type { OutcomeRow } from "../schema.js";

/** An outcomes row as the domain's indicator (rule 11). Values are whole units as stored. */
export function outcomeRowToIndicator(row: OutcomeRow): OutcomeIndicator {
  return {
    regionCode: row.region_code,
    id: row.id,
    engagementId: row.engagement_id,
    name: row.indicator,
    unit: row.unit,
    goodDirection: row.good_direction,
    decimals: 0,
    baseline: Number(row.baseline_value),
    // The assessment never reads it; an outcome stored without a baseline date has none to give.
    baselineOn: row.baseline_on ?? "",
    target: row.target_value === null ? null : Number(row.target_value),
    notes: null,
  };
}
