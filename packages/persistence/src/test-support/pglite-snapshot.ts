import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { pgliteParsers } from "../connection/pg-types.js";
import { PGliteDialect } from "../connection/pglite-dialect.js";
import { migrateToLatest } from "../migrations/migrate-to-latest.js";
import type { Database } from "../schema.js";
import { migrationFingerprint } from "./migration-fingerprint.js";

let snapshot: Promise<Blob> | undefined;

/**
 * A migrated, empty PGlite data folder as a tarball. Creating a PGlite runs initdb (seconds);
 * loading a tarball takes a fraction of that. Built once per process and also kept in the
 * temp folder, keyed by the migrations' fingerprint, so later test files and runs skip initdb.
 */
export function migratedSnapshot(): Promise<Blob> {
  snapshot ??= loadOrBuild().catch((error: unknown) => {
    snapshot = undefined;
    throw error;
  });
  return snapshot;
}

async function loadOrBuild(): Promise<Blob> {
  const folder = join(process.env.ADVISER_HUB_TEST_CACHE ?? tmpdir(), "adviser-hub-test-cache");
  const file = join(folder, `pglite-${migrationFingerprint()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not cached yet.
  }
  const pglite = await PGlite.create({ parsers: pgliteParsers });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ database: pglite }) });
  try {
    await migrateToLatest(db);
    const tarball = await pglite.dumpDataDir("none");
    const bytes = new Uint8Array(await tarball.arrayBuffer());
    // Write then rename: a parallel worker reads either no file or a whole one.
    await mkdir(folder, { recursive: true });
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
    await removeOtherSnapshots(folder, file);
    return new Blob([bytes]);
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

/** Snapshots of older migration sets are 40 MB each and never read again. */
async function removeOtherSnapshots(folder: string, keep: string): Promise<void> {
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    if (path !== keep && /^pglite-[0-9a-f]+\.tar$/.test(name)) await rm(path, { force: true });
  }
}
