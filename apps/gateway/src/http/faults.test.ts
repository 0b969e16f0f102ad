import { setTimeout as sleep } from "node:timers/promises";
import { migrateToLatest, openDatabase } from "@adviser-hub/persistence";
import { canRunThrowawayCluster, createThrowawayCluster, type ThrowawayCluster } from "@adviser-hub/persistence/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayProcess, startGatewayProcess } from "../testing/gateway-process.js";
import { tokenFor } from "../testing/harness.js";
import { FIXTURE, insertLondonFixture, REQUEST_ENGAGEMENT, requestEngagementInput } from "../testing/london-fixture.js";

// The real gateway process against a PostgreSQL of the test's own, which the test crashes
// (pg_ctl stop -m immediate) and restarts, and against which it holds locks to keep a write in
// flight while the gateway is told to stop.

interface Answer {
  readonly at: number;
  readonly status: number;
  readonly code: unknown;
  readonly retryAfter: string | null;
  readonly ms: number;
}

async function ask(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer & { body: unknown }> {
  const started = Date.now();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: unknown } }[] };
  return {
    at: started,
    status: response.status,
    code: body.errors?.[0]?.extensions?.code ?? null,
    retryAfter: response.headers.get("retry-after"),
    ms: Date.now() - started,
    body,
  };
}

/** A session of the owner (pg_stat_activity hides other roles' sessions from the application role). */
async function connectMonitor(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: cluster.urlFor("app") });
  // The crash test kills every session; this one is replaced afterwards.
  client.on("error", () => undefined);
  await client.connect();
  return client;
}
let cluster: ThrowawayCluster;

