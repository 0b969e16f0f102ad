import { invalid, ok, type Result, type ValidationError } from "../result.js";
import type { Benchmark, BenchmarkMeasure, Outlier } from "./benchmark.js";

/** Stored facts summed per theme and home authority (null for a region-wide organisation). */
export interface ThemeActivity {
  readonly theme: string;
  readonly authorityId: string | null;
  /** Engagements with this theme and home authority. */
  readonly engagements: number;
  /** Units of the granularity delivered on them in the year. */
  readonly deliveredUnits: number;
}

export interface ThemeOutlier {
  readonly measure: BenchmarkMeasure;
  readonly authorityId: string;
  readonly outlier: Outlier;
}

export interface CommonTheme {
  readonly theme: string;
  readonly engagements: number;
  readonly deliveredUnits: number;
  /** Distinct authorities whose organisations had engagements on the theme, by code. */
  readonly authorityIds: readonly string[];
  /** Seen in at least the threshold's number of authorities: a problem common to the boroughs. */
  readonly common: boolean;
  /** The measures on which those authorities are outliers (rule 12's 1.5 IQR fences), that year. */
  readonly outliers: readonly ThemeOutlier[];
}

/**
 * Themes across the region's authorities: engagements, days delivered and distinct authorities
 * per theme, the benchmark measures where those authorities are outliers, and whether the theme
 * appears in at least `minAuthorities` authorities. Most widespread first.
 */
export function commonThemes(
  activity: readonly ThemeActivity[],
  benchmarks: readonly Benchmark[],
  minAuthorities: number,
): Result<readonly CommonTheme[], ValidationError> {
  if (!Number.isSafeInteger(minAuthorities) || minAuthorities < 1) return invalid("minAuthorities", "must be a whole number, 1 or more");
  const outliersOf = new Map<string, ThemeOutlier[]>();
  for (const benchmark of benchmarks)
    for (const row of benchmark.rows)
      if (row.outlier !== null) {
        const list = outliersOf.get(row.authorityId) ?? [];
        list.push({ measure: benchmark.measure, authorityId: row.authorityId, outlier: row.outlier });
        outliersOf.set(row.authorityId, list);
      }
  const byTheme = new Map<string, { engagements: number; units: number; authorities: Set<string> }>();
  for (const a of activity) {
    const t = byTheme.get(a.theme) ?? { engagements: 0, units: 0, authorities: new Set<string>() };
    t.engagements += a.engagements;
    t.units += a.deliveredUnits;
    if (a.authorityId !== null) t.authorities.add(a.authorityId);
    byTheme.set(a.theme, t);
  }
  const themes = [...byTheme].map(([theme, t]): CommonTheme => {
    const authorityIds = [...t.authorities].sort();
    return {
      theme,
      engagements: t.engagements,
      deliveredUnits: t.units,
      authorityIds,
      common: authorityIds.length >= minAuthorities,
      outliers: authorityIds
        .flatMap((id) => outliersOf.get(id) ?? [])
        .sort((a, b) => (a.measure === b.measure ? (a.authorityId < b.authorityId ? -1 : 1) : a.measure < b.measure ? -1 : 1)),
    };
  });
  themes.sort(
    (a, b) => b.authorityIds.length - a.authorityIds.length || b.engagements - a.engagements || (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0),
  );
  return ok(themes);
}
