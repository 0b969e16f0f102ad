import { sql } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "../migrations/migrate-to-latest.js";
import {
  backends,
  canRunThrowawayCluster,
  createTestDatabase,
  createThrowawayCluster,
  insertMinimalRegion,
  MINIMAL,
  type TestDatabase,
  type ThrowawayCluster,
} from "../test-support/index.js";
import { APP_ROLE } from "./app-role.js";
import { openDatabase } from "./open-database.js";

async function sqlState(write: Promise<unknown>): Promise<string | undefined> {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return (error as { code?: string }).code;
}

describe.each(backends())("the application role on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend, { maxConnections: 2 });
    await insertMinimalRegion(test.db);
  });
  afterEach(async () => {
    await test.close();
  });

  it("runs the application's sessions as the least-privilege role, not the owner", async () => {
    const { rows } = await sql<{ role: string; superuser: string }>`
      select current_user::text as role, current_setting('is_superuser') as superuser`.execute(test.db);
    expect(rows).toEqual([{ role: APP_ROLE, superuser: "off" }]);
  });

  it("refuses TRUNCATE, trigger bypass, ALTER and CREATE; ordinary reads and writes work", async () => {
    // 42501 insufficient_privilege for each: no TRUNCATE grant, session_replication_role is for
    // superusers, ALTER needs the owner, and the schema grants no CREATE.
    expect(await sqlState(sql`truncate deliveries`.execute(test.db))).toBe("42501");
    expect(await sqlState(sql`truncate statements cascade`.execute(test.db))).toBe("42501");
    expect(await sqlState(sql`set session_replication_role = replica`.execute(test.db))).toBe("42501");
    expect(await sqlState(sql`alter table statements disable trigger all`.execute(test.db))).toBe("42501");
    expect(await sqlState(sql`create table intruder (id int)`.execute(test.db))).toBe("42501");
    expect(await sqlState(sql`delete from kysely_migration`.execute(test.db))).toBe("42501");

    await test.db
      .insertInto("deliveries")
      .values({
        region_code: MINIMAL.regionCode,
        id: "d-1",
        adviser_id: MINIMAL.adviserId,
        engagement_id: MINIMAL.engagementId,
        delivered_on: "2010-05-03",
        units: 2,
        financial_year: 2010,
      })
      .execute();
    await test.db.updateTable("deliveries").set({ units: 3 }).where("id", "=", "d-1").execute();
    await test.db.insertInto("audit_log").values({ region_code: MINIMAL.regionCode, actor: "a", action: "X", entity: "delivery", entity_id: "d-1" }).execute();
    const read = await test.db.selectFrom("deliveries").select(["id", "units", "recorded_seq"]).execute();
    expect(read).toMatchObject([{ id: "d-1", units: 3 }]);
    await test.db.deleteFrom("deliveries").where("id", "=", "d-1").execute();
    expect(await test.db.selectFrom("deliveries").select("id").execute()).toEqual([]);
    // Readiness may read the migration bookkeeping.
    const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(test.db);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});

// Roles belong to the whole server: a fresh cluster has none, and several databases migrating
// at once must all end with the one role and their own grants.
describe.skipIf(!canRunThrowawayCluster())("the application role on a fresh server", () => {
  let cluster: ThrowawayCluster;

  beforeAll(async () => {
    cluster = await createThrowawayCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    for (const name of ["one", "two", "three"]) await admin.query(`create database ${name}`);
    await admin.end();
  }, 120_000);
  afterAll(async () => {
    await cluster?.remove();
  });

  it("is created once by databases migrating at the same time, and each database's sessions use it", async () => {
    const apps = await Promise.all(["one", "two", "three"].map((name) => openDatabase({ url: cluster.urlFor(name) })));
    try {
      await Promise.all(apps.map((app) => migrateToLatest(app.db)));
      for (const app of apps) {
        const { rows } = await sql<{ role: string }>`select current_user::text as role`.execute(app.db);
        expect(rows).toEqual([{ role: APP_ROLE }]);
        expect(await sqlState(sql`truncate audit_log`.execute(app.db))).toBe("42501");
        await insertMinimalRegion(app.db);
      }
      // Migrating again (a restart) finds nothing to do and keeps working as the role.
      expect(await migrateToLatest(apps[0]!.db)).toEqual([]);
      const { rows } = await sql<{ role: string }>`select current_user::text as role`.execute(apps[0]!.db);
      expect(rows).toEqual([{ role: APP_ROLE }]);
      const roles = await sql<{ n: number }>`select count(*) as n from pg_roles where rolname = ${APP_ROLE}`.execute(apps[0]!.db);
      expect(roles.rows).toEqual([{ n: 1 }]);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
    }
  }, 60_000);
});
