import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceUnavailableError } from "../errors/index.js";
import { migrateToLatest } from "../migrations/migrate-to-latest.js";
import {
  canRunThrowawayCluster,
  createThrowawayCluster,
  insertMinimalRegion,
  MINIMAL,
  type ThrowawayCluster,
} from "../test-support/index.js";
import { type AppDatabase, openDatabase } from "./open-database.js";

// Faults on a PostgreSQL of the test's own, which it crashes (`pg_ctl stop -m immediate`) and
// starts again while queries run through one openDatabase pool.

const CONNECT_TIMEOUT_MS = 1_000;
const STATEMENT_TIMEOUT_MS = 1_000;

interface Outcome {
  readonly ok: boolean;
  readonly error?: unknown;
  readonly ms: number;
  readonly endedAt: number;
}

describe.skipIf(!canRunThrowawayCluster())("a database that goes away", () => {
  let cluster: ThrowawayCluster;
  let app: AppDatabase;
  const idleErrors: Error[] = [];

  beforeAll(async () => {
    cluster = await createThrowawayCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("create database app");
    await admin.end();
    app = await openDatabase({
      url: cluster.urlFor("app"),
      maxConnections: 4,
      limits: { connectTimeoutMs: CONNECT_TIMEOUT_MS, statementTimeoutMs: STATEMENT_TIMEOUT_MS },
      onIdleError: (error) => idleErrors.push(error),
    });
    await migrateToLatest(app.db);
    await insertMinimalRegion(app.db);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await cluster?.remove();
  });

  /** One unit of load: a read, and a transaction that keeps its session checked out a while. */
  async function oneRequest(n: number): Promise<Outcome> {
    const began = performance.now();
    try {
      if (n % 2 === 0) {
        await app.db.selectFrom("advisers").select("id").where("region_code", "=", MINIMAL.regionCode).execute();
      } else {
        await app.db.transaction().execute(async (trx) => {
          await sql`select 1`.execute(trx);
          // The session sits checked out and idle here: a crash now used to be an unhandled
          // 'error' event on the client, which ends the process.
          await sleep(20);
          await trx.selectFrom("engagements").select("id").execute();
        });
      }
      return { ok: true, ms: performance.now() - began, endedAt: performance.now() };
    } catch (error) {
      return { ok: false, error, ms: performance.now() - began, endedAt: performance.now() };
    }
  }

  /** Four workers issuing requests until `stop()`; returns every outcome. */
  function load(): { stop(): Promise<Outcome[]> } {
    const outcomes: Outcome[] = [];
    let running = true;
    const workers = [0, 1, 2, 3].map(async (w) => {
      for (let n = w; running && outcomes.length < 20_000; n += 4) {
        const outcome = await oneRequest(n);
        outcomes.push(outcome);
        if (!outcome.ok) await sleep(10);
      }
    });
    return {
      stop: async () => {
        running = false;
        await Promise.all(workers);
        return outcomes;
      },
    };
  }

  it("fails fast with SERVICE_UNAVAILABLE while the server is down and recovers without reopening", async () => {
    const before = load();
    await sleep(300);
    const upOutcomes = await before.stop();
    expect(upOutcomes.length).toBeGreaterThan(0);
    expect(upOutcomes.every((o) => o.ok)).toBe(true);

    const during = load();
    await sleep(100);
    await cluster.stop("immediate");
    const stoppedAt = performance.now();
    await sleep(1_500);
    const downOutcomes = (await during.stop()).filter((o) => o.endedAt > stoppedAt);

    // Every request after the crash failed, each with the one typed error, none hanging past the
    // connect timeout (plus slack for a loaded two-core machine).
    expect(downOutcomes.length).toBeGreaterThan(4);
    const failures = downOutcomes.filter((o) => !o.ok);
    expect(failures.length).toBe(downOutcomes.length);
    for (const failure of failures) {
      expect(failure.error).toBeInstanceOf(ServiceUnavailableError);
      expect((failure.error as ServiceUnavailableError).code).toBe("SERVICE_UNAVAILABLE");
      expect((failure.error as ServiceUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
      expect(failure.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 2_000);
    }
    // Sessions that died in the pool were reported, once for the outage, not once per session.
    expect(idleErrors.length).toBeLessThanOrEqual(1);

    const after = load();
    const restartedAt = performance.now();
    await cluster.start();
    const serverUpAt = performance.now();
    await sleep(500);
    const recovery = await after.stop();
    const firstOk = recovery.find((o) => o.ok && o.endedAt > serverUpAt);
    expect(firstOk).toBeDefined();
    console.info(
      `database outage: server back ${Math.round(serverUpAt - restartedAt)} ms after pg_ctl start; ` +
        `first query through the same pool succeeded ${Math.round(firstOk!.endedAt - serverUpAt)} ms later`,
    );
    expect(firstOk!.endedAt - serverUpAt).toBeLessThan(10_000);
    // And from then on it keeps working.
    const rows = await app.db.selectFrom("advisers").select("id").execute();
    expect(rows.map((r) => r.id)).toEqual([MINIMAL.adviserId]);
  }, 60_000);

  it("ends a statement that runs past the statement timeout, and the pool serves the next", async () => {
    const began = performance.now();
    const error = await sql`select pg_sleep(5)`.execute(app.db).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).reason).toBe("timeout");
    expect(performance.now() - began).toBeLessThan(STATEMENT_TIMEOUT_MS + 2_000);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(app.db);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it("answers SERVICE_UNAVAILABLE when no pooled session frees up in time", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Take every session of the pool (4) and keep them.
    const holders = [0, 1, 2, 3].map(() =>
      app.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await held;
      }),
    );
    await sleep(300);
    const began = performance.now();
    const error = await sql`select 1`.execute(app.db).then(
      () => undefined,
      (e: unknown) => e,
    );
    release();
    await Promise.all(holders);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).reason).toBe("timeout");
    expect(performance.now() - began).toBeLessThan(CONNECT_TIMEOUT_MS + 2_000);
  });
});
