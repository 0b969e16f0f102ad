import { type Kysely, sql } from "kysely";
import { runAsOwner } from "../connection/app-role.js";

/**
 * Refreshes the planner's statistics (`ANALYZE`) of the named tables, or of every table.
 *
 * Without statistics PostgreSQL guesses row counts from defaults, and the report queries get
 * nested loops sized for a handful of rows: a freshly seeded pilot answered the funding report
 * in 85 ms at p50 before `ANALYZE` and 16 ms after. A server's autovacuum catches up within a
 * minute or so; PGlite has no autovacuum at all. So migrating, seeding and bulk loads end
 * with this, and the PGlite driver re-analyzes tables after large writes (auto-analyze.ts).
 * ANALYZE reads a sample (at most 30,000 rows per table), so it stays cheap as data grows.
 * Only a table's owner may analyze it, and the application's sessions run as a role that owns
 * nothing, so this runs as the owner.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema (migrations run on Kysely<any>).
export async function analyzeTables(db: Kysely<any>, tables?: readonly string[]): Promise<void> {
  if (tables !== undefined && tables.length === 0) return;
  await runAsOwner(db, async (owner) => {
    if (tables === undefined) await sql`analyze`.execute(owner);
    else await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(owner);
  });
}
