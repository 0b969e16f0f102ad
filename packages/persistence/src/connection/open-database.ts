import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, type LogEvent, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../schema.js";
import { defaultDataDir } from "./data-dir.js";
import { pgTypes, pgliteParsers } from "./pg-types.js";
import { PGliteDialect } from "./pglite-dialect.js";

export type DatabaseKind = "pglite" | "server";

export interface AppDatabase {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Ends the pool or closes the embedded database. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * PostgreSQL server URL; defaults to `DATABASE_URL`. When absent or empty, PGlite is used
   * (pass `url: ""` to choose PGlite even when `DATABASE_URL` is set).
   */
  readonly url?: string;
  /** PGlite data folder; defaults to `defaultDataDir()`. Use `memory://` for a throwaway one. */
  readonly dataDir?: string;
  /** Snapshot from `dumpDataDir()` to start an embedded database from (tests). */
  readonly loadDataDir?: Blob | File;
  /** Receives every query Kysely runs (and its errors): used to count SQL per operation. */
  readonly log?: (event: LogEvent) => void;
  /** Told when an idle pooled server session fails (it is replaced on next use). */
  readonly onIdleError?: (error: Error) => void;
  /** Pool size for the server; PGlite is always one session. */
  readonly maxConnections?: number;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<AppDatabase> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) return openServer(url, options);
  return openPGlite(options);
}

function openServer(url: string, options: OpenDatabaseOptions): AppDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    types: pgTypes,
  });
  // An idle pooled session can die (server restart, an administrator's terminate). The pool
  // drops it and connects afresh on next use; without a listener the process would crash.
  pool.on("error", (error) => options.onIdleError?.(error));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(options.log ? { log: options.log } : {}),
  });
  return { db, kind: "server", close: once(() => db.destroy()) };
}

async function openPGlite(options: OpenDatabaseOptions): Promise<AppDatabase> {
  const dataDir = options.dataDir ?? defaultDataDir();
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir.startsWith("memory://") ? {} : { dataDir }),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: pgliteParsers,
  });
  const db = new Kysely<Database>({
    dialect: new PGliteDialect({ database: pglite }),
    ...(options.log ? { log: options.log } : {}),
  });
  // Kysely only destroys a driver it has started, so close PGlite here too: a database that
  // was opened and never queried must not keep the process alive.
  const close = async () => {
    await db.destroy();
    if (!pglite.closed) await pglite.close();
  };
  return { db, kind: "pglite", close: once(close) };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}
