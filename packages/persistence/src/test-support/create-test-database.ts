import type { LogEvent } from "kysely";
import { type AppDatabase, openDatabase } from "../connection/open-database.js";
import { migratedSnapshot } from "./pglite-snapshot.js";
import { createFromTemplate, databaseUrl, dropDatabase } from "./server-template.js";

export type Backend = "pglite" | "server";

export interface TestDatabase extends AppDatabase {
  readonly backend: Backend;
}

export interface TestDatabaseOptions {
  /** Receives every query (count statements per operation). */
  readonly log?: (event: LogEvent) => void;
  /** Pool size on the server (default 10); PGlite is always one session. */
  readonly maxConnections?: number;
}

/** The backends a suite runs on: always PGlite, and the server when DATABASE_URL is set. */
export function backends(): Backend[] {
  return process.env.DATABASE_URL ? ["pglite", "server"] : ["pglite"];
}

/**
 * A freshly migrated, empty database of its own, fast: PGlite loads a migrated snapshot into
 * memory; the server copies a migrated template database and drops the copy on close.
 */
export async function createTestDatabase(
  backend: Backend,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const log = options.log ? { log: options.log } : {};
  if (backend === "pglite") {
    const app = await openDatabase({
      url: "",
      dataDir: "memory://",
      loadDataDir: await migratedSnapshot(),
      ...log,
    });
    return { ...app, backend };
  }

  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("the server backend needs DATABASE_URL");
  const name = await createFromTemplate(url);
  const app = await openDatabase({
    url: databaseUrl(url, name),
    readUrl: "",
    ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
    ...log,
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= app.close().then(() => dropDatabase(url, name));
    return closing;
  };
  return { ...app, backend, close };
}
