import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type AppDatabase, openDatabase } from "../connection/open-database.js";
import { allocateUnallocated } from "../commands/holder-allocation.js";
import { backends, compareWithScratch, insertWestOfScotland, WEST } from "../test-support/index.js";
import { databaseUrl } from "../test-support/server-template.js";
import { MigrationFailedError, migrateToLatest, migrationNames, migrations } from "./index.js";

const EXPECTED_TABLES = [
  "adjustments",
  "adviser_leave",
  "advisers",
  "audit_log",
  "authorities",
  "benchmark_populations",
  "benchmark_statistics",
  "bookings",
  "deliveries",
  "engagement_transitions",
  "engagements",
  "funder_contributions",
  "funders",
  "host_arrangements",
  "organisation_rates",
  "organisations",
  "outcome_measurements",
  "outcomes",
  "region_policies",
  "regions",
  "statement_lines",
  "statements",
  "statistical_neighbours",
];

/** An empty database with no migrations applied, and how to get rid of it. */
async function emptyDatabase(backend: string): Promise<{ app: AppDatabase; dispose(): Promise<void> }> {
  if (backend === "pglite") {
    const app = await openDatabase({ url: "", dataDir: "memory://" });
    return { app, dispose: () => app.close() };
  }
  const url = process.env.DATABASE_URL!;
  const name = `ah_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const app = await openDatabase({ url: databaseUrl(url, name) });
  return {
    app,
    async dispose() {
      await app.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

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
  it("gives rows older than the stored allocation the domain's allocation, once", async () => {
    const empty = await emptyDatabase(backend);
    dispose = empty.dispose;
    const { db } = empty.app;
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < "2026-12-02"));
    await migrateToLatest(db, { migrations: before });
    await insertWestOfScotland(db);
    // Before the tightened check an agreed rate of 0 was stored; every reader took it as none.
    await sql`update engagements set agreed_rate_pence = 0 where id = ${WEST.renfrewProject}`.execute(db);
    const row = (id: string, engagement: string, date: string, units: number, removed = false) =>
      sql`insert into deliveries (region_code, id, adviser_id, engagement_id, delivered_on, units, financial_year, removed_at)
          values (${WEST.regionCode}, ${id}, ${WEST.adviserId}, ${engagement}, ${date}, ${units}, 2010, ${removed ? new Date("2011-01-01T00:00:00Z") : null})`.execute(db);
    await row("old-1", WEST.councilProject, "2010-08-03", 20);
    await row("old-2", WEST.councilStrategic, "2010-09-07", 9);
    await row("old-3", WEST.renfrewProject, "2010-09-08", 30);
    await row("old-gone", WEST.councilProject, "2010-07-05", 8, true);

    await migrateToLatest(db);
    expect(await allocateUnallocated(db)).toBe(3);
    const { expected, actual } = await compareWithScratch(db, WEST.regionCode);
    expect(actual).toEqual(expected);
    expect(actual.find((l) => l.deliveryId === "old-2")).toMatchObject({ holderId: WEST.council, quotaUnits: 4, chargeableUnits: 5, chargePence: 60_000 });
    // The zero became "no agreed rate": the 2010 default prices the 6 units past the allowance.
    expect(actual.find((l) => l.deliveryId === "old-3")).toMatchObject({ chargeableUnits: 6, dayRatePence: 48_000, chargePence: 72_000 });
    expect(actual.find((l) => l.deliveryId === "old-gone")).toMatchObject({ holderId: null, chargePence: null });
    expect(await allocateUnallocated(db)).toBe(0);
  });
});
