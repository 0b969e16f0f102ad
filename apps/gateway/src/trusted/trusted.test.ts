import { readFileSync } from "node:fs";
import { backends, createTestDatabase, insertMinimalRegion, type TestDatabase } from "@adviser-hub/persistence/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken } from "../auth/token.js";
import { executeOperation } from "../http/execute-operation.js";
import { exportReports } from "../http/export-reports.js";
import { execute, StatementCounter } from "../testing/harness.js";
import { createGateway, type Gateway } from "../yoga.js";
import { buildManifest, canonicalDocument, manifestPath, manifestText, operationId } from "./manifest.js";

const secret = "a-production-secret-of-at-least-32-characters";
const production = { NODE_ENV: "production", AUTH_SECRET: secret };

describe("the trusted operations manifest", () => {
  it("is current: regenerate it with `pnpm --filter @adviser-hub/gateway operations:manifest`", () => {
    expect(readFileSync(manifestPath, "utf8")).toBe(manifestText(buildManifest()));
  });

  it("holds every operation of the gateway's operations/, the dashboard's and the CSV exports", () => {
    const names = Object.values(buildManifest().operations).map((operation) => operation.name);
    for (const name of ["FunderReport", "Viewer", "FundingReportPage", "BoroughQuota", "QuotaStatementExport", "WaitlistExport"]) {
      expect(names).toContain(name);
    }
  });

  it("knows an operation by its canonical form: added __typename and definition order do not matter", () => {
    const a = canonicalDocument(parse("query Q { viewer { role ...F } } fragment F on Viewer { region }"));
    const b = canonicalDocument(parse("fragment F on Viewer { __typename region } query Q { __typename viewer { __typename role ...F } }"));
    expect(b).toBe(a);
    expect(canonicalDocument(parse("query Q { viewer { role t: __typename } }"))).not.toBe(canonicalDocument(parse("query Q { viewer { role } }")));
  });
});

describe.each(backends())("trusted documents on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  let token: string;
  const counter = new StatementCounter();
  const viewerText = readFileSync(new URL("../../../web/src/operations/viewer.graphql", import.meta.url), "utf8");
  const viewerId = operationId(canonicalDocument(parse(viewerText)));

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await insertMinimalRegion(database.db);
    gateway = createGateway({ db: database.db, env: production });
    token = await signToken({ role: "REGION_ADMIN", region: "test", authority: null, funder: null }, new TextEncoder().encode(secret));
  });
  afterAll(() => database?.close());

  const byId = (id: string) => execute(gateway, "", { token, body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } }) });

  it("in production runs a trusted operation by id or by its text, urql's __typename included", async () => {
    const expected = { viewer: { signedIn: true, role: "REGION_ADMIN", region: "test", authority: null, funder: null } };
    expect((await byId(viewerId)).data).toEqual(expected);
    expect((await execute(gateway, viewerText, { token })).data).toEqual(expected);
    const urql = await execute(gateway, "query Viewer { viewer { signedIn role region authority funder __typename } }", { token });
    expect(urql.data).toEqual({ viewer: { ...expected.viewer, __typename: "Viewer" } });
  });

  it("in production refuses any other operation before any SQL, by text or by id", async () => {
    counter.reset();
    const other = await execute(gateway, '{ region(code: "test") { name } }', { token });
    expect(other.status).toBe(400);
    expect(other.errors?.map((error) => error.extensions?.code)).toEqual(["PERSISTED_QUERY_ONLY"]);
    const unknown = await byId("0".repeat(64));
    expect(unknown.errors?.map((error) => error.extensions?.code)).toEqual(["PERSISTED_QUERY_NOT_IN_LIST"]);
    const none = await execute(gateway, "", { token, body: JSON.stringify({ variables: {} }) });
    expect(none.errors?.map((error) => error.extensions?.code)).toEqual(["PERSISTED_QUERY_ID_REQUIRED"]);
    // A trusted operation with one more field is another operation.
    const widened = await execute(gateway, "query Viewer { viewer { signedIn role region authority funder } region(code: \"test\") { name } }", { token });
    expect(widened.errors?.map((error) => error.extensions?.code)).toEqual(["PERSISTED_QUERY_ONLY"]);
    expect(counter.count).toBe(0);
  });

  it("in production runs the CSV exports' queries, which are in the manifest", async () => {
    const response = await executeOperation<{ region: { code: string } | null }>(
      gateway,
      `Bearer ${token}`,
      exportReports.waitlist!.query,
      { region: "test" },
    );
    expect(response.errors?.map((error) => error.extensions?.code) ?? []).not.toContain("PERSISTED_QUERY_ONLY");
    expect(response.data).not.toBeUndefined();
  });

  it("runs arbitrary operations with ALLOW_ARBITRARY_OPERATIONS=1, and outside production", async () => {
    const query = '{ region(code: "test") { name } }';
    const allowed = createGateway({ db: database.db, env: { ...production, ALLOW_ARBITRARY_OPERATIONS: "1" } });
    expect((await execute(allowed, query, { token })).data).toEqual({ region: { name: "Test region" } });
    const staging = createGateway({ db: database.db, env: { NODE_ENV: "staging", AUTH_SECRET: secret } });
    expect((await execute(staging, query, { token })).data).toEqual({ region: { name: "Test region" } });
  });
});
