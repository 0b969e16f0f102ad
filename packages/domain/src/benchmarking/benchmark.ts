import type { Fraction } from "../quantities/integer-arithmetic.js";
import type { BenchmarkSymbol } from "./symbols.js";

export const BENCHMARK_MEASURES = [
  "REFERRALS",
  "RE_REFERRALS",
  "CP_PLANS_AT_YEAR_END",
  "CP_PLANS_STARTED",
  "SECOND_OR_SUBSEQUENT_PLANS",
  "ASSESSMENTS_WITHIN_TIMESCALE",
] as const;
export type BenchmarkMeasure = (typeof BENCHMARK_MEASURES)[number];

/** Rates are per 10,000 children aged 0-17. */
export const RATE_PER_CHILDREN = 10_000;
/** Scaled rates are hundredths: a rate of 512.34 per 10,000 is 51234. */
export const RATE_SCALE = 100;

/**
 * A published count: a number, or a symbol in its place ('c', a count of 1 to 5, when `symbol`
 * is absent). Never read a symbol as 0. `suppressed: true` means no number was published.
 */
export type PublishedCount =
  | { readonly suppressed: false; readonly value: number }
  | { readonly suppressed: true; readonly symbol?: BenchmarkSymbol };

/** One authority's published figures for one measure and year. */
export interface BenchmarkInput {
  readonly authorityId: string;
  /** Children aged 0-17. */
  readonly population: number;
  readonly count: PublishedCount;
}

export type Outlier = "HIGH" | "LOW";

export interface BenchmarkRow {
  readonly authorityId: string;
  readonly population: number;
  readonly count: PublishedCount;
  /** Published as 'c' (a count of 1 to 5). */
  readonly suppressed: boolean;
  /** What was published in place of a number; null when a number was published. */
  readonly symbol: BenchmarkSymbol | null;
  /** count x 10000 / population exactly; null when suppressed. */
  readonly rate: Fraction | null;
  /** The rate in hundredths per 10,000, rounded half up; null when suppressed. */
  readonly rateScaled: number | null;
  /** 1 = highest rate; ties share a rank; null when suppressed. */
  readonly rank: number | null;
  readonly outlier: Outlier | null;
}

export interface Quartiles {
  /** Scaled like rateScaled, rounded half up from the exact interpolated value. */
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
}

export interface Benchmark {
  readonly measure: BenchmarkMeasure;
  readonly year: number;
  /** Sum of counts over sum of populations, suppressed authorities left out of both. */
  readonly regionRate: Fraction | null;
  readonly regionRateScaled: number | null;
  readonly quartiles: Quartiles | null;
  readonly rows: readonly BenchmarkRow[];
}

/** An authority's statistical neighbours (usually 10). */
export interface StatisticalNeighbours {
  readonly authorityId: string;
  readonly neighbourIds: readonly string[];
}

export interface NeighbourComparison {
  readonly authorityId: string;
  readonly row: BenchmarkRow | null;
  /** Sum over sum across the neighbours that are not suppressed. */
  readonly neighbourRate: Fraction | null;
  readonly neighbourRateScaled: number | null;
  /** 1 = highest among the authority and its unsuppressed neighbours; null when suppressed. */
  readonly rankAmongNeighbours: number | null;
  readonly neighbours: readonly BenchmarkRow[];
}

