import { sql, type Transaction } from "kysely";
import type { AreaFigureRow } from "../queries/published-benchmarks.js";
import type { Database } from "../schema.js";

export interface StatisticWrite {
  readonly authorityId: string;
  readonly year: number;
  readonly measure: string;
  readonly value: number | null;
  readonly symbol: string | null;
}
export interface PopulationWrite {
  readonly authorityId: string;
  readonly year: number;
  readonly population: number;
}
/** A national or regional comparator to write: the row as read back. */
export type AreaStatisticWrite = AreaFigureRow;

export interface PublishedWriteCounts {
  readonly statistics: number;
  readonly populations: number;
  readonly areaStatistics: number;
}

const CHUNK = 1_000;
const chunks = <T>(rows: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
};

/**
 * Writes published figures, changing only rows whose figure differs from what is stored: a
 * second import of the same file updates nothing (no row, no data version). Returns how many
 * rows each table gained or changed.
 */
export async function writePublishedFigures(
  trx: Transaction<Database>,
  region: string,
  source: string,
  figures: { readonly statistics: readonly StatisticWrite[]; readonly populations: readonly PopulationWrite[]; readonly areas: readonly AreaStatisticWrite[] },
): Promise<PublishedWriteCounts> {
  let statistics = 0;
  let populations = 0;
  let areaStatistics = 0;
  for (const part of chunks(figures.populations)) {
    const rows = await trx
      .insertInto("benchmark_populations")
      .values(part.map((p) => ({ region_code: region, authority_id: p.authorityId, year: p.year, child_population: p.population, source })))
      .onConflict((oc) =>
        oc
          .columns(["region_code", "authority_id", "year"])
          .doUpdateSet({ child_population: sql.ref("excluded.child_population"), source: sql.ref("excluded.source") })
          .where(sql<boolean>`benchmark_populations.child_population is distinct from excluded.child_population`),
      )
      .returning("authority_id")
      .execute();
    populations += rows.length;
  }
  for (const part of chunks(figures.statistics)) {
    const rows = await trx
      .insertInto("benchmark_statistics")
      .values(
        part.map((s) => ({
          region_code: region,
          authority_id: s.authorityId,
          year: s.year,
          measure: s.measure,
          value: s.value,
          symbol: s.symbol,
          suppressed: s.symbol === "SUPPRESSED",
          source,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(["region_code", "authority_id", "year", "measure"])
          .doUpdateSet({
            value: sql.ref("excluded.value"),
            symbol: sql.ref("excluded.symbol"),
            suppressed: sql.ref("excluded.suppressed"),
            source: sql.ref("excluded.source"),
          })
          .where(sql<boolean>`(benchmark_statistics.value, benchmark_statistics.symbol) is distinct from (excluded.value, excluded.symbol)`),
      )
      .returning("authority_id")
      .execute();
    statistics += rows.length;
  }
  for (const part of chunks(figures.areas)) {
    const rows = await trx
      .insertInto("benchmark_area_statistics")
      .values(
        part.map((a) => ({
          region_code: region,
          level: a.level,
          area_code: a.areaCode,
          area_name: a.areaName,
          year: a.year,
          measure: a.measure,
          value: a.value,
          symbol: a.symbol,
          child_population: a.population,
          source,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(["region_code", "level", "area_code", "year", "measure"])
          .doUpdateSet({
            area_name: sql.ref("excluded.area_name"),
            value: sql.ref("excluded.value"),
            symbol: sql.ref("excluded.symbol"),
            child_population: sql.ref("excluded.child_population"),
            source: sql.ref("excluded.source"),
          })
          .where(
            sql<boolean>`(benchmark_area_statistics.area_name, benchmark_area_statistics.value, benchmark_area_statistics.symbol, benchmark_area_statistics.child_population)
              is distinct from (excluded.area_name, excluded.value, excluded.symbol, excluded.child_population)`,
          ),
      )
      .returning("area_code")
      .execute();
    areaStatistics += rows.length;
  }
  return { statistics, populations, areaStatistics };
}
