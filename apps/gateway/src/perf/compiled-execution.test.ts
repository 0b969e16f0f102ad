import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import type { DefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, tokenFor } from "../testing/harness.js";
import { createGateway, type Gateway } from "../yoga.js";

// graphql-jit replaces the executor, so every read must answer exactly what graphql-js
// answers: same data, same errors, same nulls, for each role.

const operationsDir = fileURLToPath(new URL("../../operations/", import.meta.url));

const READS: readonly [file: string, variables: Record<string, unknown>][] = [
  ["funder-report", { region: "london", year: 2010 }],
  ["borough-quota", { region: "london", holder: "E09000028", year: 2010 }],
  ["next-quarter-capacity", { region: "london", from: "2011-01-05" }],
  ["benchmark", { region: "london", year: 2010, measure: "CP_PLANS_AT_YEAR_END" }],
  ["engagements-page", { region: "london", first: 50 }],
  ["engagements-page", { region: "london", first: 20, strand: ["PROJECT_SUPPORT"], year: 2010 }],
];

describe.each(backends())("compiled execution on %s", (backend) => {
  let database: TestDatabase;
  let compiled: Gateway;
  let interpreted: Gateway;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await seedLondonPilot(database.db);
    compiled = createGateway({ db: database.db, env: { NODE_ENV: "test" } });
    interpreted = createGateway({ db: database.db, env: { NODE_ENV: "test" }, compiledExecution: false });
    tokens.admin = await tokenFor({ role: "REGION_ADMIN", region: "london" });
    tokens.authority = await tokenFor({ role: "AUTHORITY", region: "london", authority: "E09000028" });
    tokens.funder = await tokenFor({ role: "FUNDER", region: "london", funder: "fnd-dfe" });
    tokens.otherRegion = await tokenFor({ role: "REGION_ADMIN", region: "west-of-scotland" });
  });
  afterAll(() => database?.close());

  it.each(READS)("%s answers as graphql-js does, for every role (%j)", async (file, variables) => {
    const query = readFileSync(`${operationsDir}${file}.graphql`, "utf8");
    for (const token of [...Object.values(tokens), null]) {
      // Twice: the second request runs the cached compiled function.
      for (let i = 0; i < 2; i++) {
        const expected = await execute(interpreted, query, { variables, token });
        const actual = await execute(compiled, query, { variables, token });
        expect(actual).toEqual(expected);
      }
    }
  });

  it("compiles queries and leaves mutations to graphql-js", async () => {
    // A plugin after the gateway's own sees the executor chosen for each operation.
    const seen: { operation: string; executeFn: unknown }[] = [];
    const spy: Plugin = {
      onExecute({ args, executeFn }) {
        const definitions: readonly DefinitionNode[] = args.document.definitions;
        const operation = definitions.find((d) => d.kind === "OperationDefinition");
        seen.push({ operation: operation && "operation" in operation ? operation.operation : "?", executeFn });
      },
    };
    const withSpy = (compiledExecution: boolean) =>
      createGateway({ db: database.db, env: { NODE_ENV: "test" }, compiledExecution, plugins: [spy] });
    const mutation = `mutation { recordDelivery(input: { engagementId: "none", adviserId: "none", date: "2010-05-03", days: "1" }) { __typename } }`;
    for (const gateway of [withSpy(false), withSpy(true)]) {
      await execute(gateway, "{ viewer { role } }", { token: tokens.admin });
      await execute(gateway, mutation, { token: tokens.admin });
    }
    const [plainQuery, plainMutation, jitQuery, jitMutation] = seen;
    expect(seen.map((s) => s.operation)).toEqual(["query", "mutation", "query", "mutation"]);
    expect(plainQuery!.executeFn).toBe(plainMutation!.executeFn);
    expect(jitMutation!.executeFn).toBe(plainMutation!.executeFn);
    expect(jitQuery!.executeFn).not.toBe(plainQuery!.executeFn);
  });

  it("answers a node lookup, aliases, fragments and a typename the same way", async () => {
    const query = `query($region: String!) {
      region(code: $region) {
        __typename code
        a: engagements(first: 3) { edges { node { ...E } } }
        b: engagements(first: 2, strand: [RAPID_RESPONSE]) { totalCount edges { cursor node { id ...E } } }
      }
    }
    fragment E on Engagement { code status leadAdviser { name } organisation { name } }`;
    const expected = await execute(interpreted, query, { variables: { region: "london" }, token: tokens.admin });
    expect(expected.errors).toBeUndefined();
    expect(await execute(compiled, query, { variables: { region: "london" }, token: tokens.admin })).toEqual(expected);
    const edges = (expected.data as { region: { b: { edges: { node: { id: string } }[] } } }).region.b.edges;
    const node = `query($id: ID!) { node(id: $id) { __typename id ... on Engagement { code } } }`;
    const lookup = { variables: { id: edges[0]!.node.id }, token: tokens.admin };
    expect(await execute(compiled, node, lookup)).toEqual(await execute(interpreted, node, lookup));
  });
});
