import { divideHalfUp, floorDiv, fraction, type Fraction } from "../quantities/integer-arithmetic.js";
import { err, type FieldIssue, invalid, ok, type Result, validationError, type ValidationError } from "../result.js";
import { type Benchmark, type BenchmarkInput, type BenchmarkMeasure, type BenchmarkRow, type NeighbourComparison, type Outlier, type PublishedCount, type Quartiles, RATE_PER_CHILDREN, RATE_SCALE } from "./benchmark.js";

const MAX_COUNT = 100_000_000;

/** Reads a published count: a whole number (commas allowed), or 'c' for suppressed. */
export function parsePublishedCount(raw: unknown, field: string): Result<PublishedCount, ValidationError> {
  if (typeof raw === "number") {
    if (!Number.isSafeInteger(raw) || raw < 0 || raw > MAX_COUNT) return invalid(field, "must be a whole number, zero or more, or 'c'");
    return ok({ suppressed: false, value: raw });
  }
  if (typeof raw !== "string") return invalid(field, "must be a whole number or 'c'");
  const text = raw.trim();
  if (text === "c" || text === "C") return ok({ suppressed: true });
  if (!/^\d{1,3}(,\d{3})*$|^\d+$/.test(text)) return invalid(field, `"${raw}" is not a whole number or 'c'`);
  const value = Number(text.replaceAll(",", ""));
  if (value > MAX_COUNT) return invalid(field, "is too large");
  return ok({ suppressed: false, value });
}

/** count x 10000 / population, and the same in hundredths rounded half up. */
function rateOf(count: number, population: number): { rate: Fraction; scaled: number } {
  return {
    rate: fraction(count * RATE_PER_CHILDREN, population),
    scaled: divideHalfUp(count * RATE_PER_CHILDREN * RATE_SCALE, population),
  };
}

/**
 * Quartiles by linear interpolation between order statistics (the "inclusive" method, Excel's
 * QUARTILE.INC, R type 7): position (n - 1) x p. Returned in quarters of the scaled rate so
 * the interpolation stays exact.
 */
function quartilesInQuarters(sorted: readonly number[]): [number, number, number] {
  const n = sorted.length;
  const at = (p: number) => {
    const pos4 = (n - 1) * p; // position x 4
    const lo = floorDiv(pos4, 4);
    const rem = pos4 - lo * 4;
    const a = sorted[lo]!;
    const b = sorted[Math.min(lo + 1, n - 1)]!;
    return a * 4 + (b - a) * rem;
  };
  return [at(1), at(2), at(3)];
}

/** Ranks by scaled rate, highest first; equal rates share a rank (1, 2, 2, 4). */
function ranks(values: readonly { id: string; scaled: number }[]): Map<string, number> {
  const sorted = [...values].sort((a, b) => b.scaled - a.scaled);
  const out = new Map<string, number>();
  sorted.forEach((v, i) => {
    const prev = sorted[i - 1];
    out.set(v.id, prev !== undefined && prev.scaled === v.scaled ? out.get(prev.id)! : i + 1);
  });
  return out;
}

function sumOverSum(rows: readonly BenchmarkRow[]): { rate: Fraction | null; scaled: number | null } {
  let count = 0;
  let population = 0;
  for (const r of rows) {
    if (r.count.suppressed) continue;
    count += r.count.value;
    population += r.population;
  }
  if (population === 0) return { rate: null, scaled: null };
  const { rate, scaled } = rateOf(count, population);
  return { rate, scaled };
}

/**
 * Rule 12: per-authority rates per 10,000 children, the region's rate as the sum of counts over
 * the sum of populations (suppressed authorities left out of both), quartiles, ranks, and
 * outliers beyond 1.5 x IQR. Suppressed counts stay suppressed: no rate, no rank, no outlier.
 */
