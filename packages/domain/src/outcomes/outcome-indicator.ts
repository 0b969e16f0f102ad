import type { EpochMs, PlainDate } from "../calendar/plain-date.js";

export type GoodDirection = "LOWER" | "HIGHER";
export const GOOD_DIRECTIONS = ["LOWER", "HIGHER"] as const;
export type OutcomeAssessment = "IMPROVED" | "WORSENED" | "UNCHANGED";

/**
 * An indicator measured on an engagement (rule 11). Values are integers scaled by
 * 10^decimals (weeks of care proceedings 56.5 with decimals 1 is 565), so comparisons are exact.
 */
export interface OutcomeIndicator {
  readonly regionCode: string;
  readonly id: string;
  readonly engagementId: string;
  readonly name: string;
  readonly unit: string;
  readonly goodDirection: GoodDirection;
  readonly decimals: number;
  readonly baseline: number;
  readonly baselineOn: PlainDate;
  readonly target: number | null;
  readonly notes: string | null;
}

export interface OutcomeMeasurement {
  readonly regionCode: string;
  readonly id: string;
  readonly indicatorId: string;
  readonly measuredOn: PlainDate;
  readonly value: number;
  readonly recordedAt: EpochMs;
  readonly notes: string | null;
}

export interface OutcomeResult {
  readonly indicatorId: string;
  readonly latest: OutcomeMeasurement | null;
  /** latest - baseline (scaled like the values); null before any measurement. */
  readonly change: number | null;
  readonly assessment: OutcomeAssessment | null;
  /** Whether the latest value reaches the target in the good direction; null without both. */
  readonly targetMet: boolean | null;
}

export interface OutcomeSummary {
  readonly improved: number;
  readonly worsened: number;
  readonly unchanged: number;
  readonly notMeasured: number;
  /** Indicators whose latest measurement reaches their target (counted beside improved/worsened). */
  readonly targetMet: number;
}
