import { migrateToLatest, openDatabase } from "@adviser-hub/persistence";
import pg from "pg";
import {
  benchDatabaseName,
  databaseFingerprint,
  datasetFingerprint,
  markDatabase,
  recreateDatabase,
  serverUrl,
} from "../db/bench-database.js";
import { BatchLoader } from "./batch-loader.js";
import { expectedRows, generateDataset } from "./dataset.js";
import { deferIndexesAndForeignKeys, spread } from "./deferred-schema.js";
import { Progress } from "./progress.js";
import { checkSchema } from "./schema-check.js";
import type { DatasetSpec } from "./spec.js";
import { loadOrder } from "./tables.js";

export interface LoadedDataset {
  readonly spec: DatasetSpec;
  readonly url: string;
  /** False when an identical data set was already there. */
  readonly loaded: boolean;
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly counts: ReadonlyMap<string, number>;
}

/** Tables whose only user triggers are the freeze of issued statements. */
const FROZEN_HISTORY = ["statement_lines", "adjustments"] as const;

/** The statement-level triggers that move each region's data version on (migration 0010). */
const VERSION_TRIGGERS = ["region_data_version_insert", "region_data_version_update", "region_data_version_delete"] as const;

/** Migrates an empty database with persistence's migrations, the schema the service runs on. */

export async function migrate(url: string): Promise<void> {
  const database = await openDatabase({ url, maxConnections: 1 });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
}

/**
 * Loads a data set into a migrated database. A bulk load defers secondary indexes and foreign
 * keys and uses several connections; otherwise one connection inserts parents before children
 * with every constraint live.
 */
export async function loadInto(
  url: string,
  spec: DatasetSpec,
  options: { label?: string; bulk?: boolean; connections?: number } = {},
): Promise<Omit<LoadedDataset, "loaded" | "url" | "spec">> {
  const connections = options.bulk ? (options.connections ?? 2) : 1;
  const clients = Array.from({ length: connections }, () => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  const [first] = clients as [pg.Client];
  try {
    // Only this load's commits skip the wait for the WAL flush; a crash loses the load, which
    // is then simply made again.
    for (const c of clients) await c.query("set synchronous_commit = off");
    await checkSchema(first, loadOrder);
    // Issued statements are history restored table by table, each COPY its own transaction;
    // the freeze (no new line or carried adjustment on an issued statement) guards later
    // writes. Its triggers are off for the load only; foreign keys and every other rule stay.
    for (const table of FROZEN_HISTORY) await first.query(`alter table "${table}" disable trigger user`);
    // Two connections load several regions' rows at once: counting each COPY against every
    // region it touches would only make them queue on the counters. The load counts once, below.
    const versioned = loadOrder.map((t) => t.name).filter((name) => !(FROZEN_HISTORY as readonly string[]).includes(name));
    for (const table of versioned)
      for (const trigger of VERSION_TRIGGERS) await first.query(`alter table "${table}" disable trigger ${trigger}`);
    const deferred = options.bulk ? await deferIndexesAndForeignKeys(first) : null;
    const progress = new Progress(`load ${options.label ?? spec.name}`, expectedRows(spec));
    const loader = new BatchLoader(clients, loadOrder, progress);
    for (const chunk of generateDataset(spec)) {
      for (const [table, row] of chunk) {
        const flushed = loader.add(table, row);
        if (flushed !== undefined) await flushed;
      }
    }
    await loader.finish();
    for (const table of FROZEN_HISTORY) await first.query(`alter table "${table}" enable trigger user`);
    for (const table of versioned)
      for (const trigger of VERSION_TRIGGERS) await first.query(`alter table "${table}" enable trigger ${trigger}`);
    await first.query(
      `insert into region_data_versions as v (region_code, version, bumped_by)
       select region_code, 1, txid_current() from regions
       on conflict (region_code) do update set version = v.version + 1, bumped_by = excluded.bumped_by`,
    );
    progress.done();
    if (deferred !== null) {
      const started = performance.now();
      await deferred.restore(clients);
      process.stderr.write(
        `rebuilt ${deferred.indexes} indexes and validated ${deferred.foreignKeys} foreign keys in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    }
    // Later inserts through the service draw recorded_seq from the sequence.
    await first.query(
      "select setval('deliveries_recorded_seq', (select coalesce(max(recorded_seq), 0) + 1 from deliveries), false)",
    );
    if (options.bulk) {
      // Fresh statistics and a visibility map, as a long-running database would have.
      const tables = loadOrder.map((t) => `vacuum (analyze) "${t.name}"`);
      await spread(clients, tables);
    }
    const seconds = progress.seconds;
    return { rows: progress.rows, seconds, rowsPerSecond: progress.rows / seconds, counts: loader.counts };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** Makes sure `ah_bench_<name>` holds this data set, generating it when missing or stale. */
export async function ensureDataset(spec: DatasetSpec, options: { force?: boolean } = {}): Promise<LoadedDataset> {
  const database = benchDatabaseName(spec.name);
  const url = serverUrl(database);
  const fingerprint = datasetFingerprint(spec);
  if (!options.force && (await databaseFingerprint(database)) === fingerprint) {
    return { spec, url, loaded: false, rows: 0, seconds: 0, rowsPerSecond: 0, counts: new Map() };
  }
  await recreateDatabase(database);
  await migrate(url);
  const result = await loadInto(url, spec, { bulk: true });
  await markDatabase(database, fingerprint);
  return { spec, url, loaded: true, ...result };
}
