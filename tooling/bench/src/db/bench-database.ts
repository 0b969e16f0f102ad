import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

// Each data set lives in a database of its own on the benchmark server (ah_bench_<name>), never
// in a database anyone else uses. A database is reused when its comment holds the fingerprint
// of the spec, the generator and the migrations that made it; otherwise it is made again.

const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";

/** The server from DATABASE_URL (any database on it), or the local default. */
export function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL ?? DEFAULT_SERVER);
  if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") {
    throw new Error(`benchmarks run against a local server only, not ${url.hostname}`);
  }
  url.pathname = `/${database}`;
  return url.toString();
}

export const benchDatabaseName = (name: string): string => {
  const database = `ah_bench_${name}`;
  if (!/^ah_bench_[a-z0-9_]+$/.test(database)) throw new Error(`unsafe database name ${database}`);
  return database;
};

function hashFolder(hash: ReturnType<typeof createHash>, folder: string, include: RegExp): void {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) hashFolder(hash, path, include);
    else if (include.test(entry.name) && !entry.name.endsWith(".test.ts")) {
      hash.update(entry.name).update(readFileSync(path));
    }
  }
}

/** Changes when the spec, the generator (with its PRNG) or the schema's migrations change. */
export function datasetFingerprint(spec: unknown): string {
  const hash = createHash("sha256").update(JSON.stringify(spec));
  const here = fileURLToPath(new URL(".", import.meta.url));
  hashFolder(hash, join(here, "../generate"), /\.ts$/);
  // The generator's PRNG and London's authorities live in the pilot package.
  hashFolder(hash, join(here, "../../../../packages/london-pilot/src"), /^(prng|london-authorities)\.ts$/);
  // The migrations themselves (date-named files), not the runner beside them.
  hashFolder(hash, join(here, "../../../../packages/persistence/src/migrations"), /^\d{4}-\d{2}-\d{2}-.+\.ts$/);
  return `bench:${hash.digest("hex").slice(0, 32)}`;
}

export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The fingerprint a bench database was made with, or null when it does not exist. */
export async function databaseFingerprint(database: string): Promise<string | null | undefined> {
  return withAdmin(async (client) => {
    const result = await client.query<{ comment: string | null }>(
      "select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1",
      [database],
    );
    return result.rows.length === 0 ? undefined : result.rows[0]!.comment;
  });
}

export async function recreateDatabase(database: string): Promise<void> {
  benchDatabaseName(database.replace(/^ah_bench_/, ""));
  await withAdmin(async (client) => {
    await client.query(`drop database if exists "${database}" with (force)`);
    await client.query(`create database "${database}"`);
  });
}

export async function markDatabase(database: string, fingerprint: string): Promise<void> {
  await withAdmin(async (client) => {
    await client.query(`comment on database "${database}" is '${fingerprint.replace(/'/g, "''")}'`);
  });
}
