import type { OutcomeIndicator, OutcomeMeasurement, OutcomeResult, OutcomeSummary } from "./outcome.js";

/** Rule 11: change = latest measurement - baseline, judged by the indicator's good direction. */
export function assessOutcome(
  _indicator: OutcomeIndicator,
  _measurements: readonly OutcomeMeasurement[],
): OutcomeResult {
  throw new Error("pending");
}

export function summariseOutcomes(_results: readonly OutcomeResult[]): OutcomeSummary {
  throw new Error("pending");
}
