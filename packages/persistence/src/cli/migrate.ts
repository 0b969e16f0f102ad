// `pnpm --filter @adviser-hub/persistence db:migrate`: brings the database up to the latest
// schema, and nothing else. The server when DATABASE_URL is set, else the embedded database in
// PGLITE_DATA_DIR (default <workspace>/.data/pglite), or the folder given with --data-dir.
// Exits non-zero when any migration fails. The root `pnpm db:migrate` is the service's command,
// which also gives older rows the domain's allocation (persistence cannot call the service).
import { parseArgs } from "node:util";
import { defaultDataDir } from "../connection/data-dir.js";
import { openDatabase } from "../connection/open-database.js";
import { MigrationFailedError, migrateToLatest } from "../migrations/migrate-to-latest.js";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "data-dir": { type: "string" } } });
  const dataDir = values["data-dir"] ?? defaultDataDir();
  const app = await openDatabase({ dataDir });
  const target = app.kind === "server" ? "the PostgreSQL server in DATABASE_URL" : `PGlite in ${dataDir}`;
  try {
    const results = await migrateToLatest(app.db);
    if (results.length === 0) console.log(`${target}: already up to date`);
    for (const result of results) console.log(`${target}: ${result.migrationName} ${result.status}`);
    return 0;
  } catch (error) {
    if (error instanceof MigrationFailedError) {
      for (const result of error.results) console.error(`${result.migrationName} ${result.status}`);
      console.error(`${error.message}: ${describe(error.cause)}`);
    } else {
      console.error(`migration failed: ${describe(error)}`);
    }
    return 1;
  } finally {
    await app.close();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`could not open the database: ${describe(error)}`);
  return 1;
});
