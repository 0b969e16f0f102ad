import { execFileSync } from "node:child_process";
import { request } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backends, createTestDatabase, insertMinimalRegion, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGatewayProcess } from "../testing/gateway-process.js";

/** One POST on a connection of its own (fetch would reuse a kept-alive one). */
function postOnNewConnection(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: "POST", agent: false, headers: { "content-type": "application/json", ...headers } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const children = (pid: number): string[] => {
  const out = execFileSync("ps", ["--ppid", String(pid), "-o", "args="]).toString();
  return out.split("\n").filter((line) => line.trim() !== "");
};

describe("pnpm start with NODE_ENV=production", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ah-prod-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("compiles the gateway and its workspace packages with tsc and serves the built JavaScript with plain node", async () => {
    const gateway = await startGatewayProcess(
      { NODE_ENV: "production", AUTH_SECRET: "a-production-secret-of-at-least-32-chars", PGLITE_DATA_DIR: dataDir, LOG_LEVEL: "info" },
      { args: ["start.mjs"], timeoutMs: 300_000 },
    );
    try {
      const served = children(gateway.child.pid!);
      expect(served).toHaveLength(1);
      expect(served[0]).toMatch(/ dist\/main\.js$/);
      expect(served[0]).not.toContain("tsx");
      // Production runs trusted operations only: the dashboard's Viewer, by its manifest id.
      const manifest = JSON.parse(readFileSync(new URL("../../trusted-operations.json", import.meta.url), "utf8")) as {
        operations: Record<string, { name: string }>;
      };
      const viewerId = Object.entries(manifest.operations).find(([, op]) => op.name === "Viewer")?.[0];
      const response = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: viewerId } } }),
      });
      expect(await response.json()).toEqual({ data: { viewer: { signedIn: false, role: null, region: null, authority: null, funder: null } } });
      const arbitrary = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ viewer { signedIn } }" }),
      });
      expect(arbitrary.status).toBe(400);
      // Production prints no development token hint.
      expect(gateway.output()).not.toContain("run token");
    } finally {
      gateway.child.kill("SIGTERM");
    }
    expect(await gateway.exited).toBe(0);
  }, 400_000);
});

describe.skipIf(!backends().includes("server"))("several gateway processes behind one port", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("server");
    await insertMinimalRegion(database.db);
  });
  afterAll(() => database?.close());

  it("forks WEB_CONCURRENCY workers sharing the port, all on the one PostgreSQL", async () => {
    const url = process.env.DATABASE_URL!.replace(/\/[^/]*$/, `/${await database.db.selectNoFrom((eb) => eb.fn<string>("current_database", []).as("name")).executeTakeFirstOrThrow().then((row) => row.name)}`);
    const gateway = await startGatewayProcess({ DATABASE_URL: url, WEB_CONCURRENCY: "3", LOG_LEVEL: "info", RATE_LIMIT_PER_MINUTE: "0" });
    try {
      // All three listen before the primary announces them.
      for (let i = 0; i < 100 && !gateway.output().includes("3 workers on"); i++) await new Promise((r) => setTimeout(r, 100));
      expect(children(gateway.child.pid!)).toHaveLength(3);
      for (let i = 0; i < 30; i++) {
        // A new connection each time: the primary hands connections to the workers in turn.
        const status = await postOnNewConnection(`${gateway.url}/graphql`, JSON.stringify({ query: "{ viewer { signedIn } }" }), {
          "x-request-id": `spread-${i}`,
        });
        expect(status).toBe(200);
      }
      const lines = () => gateway.output().split("\n").filter((line) => line.includes('"requestId":"spread-'));
      // Each worker writes its line when its response has finished: wait for the last ones.
      for (let i = 0; i < 50 && lines().length < 30; i++) await new Promise((r) => setTimeout(r, 100));
      const served = lines().map((line) => (JSON.parse(line) as { pid: number }).pid);
      expect(served).toHaveLength(30);
      expect(new Set(served).size).toBeGreaterThan(1);
      expect((await fetch(`${gateway.url}/ready`)).status).toBe(200);
    } finally {
      gateway.child.kill("SIGTERM");
    }
    expect(await gateway.exited).toBe(0);
  }, 180_000);
});
