import type { OutcomeIndicator, OutcomeMeasurement, OutcomeResult, OutcomeSummary } from "./outcome-indicator.js";

/** The latest measurement: by measuredOn, then recordedAt, then id, so ties resolve the same way. */
function latestOf(measurements: readonly OutcomeMeasurement[]): OutcomeMeasurement | null {
  let latest: OutcomeMeasurement | null = null;
  for (const m of measurements) {
    if (
      latest === null ||
      m.measuredOn > latest.measuredOn ||
      (m.measuredOn === latest.measuredOn &&
        (m.recordedAt > latest.recordedAt || (m.recordedAt === latest.recordedAt && m.id > latest.id)))
    )
      latest = m;
  }
  return latest;
}

/** Rule 11: change = latest measurement - baseline, judged by the indicator's good direction. */
export function assessOutcome(indicator: OutcomeIndicator, measurements: readonly OutcomeMeasurement[]): OutcomeResult {
  const latest = latestOf(measurements.filter((m) => m.indicatorId === indicator.id));
  if (latest === null) return { indicatorId: indicator.id, latest: null, change: null, assessment: null, targetMet: null };
  const change = latest.value - indicator.baseline;
  const better = indicator.goodDirection === "LOWER" ? change < 0 : change > 0;
  const targetMet =
    indicator.target === null
      ? null
      : indicator.goodDirection === "LOWER"
        ? latest.value <= indicator.target
        : latest.value >= indicator.target;
  return {
    indicatorId: indicator.id,
    latest,
    change,
    assessment: change === 0 ? "UNCHANGED" : better ? "IMPROVED" : "WORSENED",
    targetMet,
  };
}

export function summariseOutcomes(results: readonly OutcomeResult[]): OutcomeSummary {
  const summary = { improved: 0, worsened: 0, unchanged: 0, notMeasured: 0, targetMet: 0 };
  for (const r of results) {
    if (r.targetMet === true) summary.targetMet += 1;
    if (r.assessment === "IMPROVED") summary.improved += 1;
    else if (r.assessment === "WORSENED") summary.worsened += 1;
    else if (r.assessment === "UNCHANGED") summary.unchanged += 1;
    else summary.notMeasured += 1;
  }
  return summary;
}
