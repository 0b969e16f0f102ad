import { backends, createTestDatabase, insertMinimalRegion, type TestDatabase } from "@adviser-hub/persistence/testing";
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { authSecret } from "./auth/secret.js";
import { signToken, verifyToken } from "./auth/token.js";
import { execute, StatementCounter, tokenFor } from "./testing/harness.js";
import { createGateway, type Gateway } from "./yoga.js";

describe.each(backends())("gateway infrastructure on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  const counter = new StatementCounter();

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await insertMinimalRegion(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" } });
  });
  afterAll(() => database?.close());

  it("answers the viewer from the token, and an anonymous viewer without one", async () => {
    const token = await tokenFor({ role: "AUTHORITY", region: "test", authority: "E09000020" });
    const signed = await execute(gateway, "{ viewer { signedIn role region authority funder } }", { token });
    expect(signed.data).toEqual({
      viewer: { signedIn: true, role: "AUTHORITY", region: "test", authority: "E09000020", funder: null },
    });
    const anonymous = await execute(gateway, "{ viewer { signedIn role region } }");
    expect(anonymous.data).toEqual({ viewer: { signedIn: false, role: null, region: null } });
  });

  it("signs a SERVICE_ADMIN token without a region and refuses one that names a region", async () => {
    const secret = authSecret({ NODE_ENV: "test" });
    const operator = await signToken({ role: "SERVICE_ADMIN", region: "*", authority: null, funder: null }, secret);
    expect(await verifyToken(operator, secret)).toEqual({ role: "SERVICE_ADMIN", region: "*", authority: null, funder: null });
    const regional = await new SignJWT({ role: "SERVICE_ADMIN", region: "test" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("adviser-hub")
      .setAudience("adviser-hub-gateway")
      .setExpirationTime("1h")
      .sign(secret);
    await expect(verifyToken(regional, secret)).rejects.toThrow("tied to no region");
    const response = await execute(gateway, "{ viewer { role region } }", { token: operator });
    expect(response.data).toEqual({ viewer: { role: "SERVICE_ADMIN", region: null } });
  });

  it("refuses a token signed with another secret, with 401 and no data", async () => {
    const forged = await signToken(
      { role: "REGION_ADMIN", region: "test", authority: null, funder: null },
      new TextEncoder().encode("another-secret-another-secret-another"),
    );
    const response = await execute(gateway, "{ viewer { role } }", { token: forged });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.data ?? null).toBeNull();
  });

  it("reads a region for its own token only", async () => {
    const query = '{ region(code: "test") { code name } }';
    const own = await execute(gateway, query, { token: await tokenFor({ role: "REGION_ADMIN", region: "test" }) });
    expect(own.data).toEqual({ region: { code: "test", name: "Test region" } });
    const other = await execute(gateway, query, { token: await tokenFor({ role: "REGION_ADMIN", region: "london" }) });
    expect(other.data).toEqual({ region: null });
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const none = await execute(gateway, query);
    expect(none.data).toEqual({ region: null });
    expect(none.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses too deep, too aliased, too long and too large requests before any SQL", async () => {
    const token = await tokenFor({ role: "REGION_ADMIN", region: "test" });
    counter.reset();
    let nested = "code";
    for (let i = 0; i < 14; i++) nested = `edges { node { ${nested} } }`;
    const deep = await execute(gateway, `{ region(code: "test") { engagements { ${nested} } } }`, { token });
    expect(deep.errors?.map((error) => error.extensions?.code)).toContain("QUERY_TOO_DEEP");
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: viewer { role }`).join(" ");
    const aliased = await execute(gateway, `{ ${aliases} }`, { token });
    expect(aliased.errors?.[0]?.extensions?.code).toBe("TOO_MANY_ALIASES");
    const long = await execute(gateway, `{ viewer { ${"role ".repeat(6000)} } }`, { token });
    // application/json clients get 200 with the error (GraphQL over HTTP); the code says why.
    expect(long.data ?? null).toBeNull();
    expect(long.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_LONG");
    const fields = "code title strand status themes estimate delivered startsOn endsOn requestedAt organisation { name kind } leadAdviser { name fte }";
    const expensive = Array.from({ length: 20 }, (_, i) => `e${i}: engagements(first: 100) { edges { node { ${fields} } } }`).join(" ");
    const costly = await execute(gateway, `{ region(code: "test") { ${expensive} } }`, { token });
    expect(costly.errors?.map((error) => error.extensions?.code)).toContain("QUERY_TOO_EXPENSIVE");
    const large = await execute(gateway, "", { token, body: JSON.stringify({ query: `{ viewer { role } } #${"x".repeat(200_000)}` }) });
    expect(large.status).toBe(413);
    expect(counter.count).toBe(0);
  });

  it("refuses a chain of fragments each spreading the next twice, by its cost, before any SQL", async () => {
    const token = await tokenFor({ role: "REGION_ADMIN", region: "test" });
    // 2^40 copies of `role` if expanded: the rules price each fragment once, so the refusal
    // comes from the doubling cost, not from walking the expansion.
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Viewer { role }` : `fragment F${i} on Viewer { ...F${i + 1} ...F${i + 1} }`,
    ).join(" ");
    counter.reset();
    const fanOut = await execute(gateway, `{ viewer { ...F0 } } ${fragments}`, { token });
    expect(fanOut.data ?? null).toBeNull();
    expect(fanOut.errors?.map((error) => error.extensions?.code)).toEqual(["QUERY_TOO_EXPENSIVE"]);
    expect(counter.count).toBe(0);
  });

  it("refuses a 50,000-token nested list at the parser, not by a stack overflow, and too many directives", async () => {
    const token = await tokenFor({ role: "REGION_ADMIN", region: "test" });
    const nested = `${"[".repeat(25_000)}${"]".repeat(25_000)}`;
    const list = await execute(gateway, `{ region(code: ${nested}) { code } }`, { token });
    expect(list.errors?.map((error) => [error.extensions?.code, error.extensions?.limit])).toEqual([["QUERY_TOO_NESTED", 64]]);
    expect(JSON.stringify(list)).not.toMatch(/call stack/i);
    // Brackets inside a string are text, not structure.
    const quoted = await execute(gateway, `{ region(code: "${"[".repeat(200)}") { code } }`, { token });
    expect(quoted.errors?.[0]?.extensions?.code).not.toBe("QUERY_TOO_NESTED");
    const flat = `[${Array.from({ length: 6_000 }, () => "1").join(" ")}]`;
    const long = await execute(gateway, `{ region(code: ${flat}) { code } }`, { token });
    expect(long.errors?.map((error) => [error.extensions?.code, error.extensions?.limit])).toEqual([["QUERY_TOO_LONG", 5_000]]);
    const directives = Array.from({ length: 25 }, (_, i) => `r${i}: role @include(if: true)`).join(" ");
    const many = await execute(gateway, `{ viewer { ${directives} } }`, { token });
    expect(many.errors?.map((error) => error.extensions?.code)).toEqual(["TOO_MANY_DIRECTIVES"]);
  });

  it("leaves introspection alone outside production: GraphiQL's full introspection query passes the limits", async () => {
    const response = await execute<{ __schema: { types: unknown[] } }>(gateway, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(response.errors).toBeUndefined();
    expect(response.data?.__schema.types.length).toBeGreaterThan(50);
  });

  it("serves GraphiQL from its own origin: no asset URL leaves it, with a default query and a header template", async () => {
    const response = await gateway.fetch("http://gateway.test/graphql", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? "");
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "").replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, "");
    const assets = [
      ...[...markup.matchAll(/\b(?:src|href|srcset|action)\s*=\s*["']?([^"'\s>]+)/gi)].map((match) => match[1] ?? ""),
      ...scripts.map((match) => /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(match[1] ?? "")?.[1]).filter((src) => src !== undefined),
      ...styles.flatMap((css) => [...css.matchAll(/url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)/g)].map((match) => match[1] ?? match[2] ?? "")),
      // Loaders inside the inlined script: workers, script imports and dynamic imports.
      ...scripts.flatMap((match) =>
        [...(match[2] ?? "").matchAll(/(?:importScripts|new Worker|new SharedWorker|import)\(\s*["'`]((?:https?:)?\/\/[^"'`]+)/g)].map((m) => m[1] ?? ""),
      ),
    ];
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asset, asset.slice(0, 80)).toMatch(/^(data:|blob:|#|\/(?!\/)|[^:/]+$)/);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs|googleapis/);
    expect(html).toContain("viewer { signedIn role region authority funder }");
    expect(html).toContain("Bearer <token from pnpm run token>");
  });

  it("masks unexpected errors and never returns a stack", async () => {
    const token = await tokenFor({ role: "REGION_ADMIN", region: "test" });
    // The minimal region has no stored policy: reading its granularity is an operator error.
    const response = await execute(gateway, '{ region(code: "test") { unitsPerDay } }', { token });
    expect(response.errors?.[0]?.message).toBe("Unexpected error.");
    expect(response.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(JSON.stringify(response)).not.toMatch(/at .*\.ts:\d+|stack|policy/i);
  });

  it("in production: requires AUTH_SECRET, turns off GraphiQL and introspection, refuses development tokens", async () => {
    expect(() => createGateway({ db: database.db, env: { NODE_ENV: "production" } })).toThrow(/AUTH_SECRET/);
    expect(() => createGateway({ db: database.db, env: { NODE_ENV: "staging" } })).toThrow(/AUTH_SECRET/);
    const secret = "a-production-secret-of-at-least-32-characters";
    // Arbitrary operations allowed: this checks what production answers them (trusted/ checks the list).
    const production = createGateway({ db: database.db, env: { NODE_ENV: "production", AUTH_SECRET: secret, ALLOW_ARBITRARY_OPERATIONS: "1" } });
    const token = await signToken({ role: "REGION_ADMIN", region: "test", authority: null, funder: null }, new TextEncoder().encode(secret));
    const introspection = await execute(production, "{ __schema { types { name } } }", { token });
    expect(introspection.data ?? null).toBeNull();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await execute(production, '{ region(code: "test") { name } }', { token })).data).toEqual({ region: { name: "Test region" } });
    const developmentToken = await tokenFor({ role: "REGION_ADMIN", region: "test" });
    expect((await execute(production, "{ viewer { role } }", { token: developmentToken })).status).toBe(401);
    // No "Did you mean" for a field, an argument or an enum value (validation or variables).
    const misspelt = await execute(production, '{ region(code: "test") { nmae engagements(status: ACTIV) { totalCount } } }', { token });
    const variable = await execute(
      production,
      'query($s: EngagementStatus) { region(code: "test") { engagements(status: $s) { totalCount } } }',
      { token, variables: { s: "ACTIV" } },
    );
    const messages = [...(misspelt.errors ?? []), ...(variable.errors ?? [])].map((error) => error.message);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const message of messages) expect(message).not.toMatch(/did you mean|"name"|"ACTIVE"/i);
    const hinted = await execute(gateway, '{ region(code: "test") { nmae } }', { token: await tokenFor({ role: "REGION_ADMIN", region: "test" }) });
    expect(hinted.errors?.[0]?.message).toMatch(/Did you mean "name"/);
    const page = await production.fetch("http://gateway.test/graphql", { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    const development = await gateway.fetch("http://gateway.test/graphql", { headers: { accept: "text/html" } });
    expect(await development.text()).toMatch(/graphiql/i);
  });

  it("answers every mutation without a token as a typed ForbiddenError", async () => {
    const response = await execute(
      gateway,
      `mutation { issueStatement(input: { organisationId: "org-E09000020-council", period: "2010-07" }) { __typename ... on Error { code } } }`,
    );
    expect(response.data).toEqual({ issueStatement: { __typename: "ForbiddenError", code: "FORBIDDEN" } });
  });
});
