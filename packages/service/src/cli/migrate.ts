// `pnpm db:migrate`: brings the database up to the latest schema, then gives every delivery
// written before the stored allocation (or in bulk) the domain's allocation (idempotent). The
// server when DATABASE_URL is set, else the embedded database in PGLITE_DATA_DIR (default
// <workspace>/.data/pglite), or the folder given with --data-dir. Exits non-zero on failure.
// It lives in the service because the backfill decides with the domain, and persistence never
// calls the service.
import { parseArgs } from "node:util";
import { MigrationFailedError, defaultDataDir, migrateToLatest, openDatabase } from "@adviser-hub/persistence";
import { allocateUnallocated } from "../allocation/allocate-unallocated.js";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "data-dir": { type: "string" } } });
  const dataDir = values["data-dir"] ?? defaultDataDir();
  const app = await openDatabase({ dataDir });
  const target = app.kind === "server" ? "the PostgreSQL server in DATABASE_URL" : `PGlite in ${dataDir}`;
  try {
    const results = await migrateToLatest(app.db);
    if (results.length === 0) console.log(`${target}: already up to date`);
    for (const result of results) console.log(`${target}: ${result.migrationName} ${result.status}`);
    const allocated = await allocateUnallocated(app.db);
    if (allocated > 0) console.log(`${target}: allocated ${allocated} deliveries`);
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
