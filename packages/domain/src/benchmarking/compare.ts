import { divideHalfUp } from "../quantities/integer-arithmetic.js";
import { type Benchmark, type BenchmarkRow, type PublishedCount, type Quartiles, RATE_PER_CHILDREN, RATE_SCALE } from "./benchmark.js";
import { compareWithNeighbours } from "./build-benchmark.js";
import type { BenchmarkSymbol } from "./symbols.js";

const symbolOfCount = (count: PublishedCount | undefined): BenchmarkSymbol | null =>
  count?.suppressed ? (count.symbol ?? "SUPPRESSED") : null;

/**
 * Quartile band of a rate among the region's authorities, as the local-authority interactive
 * tool shows it: 1 up to the lower quartile, 2 up to the median, 3 up to the upper quartile,
 * 4 above it. Bands run with the rate (higher rate, same or higher band); whether high is good
 * depends on the measure, so the band says where, not how well.
 */
export type QuartileBand = 1 | 2 | 3 | 4;

export function quartileBand(rateScaled: number, quartiles: Quartiles): QuartileBand {
  if (rateScaled <= quartiles.q1) return 1;
  if (rateScaled <= quartiles.median) return 2;
  if (rateScaled <= quartiles.q3) return 3;
  return 4;
}

/** A rate's move from the previous year with a published rate. */
export type Trend = "UP" | "DOWN" | "UNCHANGED";

export function trendBetween(previous: number | null, current: number | null): Trend | null {
  if (previous === null || current === null) return null;
  return current > previous ? "UP" : current < previous ? "DOWN" : "UNCHANGED";
}

/** A published comparator (England): a count with its child population. */
export interface PublishedArea {
  readonly count: PublishedCount;
  readonly population: number | null;
}

/** Rate per 10,000 children in hundredths, rounded half up; null without a number or a population. */
export function areaRateScaled(area: PublishedArea | undefined): number | null {
  if (!area || area.count.suppressed || area.population === null || area.population <= 0) return null;
  return divideHalfUp(area.count.value * RATE_PER_CHILDREN * RATE_SCALE, area.population);
}

export interface ComparisonYear {
  readonly year: number;
  /** The authority's row; null when the year has no figure for it. */
  readonly row: BenchmarkRow | null;
  /** Authorities ranked that year (those with a published rate). */
  readonly ranked: number;
  readonly quartileBand: QuartileBand | null;
  readonly regionRateScaled: number | null;
  /** Null when the year has no England row with a number and a population. */
  readonly englandRateScaled: number | null;
  /** The symbol England's row published in place of a number, if it did. */
  readonly englandSymbol: BenchmarkSymbol | null;
  readonly neighbourRateScaled: number | null;
  readonly rankAmongNeighbours: number | null;
  /** Against the latest earlier year with a published rate for the authority. */
  readonly trend: Trend | null;
}

export interface AuthorityComparison {
  readonly authorityId: string;
  readonly years: readonly ComparisonYear[];
  /** First to last year with a published rate; null with fewer than two. */
  readonly trend: Trend | null;
}

/**
 * An authority against its region, England and its statistical neighbours, year by year: rank
 * and quartile band among the region's authorities, and the trend over the years. Suppressed
 * and other symbol-only figures have no rate, so no rank, no band and no trend point.
 */
export function compareAuthority(
  authorityId: string,
  benchmarks: readonly Benchmark[],
  neighbourIds: readonly string[],
  england: ReadonlyMap<number, PublishedArea>,
): AuthorityComparison {
  const ordered = [...benchmarks].sort((a, b) => a.year - b.year);
  let previous: number | null = null;
  let first: number | null = null;
  const years = ordered.map((benchmark): ComparisonYear => {
    const neighbours = compareWithNeighbours(benchmark, authorityId, neighbourIds);
    const row = neighbours.row;
    const rate = row?.rateScaled ?? null;
    const trend = trendBetween(previous, rate);
    if (rate !== null) {
      previous = rate;
      first ??= rate;
    }
    return {
      year: benchmark.year,
      row,
      ranked: benchmark.rows.filter((r) => r.rank !== null).length,
      quartileBand: rate !== null && benchmark.quartiles !== null ? quartileBand(rate, benchmark.quartiles) : null,
      regionRateScaled: benchmark.regionRateScaled,
      englandRateScaled: areaRateScaled(england.get(benchmark.year)),
      englandSymbol: symbolOfCount(england.get(benchmark.year)?.count),
      neighbourRateScaled: neighbours.neighbourRateScaled,
      rankAmongNeighbours: neighbours.rankAmongNeighbours,
      trend,
    };
  });
  const published = years.filter((y) => y.row?.rateScaled != null).length;
  return { authorityId, years, trend: published >= 2 ? trendBetween(first, previous) : null };
}
