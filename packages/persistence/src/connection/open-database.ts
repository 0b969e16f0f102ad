import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, type LogEvent, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../schema.js";
import { APP_ROLE, enterAppRole } from "./app-role.js";
import { defaultDataDir } from "./data-dir.js";
import { pgTypes, pgliteParsers } from "./pg-types.js";
import { PGliteDialect } from "./pglite-dialect.js";
import { PreparingClient, preparedStatementsEnabled } from "./prepared-statements.js";
import { watchSessions } from "./session-errors.js";
import { type SessionLimits, sessionLimits } from "./session-limits.js";
import { UnavailableMappingDialect } from "./unavailable-dialect.js";

export type DatabaseKind = "pglite" | "server";

/** How busy a server pool is, for metrics: sessions open, of them idle, and callers queued. */
export interface PoolUsage {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
  readonly max: number;
}

export interface AppDatabase {
  readonly db: Kysely<Database>;
  /**
   * Where report queries go: a read replica's pool when `DATABASE_READ_URL` (or `readUrl`) is
   * set, otherwise the same `db`. Never for a write, nor for a read that must see the caller's
   * own write: a replica may be behind the primary.
   */
  readonly reportDb: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Usage of the primary's pool and of the replica's (null for PGlite, one session, no pool). */
  poolUsage(): { readonly primary: PoolUsage; readonly replica: PoolUsage | null } | null;
  /** Ends the pool or closes the embedded database. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * PostgreSQL server URL; defaults to `DATABASE_URL`. When absent or empty, PGlite is used
   * (pass `url: ""` to choose PGlite even when `DATABASE_URL` is set).
   */
  readonly url?: string;
  /**
   * A read replica for report queries; defaults to `DATABASE_READ_URL`. Ignored for PGlite.
   * Pass `readUrl: ""` to keep every query on the primary.
   */
  readonly readUrl?: string;
  /** PGlite data folder; defaults to `defaultDataDir()`. Use `memory://` for a throwaway one. */
  readonly dataDir?: string;
  /** Snapshot from `dumpDataDir()` to start an embedded database from (tests). */
  readonly loadDataDir?: Blob | File;
  /** Receives every query Kysely runs (and its errors): used to count SQL per operation. */
  readonly log?: (event: LogEvent) => void;
  /**
   * Told when a pooled server session fails outside a query (server restart, an administrator's
   * terminate): the session is dropped and a new one opened on next use. Default: one line on
   * stderr per outage (not per session, not a stack).
   */
  readonly onIdleError?: (error: Error) => void;
  /** Pool size for the server; PGlite is always one session. */
  readonly maxConnections?: number;
  /**
   * The role the sessions run as (SET ROLE), default APP_ROLE (least privilege, created by the
   * migrations); `false` keeps the connecting user. migrateToLatest always runs as the owner.
   */
  readonly appRole?: string | false;
  /**
   * Send repeated statements as named, server-side prepared ones (prepared-statements.ts);
   * default on unless `DATABASE_PREPARED_STATEMENTS=off` (a pooler in transaction mode that
   * does not carry them between sessions). PGlite always sends them unnamed.
   */
  readonly preparedStatements?: boolean;
  /** Server time limits; defaults, and the environment variables that set them, in SessionLimits. */
  readonly limits?: Partial<SessionLimits>;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<AppDatabase> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) return openServer(url, options);
  return openPGlite(options);
}

function openServer(url: string, options: OpenDatabaseOptions): AppDatabase {
  const primary = openPool(url, options);
  const readUrl = options.readUrl ?? process.env.DATABASE_READ_URL;
  const replica = readUrl ? openPool(readUrl, options) : null;
  const close = async () => {
    await Promise.all([primary.db.destroy(), replica?.db.destroy()]);
  };
  return {
    db: primary.db,
    reportDb: replica?.db ?? primary.db,
    kind: "server",
    poolUsage: () => ({ primary: primary.usage(), replica: replica?.usage() ?? null }),
    close: once(close),
  };
}

function openPool(url: string, options: OpenDatabaseOptions): { db: Kysely<Database>; usage: () => PoolUsage } {
  const limits = sessionLimits(options.limits);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    types: pgTypes,
    // Both limits are sent when the session starts, so they bound every statement from the
    // first one, whatever the caller runs.
    statement_timeout: limits.statementTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    // Bounds connecting to a dead or unreachable server and waiting for a free pooled session.
    connectionTimeoutMillis: limits.connectTimeoutMs,
    keepAlive: true,
    ...((options.preparedStatements ?? preparedStatementsEnabled()) ? { Client: PreparingClient } : {}),
  });
  // A session can die while idle in the pool or while checked out between statements. Without
  // a listener on each client that is an unhandled 'error' event and the process exits.
  watchSessions(pool, options.onIdleError);
  const role = options.appRole ?? APP_ROLE;
  const db = new Kysely<Database>({
    dialect: new UnavailableMappingDialect(
      new PostgresDialect({
        pool,
        ...(role ? { onCreateConnection: (connection) => enterAppRole(connection, role) } : {}),
      }),
    ),
    ...(options.log ? { log: options.log } : {}),
  });
  const max = options.maxConnections ?? 10;
  const usage = (): PoolUsage => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max });
  return { db, usage };
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
  const role = options.appRole ?? APP_ROLE;
  if (role) await enterAppRole(db, role);
  // Kysely only destroys a driver it has started, so close PGlite here too: a database that
  // was opened and never queried must not keep the process alive.
  const close = async () => {
    await db.destroy();
    if (!pglite.closed) await pglite.close();
  };
  return { db, reportDb: db, kind: "pglite", poolUsage: () => null, close: once(close) };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}
