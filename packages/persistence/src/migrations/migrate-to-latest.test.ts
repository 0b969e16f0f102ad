import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { backends, emptyDatabase } from "../test-support/index.js";
import { MigrationFailedError, migrateToLatest, migrationNames, migrations } from "./index.js";

const EXPECTED_TABLES = [
  "adjustments",
  "adviser_leave",
  "advisers",
  "audit_log",
  "authorities",
  "benchmark_area_statistics",
  "benchmark_populations",
  "benchmark_statistics",
  "bookings",
  "case_review_engagements",
  "case_reviews",
  "deliveries",
  "engagement_transitions",
  "engagements",
  "funder_contributions",
  "funders",
  "host_arrangements",
  "knowledge_event_invitations",
  "knowledge_event_learning_items",
  "knowledge_event_themes",
  "knowledge_events",
  "learning_item_authorities",
  "learning_item_engagements",
  "learning_item_organisations",
  "learning_item_themes",
  "learning_items",
  "organisation_rates",
  "organisations",
  "outcome_measurements",
  "outcomes",
  "recommendations",
  "region_data_versions",
  "region_policies",
  "regions",
  "statement_lines",
  "statements",
  "statistical_neighbours",
  "themes",
];

describe.each(backends())("migrations on %s", (backend) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  it("migrates an empty database to the latest schema, then has nothing left to do", async () => {
    const empty = await emptyDatabase(backend);
    dispose = empty.dispose;
    const { db } = empty.app;

    const first = await migrateToLatest(db);
    expect(first.map((r) => [r.migrationName, r.status])).toEqual(
      migrationNames().map((name) => [name, "Success"]),
    );

    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE'
         and table_name not like 'kysely_%'
       order by table_name`.execute(db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(EXPECTED_TABLES);

    // Every table leads its primary key with region_code: the region is the shard key.
    const keys = await sql<{ table_name: string; first_column: string }>`
      select c.conrelid::regclass::text as table_name, a.attname as first_column
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       where c.contype in ('p', 'f') and c.connamespace = 'public'::regnamespace
         and c.conrelid::regclass::text not like 'kysely_%'`.execute(db);
    expect(keys.rows.length).toBeGreaterThan(EXPECTED_TABLES.length);
    expect(keys.rows.filter((r) => r.first_column !== "region_code")).toEqual([]);

    expect(await migrateToLatest(db)).toEqual([]);
  });

  it("reports a failed migration by name and leaves the schema as it was", async () => {
    const empty = await emptyDatabase(backend);
    dispose = empty.dispose;
    const { db } = empty.app;
    const broken = {
      ...migrations,
      "2099-12-31-0001-broken": {
        up: async (trx: typeof db) => {
          await sql`create table half_done (id int)`.execute(trx);
          await sql`insert into no_such_table values (1)`.execute(trx);
        },
      },
    };

    const failure = await migrateToLatest(db, { migrations: broken }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect((failure as MigrationFailedError).migrationName).toBe("2099-12-31-0001-broken");

    // One transaction for the run: the earlier migrations rolled back with the broken one.
    const tables = await sql<{ n: number }>`
      select count(*) as n from information_schema.tables where table_schema = 'public'
         and table_name in ('regions', 'half_done')`.execute(db);
    expect(tables.rows[0]!.n).toBe(0);
  });
});