export function buildBenchmark(
  measure: BenchmarkMeasure,
  year: number,
  inputs: readonly BenchmarkInput[],
): Result<Benchmark, ValidationError> {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    if (typeof input.authorityId !== "string" || input.authorityId === "")
      issues.push({ field: `inputs[${i}].authorityId`, message: "is required" });
    else if (seen.has(input.authorityId)) issues.push({ field: `inputs[${i}].authorityId`, message: "appears twice" });
    seen.add(input.authorityId);
    if (!Number.isSafeInteger(input.population) || input.population <= 0 || input.population > MAX_COUNT)
      issues.push({ field: `inputs[${i}].population`, message: "must be a whole number above zero" });
    if (!input.count.suppressed && (!Number.isSafeInteger(input.count.value) || input.count.value < 0 || input.count.value > MAX_COUNT))
      issues.push({ field: `inputs[${i}].count`, message: "must be a whole number, zero or more, or suppressed" });
  });
  if (issues.length > 0) return err(validationError(issues));

  const base = [...inputs]
    .sort((a, b) => (a.authorityId < b.authorityId ? -1 : a.authorityId > b.authorityId ? 1 : 0))
    .map((input) => {
      const r = input.count.suppressed ? null : rateOf(input.count.value, input.population);
      return { input, rate: r?.rate ?? null, scaled: r?.scaled ?? null };
    });
  const published = base.filter((b) => b.scaled !== null).map((b) => ({ id: b.input.authorityId, scaled: b.scaled! }));
  const sortedValues = published.map((p) => p.scaled).sort((a, b) => a - b);
  let quartiles: Quartiles | null = null;
  let fences: { low2: number; high2: number } | null = null;
  if (sortedValues.length > 0) {
    const [q1, q2, q3] = quartilesInQuarters(sortedValues);
    quartiles = { q1: divideHalfUp(q1, 4), median: divideHalfUp(q2, 4), q3: divideHalfUp(q3, 4) };
    // In quarters x 2: a value v is beyond the fence when 8v < 2 q1 - 3 iqr or 8v > 2 q3 + 3 iqr.
    const iqr = q3 - q1;
    fences = { low2: 2 * q1 - 3 * iqr, high2: 2 * q3 + 3 * iqr };
  }
  const rankOf = ranks(published);
  const rows: BenchmarkRow[] = base.map(({ input, rate, scaled }) => {
    let outlier: Outlier | null = null;
    if (scaled !== null && fences !== null) {
      if (8 * scaled > fences.high2) outlier = "HIGH";
      else if (8 * scaled < fences.low2) outlier = "LOW";
    }
    return {
      authorityId: input.authorityId,
      population: input.population,
      count: input.count,
      suppressed: input.count.suppressed && (input.count.symbol ?? "SUPPRESSED") === "SUPPRESSED",
      symbol: input.count.suppressed ? (input.count.symbol ?? "SUPPRESSED") : null,
      rate,
      rateScaled: scaled,
      rank: scaled === null ? null : rankOf.get(input.authorityId)!,
      outlier,
    };
  });
  const region = sumOverSum(rows);
  return ok({ measure, year, regionRate: region.rate, regionRateScaled: region.scaled, quartiles, rows });
}

/** Compares an authority with its statistical neighbours on an already built benchmark. */
export function compareWithNeighbours(
  benchmark: Benchmark,
  authorityId: string,
  neighbourIds: readonly string[],
): NeighbourComparison {
  const byId = new Map(benchmark.rows.map((r) => [r.authorityId, r]));
  const row = byId.get(authorityId) ?? null;
  const neighbours = neighbourIds
    .filter((id) => id !== authorityId)
    .map((id) => byId.get(id))
    .filter((r): r is BenchmarkRow => r !== undefined);
  const group = sumOverSum(neighbours);
  const ranked = [...neighbours, ...(row ? [row] : [])]
    .filter((r) => r.rateScaled !== null)
    .map((r) => ({ id: r.authorityId, scaled: r.rateScaled! }));
  const rank = row?.rateScaled == null ? null : (ranks(ranked).get(authorityId) ?? null);
  return {
    authorityId,
    row,
    neighbourRate: group.rate,
    neighbourRateScaled: group.scaled,
    rankAmongNeighbours: rank,
    neighbours,
  };
}
