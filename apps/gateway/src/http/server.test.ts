import { openDatabase } from "@adviser-hub/persistence";
import { backends, createTestDatabase, emptyDatabase, insertMinimalRegion, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.js";
import { createLogger } from "../observability/logger.js";
import { tokenFor } from "../testing/harness.js";
import { type RunningServer, type ServedDatabase, serve } from "./server.js";

/** Log lines the server wrote, parsed. */
class LogLines {
  readonly raw: string[] = [];
  write(line: string): void {
    this.raw.push(line);
  }
  get lines(): Record<string, unknown>[] {
    return this.raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  requests(): Record<string, unknown>[] {
    return this.lines.filter((line) => "requestId" in line);
  }
}

async function start(database: ServedDatabase, env: Record<string, string> = {}): Promise<{ server: RunningServer; log: LogLines }> {
  const log = new LogLines();
  const fullEnv = { NODE_ENV: "test", LOG_LEVEL: "info", ...env };
  const server = await serve({
    config: loadConfig(fullEnv),
    env: fullEnv,
    logger: createLogger({ level: "info", destination: log }),
    database: { ...database, close: async () => undefined },
    processMetrics: false,
    listen: { port: 0, host: "127.0.0.1" },
  });
  return { server, log };
}

const graphql = (server: RunningServer, query: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({ query }),
  });

describe.each(backends())("the served gateway on %s", (backend) => {
  let database: TestDatabase;
  let running: { server: RunningServer; log: LogLines };
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await insertMinimalRegion(database.db);
    running = await start(database);
    server = running.server;
  });
  afterAll(async () => {
    await server?.shutdown();
    await database?.close();
  });

  it("answers /health and /ready with 200 and JSON", async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("keeps a sane x-request-id, replaces any other, and logs one line per request with viewer and operation", async () => {
    const token = await tokenFor({ role: "REGION_ADMIN", region: "test" });
    const kept = await graphql(server, "query WhoAmI { viewer { role } }", { "x-request-id": "lb-7f3a.42", authorization: `Bearer ${token}` });
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a.42");
    const replaced = await graphql(server, "{ viewer { role } }", { "x-request-id": 'bad id "with" quotes' });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const line = running.log.requests().find((entry) => entry.requestId === "lb-7f3a.42");
    expect(line).toMatchObject({
      method: "POST",
      route: "/graphql",
      status: 200,
      operation: "WhoAmI",
      operationType: "query",
      role: "REGION_ADMIN",
      region: "test",
      outcome: "ok",
    });
    expect(typeof line?.durationMs).toBe("number");
    expect(running.log.raw.join("\n")).not.toContain(token);
  });

  it("logs a refused token as one line without a stack or the token", async () => {
    const before = running.log.raw.length;
    const response = await graphql(server, "{ viewer { role } }", { authorization: "Bearer not.a.token", "x-request-id": "bad-token-1" });
    expect(response.status).toBe(401);
    const written = running.log.raw.slice(before);
    expect(written).toHaveLength(1);
    expect(written[0]).not.toContain("stack");
    expect(written[0]).not.toContain("not.a.token");
    expect(JSON.parse(written[0]!)).toMatchObject({ requestId: "bad-token-1", status: 401, outcome: "UNAUTHENTICATED" });
  });

  it("serves same origin only by default: no CORS header for another origin, its preflight refused", async () => {
    const simple = await graphql(server, "{ viewer { role } }", { origin: "https://evil.example" });
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
    expect(simple.headers.get("access-control-allow-credentials")).toBeNull();
    const preflight = await fetch(`${server.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("exposes Prometheus metrics: requests, errors by code, operation durations, pool usage", async () => {
    await graphql(server, "{ viewer { role } }");
    await graphql(server, "{ viewer { role } }", { authorization: "Bearer nope" });
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/adviser_hub_http_requests_total\{route="\/graphql",method="POST",status="200"\} \d+/);
    expect(text).toMatch(/adviser_hub_graphql_errors_total\{code="UNAUTHENTICATED"\} [1-9]/);
    expect(text).toMatch(/adviser_hub_graphql_operation_duration_seconds_count\{type="query",field="viewer"\} [1-9]/);
    expect(text).toMatch(/adviser_hub_graphql_operation_duration_seconds_bucket\{le="0.005",type="query",field="viewer"\}/);
    if (backend === "server") expect(text).toMatch(/adviser_hub_db_pool_max_sessions\{pool="primary"\} 10/);
    else expect(text).not.toMatch(/adviser_hub_db_pool_max_sessions\{/);
  });
});

describe("CORS with an allow-list", () => {
  let database: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    ({ server } = await start(database, { CORS_ORIGINS: "https://dash.example.org" }));
  });
  afterAll(async () => {
    await server?.shutdown();
    await database?.close();
  });

  it("echoes a listed origin alone, never with credentials, and answers its preflight", async () => {
    const simple = await graphql(server, "{ viewer { role } }", { origin: "https://dash.example.org" });
    expect(simple.headers.get("access-control-allow-origin")).toBe("https://dash.example.org");
    expect(simple.headers.get("access-control-allow-credentials")).toBeNull();
    expect(simple.headers.get("vary")).toContain("Origin");
    const preflight = await fetch(`${server.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://dash.example.org", "access-control-request-method": "POST", "access-control-request-headers": "authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    const other = await graphql(server, "{ viewer { role } }", { origin: "https://dash.example.org.evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("rate limiting per viewer", () => {
  let database: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    ({ server } = await start(database, { RATE_LIMIT_PER_MINUTE: "3" }));
  });
  afterAll(async () => {
    await server?.shutdown();
    await database?.close();
  });

  it("refuses a viewer's fourth request in a minute with RATE_LIMITED, 429 and Retry-After, and not another viewer's", async () => {
    const funder = `Bearer ${await tokenFor({ role: "FUNDER", region: "test", funder: "fnd-a" })}`;
    const other = `Bearer ${await tokenFor({ role: "FUNDER", region: "test", funder: "fnd-b" })}`;
    for (let i = 0; i < 3; i++) expect((await graphql(server, "{ viewer { role } }", { authorization: funder })).status).toBe(200);
    const refused = await graphql(server, "{ viewer { role } }", { authorization: funder });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(20);
    const body = (await refused.json()) as { data?: unknown; errors: { extensions: Record<string, unknown> }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0]?.extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0]?.extensions.http).toBeUndefined();
    expect((await graphql(server, "{ viewer { role } }", { authorization: other })).status).toBe(200);
  });
});

describe("a database that is not there, or not migrated", () => {
  it("answers GraphQL with 503 SERVICE_UNAVAILABLE and Retry-After, and /ready with 503 and a reason", async () => {
    // Port 1 on loopback: nothing listens, so every connection is refused at once.
    const app = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/none", readUrl: "", onIdleError: () => undefined });
    const { server } = await start(app);
    try {
      const token = await tokenFor({ role: "REGION_ADMIN", region: "test" });
      const response = await graphql(server, '{ region(code: "test") { code name } }', { authorization: `Bearer ${token}` });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0]?.extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(body.errors[0]?.message).toContain("the database is unreachable");
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", reason: "the database is unreachable" });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.shutdown();
      await app.close();
    }
  });

  it.each(backends())("answers /ready with 503 while migrations are pending (%s)", async (backend) => {
    const empty = await emptyDatabase(backend);
    const { server } = await start(empty.app);
    try {
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { status: string; reason: string; pending: string[] };
      expect(body.status).toBe("unavailable");
      expect(body.reason).toBe("migrations are pending");
      expect(body.pending.length).toBeGreaterThan(5);
    } finally {
      await server.shutdown();
      await empty.dispose();
    }
  });
});
