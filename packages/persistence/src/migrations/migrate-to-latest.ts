import { type Kysely, type Migration, type MigrationResult, type MigrationResultSet, Migrator } from "kysely";
import { runAsOwner } from "../connection/app-role.js";
import { analyzeTables } from "../statistics/analyze-tables.js";
import { migrations } from "./registry.js";

export class MigrationFailedError extends Error {
  readonly code = "MIGRATION_FAILED";

  constructor(
    /** The migration that failed, when one did (else the migrator itself failed). */
    readonly migrationName: string | undefined,
    readonly results: readonly MigrationResult[],
    options?: { cause?: unknown },
  ) {
    super(
      migrationName ? `migration ${migrationName} failed` : "migrations could not run",
      options,
    );
    this.name = "MigrationFailedError";
  }
}

/**
 * Runs every pending migration, in order, in one transaction (PostgreSQL has transactional
 * DDL, so a failure leaves the schema as it was), then ANALYZE when any ran. Forward only.
 * `options.migrations` replaces the registry, for tests of the runner itself.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  options: { migrations?: Readonly<Record<string, Migration>> } = {},
): Promise<readonly MigrationResult[]> {
  const chosen = options.migrations ?? migrations;
  // The application's sessions run as a least-privilege role; migrations run as the owner.
  const { error, results = [] }: MigrationResultSet = await runAsOwner(db, (owner) =>
    new Migrator({ db: owner, provider: { getMigrations: async () => ({ ...chosen }) } }).migrateToLatest(),
  );
  if (error !== undefined) {
    const failed = results.find((result) => result.status === "Error");
    throw new MigrationFailedError(failed?.migrationName, results, { cause: error });
  }
  // A migration may add an index or rewrite a table; the planner needs statistics to use it.
  if (results.some((result) => result.status === "Success")) await analyzeTables(db);
  return results;
}

/** Names of every migration this build knows, in order. */
export function migrationNames(): string[] {
  return Object.keys(migrations).sort();
}
