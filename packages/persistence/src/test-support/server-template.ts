import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { openDatabase } from "../connection/open-database.js";
import { migrateToLatest } from "../migrations/migrate-to-latest.js";
import { migrationFingerprint } from "./migration-fingerprint.js";

// One advisory lock key for "building a template", shared by every worker and package.
const TEMPLATE_LOCK_KEY = 7_412_560_331;

let admin: pg.Pool | undefined;
const templates = new Map<string, Promise<string>>();

/** A small pool on the database named in the URL, for CREATE/DROP DATABASE. */
function adminPool(url: string): pg.Pool {
  admin ??= new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
  return admin;
}

export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Name of a migrated template database, created on first use. Several vitest workers (and
 * several packages' test runs) may ask at once: an advisory lock lets one build it while the
 * others wait, and it is built under another name and renamed, so a crash midway never leaves
 * a half-migrated template behind.
 */
export function migratedTemplate(url: string): Promise<string> {
  const name = `ah_tpl_${migrationFingerprint()}`;
  let template = templates.get(name);
  if (!template) {
    template = buildTemplate(url, name).catch((error: unknown) => {
      templates.delete(name);
      throw error;
    });
    templates.set(name, template);
  }
  return template;
}

async function buildTemplate(url: string, name: string): Promise<string> {
  const client = await adminPool(url).connect();
  try {
    await client.query("select pg_advisory_lock($1)", [TEMPLATE_LOCK_KEY]);
    try {
      const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
      if (rowCount) return name;
      const building = `${name}_build`;
      await client.query(`drop database if exists ${quote(building)} with (force)`);
      await client.query(`create database ${quote(building)}`);
      const app = await openDatabase({ url: databaseUrl(url, building), maxConnections: 1 });
      try {
        await migrateToLatest(app.db);
      } finally {
        await app.close();
      }
      await client.query(`alter database ${quote(building)} rename to ${quote(name)}`);
      await dropOtherTemplates(client, name);
      return name;
    } finally {
      await client.query("select pg_advisory_unlock($1)", [TEMPLATE_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** Templates of earlier migration sets are never used again; one in use is left alone. */
async function dropOtherTemplates(client: pg.PoolClient, keep: string): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    "select datname from pg_database where datname like 'ah\\_tpl\\_%' and datname <> $1",
    [keep],
  );
  for (const { datname } of rows) {
    await client.query(`drop database if exists ${quote(datname)}`).catch(() => undefined);
  }
}

/**
 * Creates a fresh database from the template; returns its name. Another checkout testing on
 * the same server with a different migration set drops this set's template when it builds its
 * own, so a template that has gone (3D000) is forgotten and built again, once.
 */
export async function createFromTemplate(url: string): Promise<string> {
  const name = `ah_t_${randomBytes(6).toString("hex")}`;
  for (let attempt = 0; ; attempt++) {
    const template = await migratedTemplate(url);
    try {
      await adminPool(url).query(`create database ${quote(name)} template ${quote(template)}`);
      return name;
    } catch (error) {
      if (attempt > 0 || (error as { code?: string }).code !== "3D000") throw error;
      templates.delete(template);
    }
  }
}

/**
 * Drops a test database once its sessions are gone. `pg`'s Pool.end() resolves before its
 * sessions have exited; forcing the drop at once would kill them mid-goodbye and their client
 * would raise the termination as an uncaught error. So wait for them to leave: up to 15 s,
 * since on a loaded two-core machine a closing session can take seconds to exit.
 */
export async function dropDatabase(url: string, name: string): Promise<void> {
  const pool = adminPool(url);
  for (let i = 0; i < 750; i++) {
    const { rows } = await pool.query<{ sessions: number }>(
      "select count(*)::int as sessions from pg_stat_activity where datname = $1",
      [name],
    );
    if (rows[0]?.sessions === 0) break;
    await sleep(20);
  }
  await pool.query(`drop database if exists ${quote(name)} with (force)`);
}
