import { type Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../connection/open-database.js";
import { migrateToLatest } from "../migrations/migrate-to-latest.js";
import type { Database } from "../schema.js";
import { backends, createTestDatabase, insertMinimalRegion, MINIMAL, type TestDatabase } from "../test-support/index.js";
import { analyzeTables } from "./analyze-tables.js";

const deliveries = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    region_code: MINIMAL.regionCode,
    id: `d-${from + i}`,
    adviser_id: MINIMAL.adviserId,
    engagement_id: MINIMAL.engagementId,
    delivered_on: "2010-05-03",
    units: 2,
    financial_year: 2010,
  }));

/** What the planner believes: rows in pg_class and whether pg_stats has column statistics. */
async function plannerView(db: Kysely<Database>, table: string): Promise<{ reltuples: number; columns: number }> {
  const { rows } = await sql<{ reltuples: number; columns: number }>`
    select c.reltuples::int8 as reltuples,
           (select count(*) from pg_stats s where s.schemaname = 'public' and s.tablename = c.relname) as columns
      from pg_class c where c.relname = ${table} and c.relnamespace = 'public'::regnamespace`.execute(db);
  return rows[0]!;
}

describe.each(backends())("planner statistics on %s", (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertMinimalRegion(test.db);
  });
  afterEach(() => test.close());

  it("analyzeTables refreshes the named tables' row counts and column statistics", async () => {
    // 30 rows: under any automatic threshold (autovacuum's and the PGlite driver's are 50).
    await test.db.insertInto("deliveries").values(deliveries(0, 30)).execute();
    expect((await plannerView(test.db, "deliveries")).reltuples).toBeLessThan(30);
    await analyzeTables(test.db, ["deliveries"]);
    expect(await plannerView(test.db, "deliveries")).toMatchObject({ reltuples: 30 });
    expect((await plannerView(test.db, "deliveries")).columns).toBeGreaterThan(5);
    await analyzeTables(test.db);
    expect((await plannerView(test.db, "engagements")).reltuples).toBe(1);
  });
});

describe("migrateToLatest", () => {
  it("analyzes the schema it built, so no table is planned as never analyzed", async () => {
    const app = await openDatabase({ url: "", dataDir: "memory://" });
    try {
      const db = app.db as Kysely<Database>;
      await migrateToLatest(db);
      // -1 means never analyzed (the planner then guesses); 0 means analyzed and empty.
      const { rows } = await sql<{ relname: string }>`
        select relname from pg_class
         where relnamespace = 'public'::regnamespace and relkind = 'r' and reltuples < 0`.execute(db);
      expect(rows).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe("auto-analyze on PGlite, which has no autovacuum", () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase("pglite");
    await insertMinimalRegion(test.db);
  });
  afterEach(() => test.close());

  it("analyzes a table once a write changes more than 50 rows plus 10% of it", async () => {
    await test.db.insertInto("deliveries").values(deliveries(0, 30)).execute();
    // 30 rows written: under the threshold, so the planner still has no count for them.
    expect((await plannerView(test.db, "deliveries")).reltuples).toBeLessThan(30);

    await test.db.transaction().execute(async (trx) => {
      await trx.insertInto("deliveries").values(deliveries(30, 500)).execute();
    });
    // The next query after the write already sees the statistics.
    expect(await plannerView(test.db, "deliveries")).toMatchObject({ reltuples: 530 });
    expect((await plannerView(test.db, "deliveries")).columns).toBeGreaterThan(5);
    // Tables the write did not touch are left alone.
    expect((await plannerView(test.db, "bookings")).columns).toBe(0);

    // 60 more rows change less than 50 + 10% of 530: not due yet.
    await test.db.insertInto("deliveries").values(deliveries(530, 60)).execute();
    expect((await plannerView(test.db, "deliveries")).reltuples).toBe(530);
    await test.db.updateTable("deliveries").set({ notes: "checked" }).where("id", "like", "d-1%").execute();
    expect((await plannerView(test.db, "deliveries")).reltuples).toBe(590);
  });
});
