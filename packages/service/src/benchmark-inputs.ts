import {
  BENCHMARK_MEASURES,
  type Benchmark,
  type BenchmarkInput,
  type BenchmarkMeasure,
  type PublishedCount,
  buildBenchmark,
  isBenchmarkSymbol,
} from "@adviser-hub/domain";
import type { PublishedFigureRow } from "@adviser-hub/persistence";

/** A stored figure as the domain reads it: a number, or the symbol published in its place. */
export function countOf(value: number | null, symbol: string | null): PublishedCount {
  if (value !== null && symbol === null) return { suppressed: false, value };
  return { suppressed: true, symbol: isBenchmarkSymbol(symbol) ? symbol : "SUPPRESSED" };
}

/**
 * Stored figures grouped by measure and year, each built into the domain's benchmark (rule 12).
 * Figures without a child population have no rate and are left out, as in `benchmark`.
 */
export function benchmarksOf(rows: readonly PublishedFigureRow[]): Benchmark[] {
  const groups = new Map<string, { measure: BenchmarkMeasure; year: number; inputs: BenchmarkInput[] }>();
  for (const row of rows) {
    if (row.population === null || !(BENCHMARK_MEASURES as readonly string[]).includes(row.measure)) continue;
    const key = `${row.measure}/${row.year}`;
    const group = groups.get(key) ?? { measure: row.measure as BenchmarkMeasure, year: row.year, inputs: [] };
    group.inputs.push({ authorityId: row.authorityId, population: row.population, count: countOf(row.value, row.symbol) });
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const built = buildBenchmark(g.measure, g.year, g.inputs);
    // Stored rows passed the database's checks (positive populations, one row per authority):
    // a refusal here is a bug, not bad input.
    if (!built.ok) throw new Error(`stored ${g.measure} ${g.year} figures refused: ${built.error.message}`);
    return built.value;
  });
}