describe.skipIf(!canRunThrowawayCluster())("the gateway process when PostgreSQL fails or the gateway is stopped", () => {
  let monitor: pg.Client;
  let databaseUrl: string;
  let token: string;
  const children: GatewayProcess[] = [];

  beforeAll(async () => {
    cluster = await createThrowawayCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("create database app");
    await admin.end();
    databaseUrl = cluster.urlFor("app");
    monitor = await connectMonitor();
    const app = await openDatabase({ url: databaseUrl, readUrl: "" });
    await migrateToLatest(app.db);
    await insertLondonFixture(app.db);
    await app.close();
    token = await tokenFor({ role: "REGION_ADMIN", region: FIXTURE.region });
  }, 180_000);
  afterAll(async () => {
    for (const child of children) if (child.child.exitCode === null) child.child.kill("SIGKILL");
    await monitor?.end().catch(() => undefined);
    await cluster?.remove();
  });

  const start = async (env: Record<string, string> = {}) => {
    const child = await startGatewayProcess({
      DATABASE_URL: `${databaseUrl}?application_name=gateway-under-test`,
      DATABASE_CONNECT_TIMEOUT_MS: "1000",
      RATE_LIMIT_PER_MINUTE: "0",
      ...env,
    });
    children.push(child);
    return child;
  };
  const count = async (table: "engagements" | "audit_log") =>
    Number((await monitor.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
  /** Waits until a session of the gateway waits on a lock (the write is in flight, inside its transaction). */
  const blockedOnLock = async () => {
    for (let i = 0; i < 200; i++) {
      const { rows } = await monitor.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where application_name = 'gateway-under-test' and wait_event_type = 'Lock'",
      );
      if (rows[0]!.n > 0) return;
      await sleep(50);
    }
    throw new Error("the write never reached the lock");
  };

  it("rides out a crash of PostgreSQL: 503 SERVICE_UNAVAILABLE fast, /ready 503, recovery without a restart", async () => {
    const gateway = await start();
    const query = `{ region(code: "${FIXTURE.region}") { code name } }`;
    expect((await ask(gateway.url, token, query)).status).toBe(200);

    // Light load: one request at a time, ten a second, through the whole outage.
    const answers: Answer[] = [];
    let loading = true;
    const load = (async () => {
      while (loading) {
        const { body: _body, ...answer } = await ask(gateway.url, token, query).catch((error: unknown) => {
          throw new Error(`the gateway stopped answering: ${String(error)}\n${gateway.output()}`);
        });
        answers.push(answer);
        await sleep(100);
      }
    })();
    await sleep(500);
    const crashedAt = Date.now();
    await cluster.stop("immediate");
    await sleep(2_000);
    const ready = await fetch(`${gateway.url}/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { status: string }).status).toBe("unavailable");
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);

    const restartAt = Date.now();
    await cluster.start();
    const acceptingAt = Date.now();
    await monitor.end().catch(() => undefined);
    monitor = await connectMonitor();
    let recoveredAt: number | undefined;
    for (let i = 0; i < 300 && recoveredAt === undefined; i++) {
      recoveredAt = answers.find((answer) => answer.at >= acceptingAt && answer.status === 200)?.at;
      if (recoveredAt === undefined) await sleep(100);
    }
    loading = false;
    await load;
    expect(recoveredAt).toBeDefined();
    const readyAgain = await fetch(`${gateway.url}/ready`);
    expect(readyAgain.status).toBe(200);

    const during = answers.filter((answer) => answer.at > crashedAt + 100 && answer.at < restartAt);
    expect(during.length).toBeGreaterThan(5);
    for (const answer of during) {
      expect(answer).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE", retryAfter: "5" });
      // Fails fast: refused at once, or the 1 s connect timeout at worst.
      expect(answer.ms).toBeLessThan(2_500);
    }
    expect(gateway.child.exitCode).toBeNull();
    const slowest = Math.max(...during.map((answer) => answer.ms));
    process.stdout.write(
      `database crash: ${during.length} requests answered 503 SERVICE_UNAVAILABLE (slowest ${slowest} ms); ` +
        `server restart took ${acceptingAt - restartAt} ms; the gateway served again ${recoveredAt! - acceptingAt} ms after the server accepted connections, ` +
        `${recoveredAt! - crashedAt} ms after the crash, without a restart\n`,
    );
    gateway.child.kill("SIGTERM");
    expect(await gateway.exited).toBe(0);
  }, 120_000);

  it("on SIGTERM stops accepting, lets a write in flight commit whole, closes the pool and exits 0", async () => {
    const gateway = await start({ SHUTDOWN_TIMEOUT_MS: "15000" });
    const [engagementsBefore, auditBefore] = [await count("engagements"), await count("audit_log")];
    await monitor.query("begin");
    await monitor.query("lock table engagements in share mode");
    const inFlight = ask(gateway.url, token, REQUEST_ENGAGEMENT, requestEngagementInput("Finished during shutdown"));
    await blockedOnLock();
    gateway.child.kill("SIGTERM");
    await sleep(300);
    // No new connection is accepted once draining began.
    await expect(fetch(`${gateway.url}/health`)).rejects.toThrow();
    await monitor.query("commit");
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ data: { requestEngagement: { __typename: "RequestEngagementPayload" } } });
    expect(await gateway.exited).toBe(0);
    expect(await count("engagements")).toBe(engagementsBefore + 1);
    expect(await count("audit_log")).toBe(auditBefore + 1);
    const { rows } = await monitor.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where application_name = 'gateway-under-test'");
    expect(rows[0]!.n).toBe(0);
  }, 120_000);

  it("past the shutdown bound cuts the request and exits; the write it held rolls back whole", async () => {
    const gateway = await start({ SHUTDOWN_TIMEOUT_MS: "300" });
    const [engagementsBefore, auditBefore] = [await count("engagements"), await count("audit_log")];
    await monitor.query("begin");
    await monitor.query("lock table engagements in share mode");
    const inFlight = ask(gateway.url, token, REQUEST_ENGAGEMENT, requestEngagementInput("Cut by the shutdown bound")).then(
      () => "answered",
      () => "cut",
    );
    await blockedOnLock();
    const signalledAt = Date.now();
    gateway.child.kill("SIGTERM");
    expect(await inFlight).toBe("cut");
    const code = await gateway.exited;
    const tookMs = Date.now() - signalledAt;
    expect(code).toBe(1);
    // The bound, then at most the last-resort grace for a database that never answers.
    expect(tookMs).toBeLessThan(300 + 5_000 + 2_000);
    await monitor.query("commit");
    expect(await count("engagements")).toBe(engagementsBefore);
    expect(await count("audit_log")).toBe(auditBefore);
  }, 120_000);
});
