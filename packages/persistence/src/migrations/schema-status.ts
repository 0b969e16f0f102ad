import { type Kysely, sql } from "kysely";
import { migrationNames } from "./migrate-to-latest.js";

/** Whether the database's schema is the one this build expects. */
export type SchemaStatus =
  | { readonly current: true }
  | { readonly current: false; readonly pending: readonly string[]; readonly unknown: readonly string[] };

/**
 * Compares the migrations the database has run with the ones this build knows, in one
 * statement a readiness probe can afford. `pending` are known and not run (deploy ran before
 * migrating); `unknown` were run by a newer build (this process is older than the schema).
 * A database never migrated has every migration pending. Connection failures propagate (the
 * caller reports the database as down, not the schema as behind).
 */
export async function schemaStatus<DB>(db: Kysely<DB>): Promise<SchemaStatus> {
  const known = migrationNames();
  let ran: string[];
  try {
    const result = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    ran = result.rows.map((row) => row.name);
  } catch (error) {
    // 42P01 undefined_table: the migrator has never run here.
    if ((error as { code?: unknown }).code === "42P01") return { current: false, pending: known, unknown: [] };
    throw error;
  }
  const done = new Set(ran);
  const pending = known.filter((name) => !done.has(name));
  const knownSet = new Set(known);
  const unknown = ran.filter((name) => !knownSet.has(name)).sort();
  return pending.length === 0 && unknown.length === 0 ? { current: true } : { current: false, pending, unknown };
}
