import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { rmSync } from "node:fs";
import { chmod, chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

// Clusters still running when the test process exits (a failed hook, an aborted run) are
// stopped and deleted then, so no server is left listening and no folder left behind.
const live = new Map<string, () => void>();
let exitHooked = false;
function stopAllOnExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.once("exit", () => {
    for (const stopNow of live.values()) stopNow();
  });
}

/** Where the Debian packages put PostgreSQL 15's server binaries (override: PG_BIN_DIR). */
export function postgresBinDir(): string {
  return process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";
}

/**
 * Whether a suite that starts its own PostgreSQL can run here. On every machine of this project
 * the binaries are installed; elsewhere such suites are skipped, except under CI=true, where a
 * missing binary must fail the run rather than pass it silently (so this answers true and the
 * suite fails in createThrowawayCluster, naming what is missing).
 */
export function canRunThrowawayCluster(): boolean {
  if (process.env.CI === "true") return true;
  return ["initdb", "pg_ctl"].every((name) => existsSync(join(postgresBinDir(), name)));
}

export interface ThrowawayCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trust authentication. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** A URL for another database of this cluster. */
  urlFor(database: string): string;
  /** Stops the server; `immediate` (the default) is a crash: no checkpoint, sessions cut. */
  stop(mode?: "immediate" | "fast"): Promise<void>;
  /** Starts it again on the same port (crash recovery after an immediate stop). */
  start(): Promise<void>;
  /** Stops it if running and deletes its files. Safe to call twice. */
  remove(): Promise<void>;
}

type PgRun = (tool: string, args: string[]) => Promise<unknown>;

/** Runs PostgreSQL's tools, as the `postgres` user when root (initdb refuses root). */
async function toolRunner(dataDir: string): Promise<PgRun> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    await chown(dataDir, Number(stdout.trim()), Number(gid.trim()));
  }
  await chmod(dataDir, 0o700);
  return (tool, args) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args], { timeout: 120_000 })
      : run(join(bin, tool), args, { timeout: 120_000 });
}

/** Starts the server of `dataDir` on `port` and gives it the ThrowawayCluster controls. */
async function controlled(dataDir: string, port: number, serverOptions: string, pgRun: PgRun): Promise<ThrowawayCluster> {
  let running = false;
  const start = async () => {
    await pgRun("pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", join(dataDir, "server.log"), "-w", "-t", "60", "start"]);
    running = true;
  };
  const stop = async (mode: "immediate" | "fast" = "immediate") => {
    await pgRun("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
    running = false;
  };
  let removed: Promise<void> | undefined;
  const remove = () => {
    removed ??= (async () => {
      live.delete(dataDir);
      if (running) await stop("immediate").catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    })();
    return removed;
  };
  const pgCtl = join(postgresBinDir(), "pg_ctl");
  const asRoot = process.getuid?.() === 0;
  live.set(dataDir, () => {
    try {
      const args = ["-D", dataDir, "-m", "immediate", "-w", "stop"];
      if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", pgCtl, ...args], { stdio: "ignore", timeout: 20_000 });
      else execFileSync(pgCtl, args, { stdio: "ignore", timeout: 20_000 });
    } catch {
      // Not running.
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  stopAllOnExit();
  try {
    await start();
  } catch (error) {
    await remove();
    throw error;
  }
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return { url: urlFor("postgres"), port, dataDir, urlFor, stop, start, remove };
}

/**
 * A PostgreSQL cluster of its own in a temporary folder, on a free port of 127.0.0.1, for tests
 * that stop, crash and restart the server (never do that to the shared one). initdb refuses to
 * run as root, so as root the binaries run as the `postgres` user.
 */
export async function createThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = postgresBinDir();
  for (const name of ["initdb", "pg_ctl"]) {
    if (!existsSync(join(bin, name))) {
      throw new Error(`${join(bin, name)} is missing: install PostgreSQL 15's server binaries or set PG_BIN_DIR`);
    }
  }
  const dataDir = await mkdtemp(join(tmpdir(), "ah-pg-"));
  const pgRun = await toolRunner(dataDir);
  const port = await freePort();
  await pgRun("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  // fsync off: the machine does not crash in a test, and an immediate stop is recovered from
  // the WAL in the page cache either way. The socket sits in the data folder, so clusters
  // never collide with the system's /var/run/postgresql.
  const serverOptions = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-k ${dataDir}`,
    "-c fsync=off",
    "-c full_page_writes=off",
    "-c max_connections=40",
    "-c shared_buffers=16MB",
  ].join(" ");
  return controlled(dataDir, port, serverOptions, pgRun);
}

/**
 * A hot standby of `primary`, copied with pg_basebackup and kept up to date by streaming
 * replication, on a port of its own: read-only, `urlFor(db)` like the primary's. For tests of
 * read routing and replica lag (pause replay with `select pg_wal_replay_pause()` on it).
 */
export async function createStreamingReplica(primary: ThrowawayCluster): Promise<ThrowawayCluster> {
  const dataDir = await mkdtemp(join(tmpdir(), "ah-pg-replica-"));
  const pgRun = await toolRunner(dataDir);
  // -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile;
  // a fast checkpoint starts the copy at once rather than after a spread one (minutes).
  await pgRun("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", dataDir, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"]);
  const port = await freePort();
  const serverOptions = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-k ${dataDir}`, "-c hot_standby=on", "-c fsync=off"].join(" ");
  return controlled(dataDir, port, serverOptions, pgRun);
}

/** A port nothing listens on now (the kernel picks it; a race with another process is unlikely). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}
