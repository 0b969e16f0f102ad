import { sql } from "kysely";
import type { Queryable } from "./queryable.js";

/** One authority's published figure with the year's child population (null when none is recorded). */
export interface PublishedFigureRow {
  readonly authorityId: string;
  readonly year: number;
  readonly measure: string;
  /** Null exactly when `symbol` is set. */
  readonly value: number | null;
  /** The meaning of the symbol published instead of a number. */
  readonly symbol: string | null;
  readonly population: number | null;
}

/** The region's published authority figures for some measures over a span of years, in one statement. */
export async function publishedFigures(
  db: Queryable,
  region: string,
  filter: { readonly measures: readonly string[]; readonly fromYear: number; readonly toYear: number },
): Promise<PublishedFigureRow[]> {
  if (filter.measures.length === 0) return [];
  const rows = await db
    .selectFrom("benchmark_statistics as s")
    .leftJoin("benchmark_populations as p", (join) =>
      join.onRef("p.region_code", "=", "s.region_code").onRef("p.authority_id", "=", "s.authority_id").onRef("p.year", "=", "s.year"),
    )
    .select(["s.authority_id", "s.year", "s.measure", "s.value", "s.symbol", "s.suppressed", "p.child_population"])
    .where("s.region_code", "=", region)
    .where("s.measure", "in", [...filter.measures])
    .where("s.year", ">=", filter.fromYear)
    .where("s.year", "<=", filter.toYear)
    .orderBy("s.year")
    .orderBy("s.measure")
    .orderBy("s.authority_id")
    .execute();
  return rows.map((row) => ({
    authorityId: row.authority_id,
    year: row.year,
    measure: row.measure,
    value: row.value === null ? null : Number(row.value),
    // Rows written before symbols were stored carry only the suppressed flag.
    symbol: row.symbol ?? (row.suppressed ? "SUPPRESSED" : null),
    population: row.child_population,
  }));
}

export interface AreaFigureRow {
  readonly level: "NATIONAL" | "REGIONAL";
  readonly areaCode: string;
  readonly areaName: string;
  readonly year: number;
  readonly measure: string;
  readonly value: number | null;
  readonly symbol: string | null;
  readonly population: number | null;
}

/** Published national and regional comparators stored for the region, for one measure and span of years. */
export async function areaFigures(
  db: Queryable,
  region: string,
  filter: { readonly measure: string; readonly fromYear: number; readonly toYear: number },
): Promise<AreaFigureRow[]> {
  const rows = await db
    .selectFrom("benchmark_area_statistics")
    .selectAll()
    .where("region_code", "=", region)
    .where("measure", "=", filter.measure)
    .where("year", ">=", filter.fromYear)
    .where("year", "<=", filter.toYear)
    .orderBy("year")
    .orderBy("level")
    .orderBy("area_code")
    .execute();
  return rows.map((r) => ({
    level: r.level,
    areaCode: r.area_code,
    areaName: r.area_name,
    year: r.year,
    measure: r.measure,
    value: r.value === null ? null : Number(r.value),
    symbol: r.symbol,
    population: r.child_population === null ? null : Number(r.child_population),
  }));
}

/** Per theme and home authority: engagements with deliveries in the year and the units delivered on them. */
export interface ThemeActivityRow {
  readonly theme: string;
  /** Null for a region-wide organisation. */
  readonly authorityId: string | null;
  readonly engagements: number;
  readonly deliveredUnits: number;
}

/**
 * Stored deliveries of the financial year (not removed), summed per engagement theme and the
 * organisation's home authority, in one statement. An engagement with two themes counts in both.
 */
export async function themeActivity(db: Queryable, region: string, year: number): Promise<ThemeActivityRow[]> {
  const rows = await sql<{ theme: string; authority_id: string | null; engagements: number; units: number }>`
    select t.theme, o.home_authority_id as authority_id,
           count(distinct e.id) as engagements, sum(d.units) as units
      from engagements e
      join organisations o on o.region_code = e.region_code and o.id = e.organisation_id
      cross join lateral unnest(e.themes) as t(theme)
      join deliveries d on d.region_code = e.region_code and d.engagement_id = e.id
     where e.region_code = ${region} and d.financial_year = ${year} and d.removed_at is null
     group by t.theme, o.home_authority_id
     order by t.theme, o.home_authority_id`.execute(db);
  return rows.rows.map((r) => ({
    theme: r.theme,
    authorityId: r.authority_id,
    engagements: Number(r.engagements),
    deliveredUnits: Number(r.units),
  }));
}
