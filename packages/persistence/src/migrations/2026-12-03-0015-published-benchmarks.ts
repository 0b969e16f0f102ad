import { type Kysely, sql } from "kysely";

// Published statistics as the Department for Education's open data gives them. A figure is a
// number or a symbol standing in for one (c suppressed, z not applicable, x unavailable, low,
// u low reliability, : not available), kept as its meaning and never as zero: `symbol` holds
// the meaning, `value` is null exactly when it is set, and `suppressed` stays true exactly for
// 'c' so earlier readers keep their meaning. National and regional rows are comparators, not
// authorities: they live in their own table keyed by level and area code. A migration may not
// import the domain, so the list of meanings is written here once. Forward only.

const SYMBOLS = "'SUPPRESSED', 'NOT_APPLICABLE', 'UNAVAILABLE', 'LOW', 'LOW_RELIABILITY', 'NOT_AVAILABLE'";

const statements = [
  "alter table benchmark_statistics add column symbol text",
  "update benchmark_statistics set symbol = 'SUPPRESSED' where suppressed",
  "alter table benchmark_statistics drop constraint benchmark_statistics_suppressed_without_value",
  `alter table benchmark_statistics add constraint benchmark_statistics_symbol_known
     check (symbol is null or symbol in (${SYMBOLS}))`,
  `alter table benchmark_statistics add constraint benchmark_statistics_value_or_symbol
     check ((value is null) = (symbol is not null))`,
  `alter table benchmark_statistics add constraint benchmark_statistics_suppressed_is_c
     check (suppressed = (symbol is not distinct from 'SUPPRESSED'))`,
  `create table benchmark_area_statistics (
    region_code text not null,
    level text not null,
    area_code text not null,
    area_name text not null,
    year integer not null,
    measure text not null,
    value bigint,
    symbol text,
    child_population bigint,
    source text not null,
    constraint benchmark_area_statistics_pkey primary key (region_code, level, area_code, year, measure),
    constraint benchmark_area_statistics_region_fkey foreign key (region_code)
      references regions (region_code),
    constraint benchmark_area_statistics_level_known check (level in ('NATIONAL', 'REGIONAL')),
    constraint benchmark_area_statistics_measure_format check (measure ~ '^[A-Z][A-Z0-9_]*$'),
    constraint benchmark_area_statistics_symbol_known check (symbol is null or symbol in (${SYMBOLS})),
    constraint benchmark_area_statistics_value_or_symbol check ((value is null) = (symbol is not null)),
    constraint benchmark_area_statistics_value_not_negative check (value is null or value >= 0),
    constraint benchmark_area_statistics_population_positive check (child_population is null or child_population > 0)
  )`,
  // Every region-keyed table moves the region's data version (migration 0010).
  ...(["insert", "update", "delete"] as const).map(
    (event) => `create trigger region_data_version_${event} after ${event} on benchmark_area_statistics
       referencing ${event === "delete" ? "old" : "new"} table as changed
       for each statement execute function bump_region_data_version()`,
  ),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
