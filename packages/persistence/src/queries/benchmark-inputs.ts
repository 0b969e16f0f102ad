import type { Queryable } from "./queryable.js";

export interface BenchmarkInputRow {
  readonly authorityId: string;
  readonly authorityName: string;
  /** Children aged 0-17; null when no population is recorded for the year. */
  readonly population: number | null;
  /** Null exactly when suppressed or not published. */
  readonly value: number | null;
  readonly suppressed: boolean;
  /** The meaning of the symbol published instead of a number; null when a number was published. */
  readonly symbol: string | null;
  readonly published: boolean;
}

/** Every authority of the region with its population and published count for one measure and year. */
export async function benchmarkInputs(
  db: Queryable,
  region: string,
  year: number,
  measure: string,
): Promise<BenchmarkInputRow[]> {
  const rows = await db
    .selectFrom("authorities as a")
    .leftJoin("benchmark_populations as p", (join) =>
      join.onRef("p.region_code", "=", "a.region_code").onRef("p.authority_id", "=", "a.id").on("p.year", "=", year),
    )
    .leftJoin("benchmark_statistics as s", (join) =>
      join
        .onRef("s.region_code", "=", "a.region_code")
        .onRef("s.authority_id", "=", "a.id")
        .on("s.year", "=", year)
        .on("s.measure", "=", measure),
    )
    .select(["a.id", "a.name", "p.child_population", "s.value", "s.suppressed", "s.symbol", "s.authority_id as published_for"])
    .where("a.region_code", "=", region)
    .orderBy("a.id")
    .execute();
  return rows.map((row) => ({
    authorityId: row.id,
    authorityName: row.name,
    population: row.child_population,
    value: row.value === null ? null : Number(row.value),
    suppressed: row.suppressed === true,
    symbol: row.symbol ?? (row.suppressed === true ? "SUPPRESSED" : null),
    published: row.published_for !== null,
  }));
}
