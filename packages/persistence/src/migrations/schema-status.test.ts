import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE } from "../connection/app-role.js";
import { backends, createTestDatabase, emptyDatabase, type TestDatabase } from "../test-support/index.js";
import { migrationNames } from "./migrate-to-latest.js";
import { schemaStatus } from "./schema-status.js";

describe.each(backends())("schemaStatus on %s", (backend) => {
  let migrated: TestDatabase;
  let statements = 0;
  beforeAll(async () => {
    migrated = await createTestDatabase(backend, {
      log: (event) => {
        if (event.level === "query" || event.level === "error") statements += 1;
      },
    });
  });
  afterAll(() => migrated?.close());

  it("is current on a database migrated by this build, in one statement (a probe runs it every few seconds)", async () => {
    statements = 0;
    expect(await schemaStatus(migrated.db)).toEqual({ current: true });
    expect(statements).toBe(1);
  });

  it("lists every migration as pending on a database never migrated", async () => {
    const empty = await emptyDatabase(backend);
    try {
      expect(await schemaStatus(empty.app.db)).toEqual({ current: false, pending: migrationNames(), unknown: [] });
    } finally {
      await empty.dispose();
    }
  });

  it("names a migration the database ran that this build does not know (an older process)", async () => {
    const name = "2099-01-01-9999-from-a-newer-build";
    // As the owner: the application role may read the migrator's table, never write it.
    await migrated.db.transaction().execute(async (trx) => {
      await sql`reset role`.execute(trx);
      await sql`insert into kysely_migration (name, timestamp) values (${name}, now()::text)`.execute(trx);
      await sql`set role ${sql.id(APP_ROLE)}`.execute(trx);
    });
    expect(await schemaStatus(migrated.db)).toEqual({ current: false, pending: [], unknown: [name] });
  });
});
