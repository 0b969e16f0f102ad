import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, StatementCounter, tokenFor } from "../testing/harness.js";
import { createGateway, type Gateway } from "../yoga.js";

// Reads ahead (a page's children in the page's statement, a region's policies with its row)
// change how many statements a query sends, never what it answers: the same data, errors and
// nulls as with every child read through its own loader, for each role.

const operationsDir = fileURLToPath(new URL("../../operations/", import.meta.url));

/** Every field of the children a page reads ahead, through aliases and fragments. */
const EVERY_CHILD_FIELD = `query($region: String!, $first: Int!) {
  region(code: $region) {
    unitsPerDay
    engagements(first: $first) {
      totalCount
      edges { node {
        ...Work
        client: organisation { id code name kind homeAuthority { code } }
        leadAdviser { id code name fte fteBasisPoints employedFrom employedTo }
      } }
    }
    again: engagements(first: 3, after: null) { edges { node { ... on Engagement { deliveries { code } } } } }
  }
}
fragment Work on Engagement {
  code notes
  deliveries {
    code deliveredOn days units financialYear onSite startedAt recordedAt removedAt version notes
    adviser { code name }
  }
}`;

/** The benchmark's page (tooling/bench/src/load/operations.ts). */
const BENCH_PAGE = `query($region: String!, $first: Int!) {
  region(code: $region) {
    engagements(first: $first) {
      totalCount
      edges { node { code title strand status organisation { name kind } leadAdviser { name } deliveries { code deliveredOn days onSite } } }
    }
  }
}`;

describe.each(backends())("reads ahead on %s", (backend) => {
  let database: TestDatabase;
  let ahead: Gateway;
  let separate: Gateway;
  const counter = new StatementCounter();
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await seedLondonPilot(database.db);
    ahead = createGateway({ db: database.db, env: { NODE_ENV: "test" }, reportCache: false });
    separate = createGateway({
      db: database.db,
      env: { NODE_ENV: "test" },
      reportCache: false,
      readAhead: { pageChildren: false, regionPolicies: false },
    });
    tokens.admin = await tokenFor({ role: "REGION_ADMIN", region: "london" });
    tokens.adviser = await tokenFor({ role: "ADVISER", region: "london" });
    tokens.authority = await tokenFor({ role: "AUTHORITY", region: "london", authority: "E09000028" });
    tokens.funder = await tokenFor({ role: "FUNDER", region: "london", funder: "fnd-dfe" });
    tokens.otherRegion = await tokenFor({ role: "REGION_ADMIN", region: "west-of-scotland" });
  });
  afterAll(() => database?.close());

  const reads: [string, string, Record<string, unknown>][] = [
    ["every child field", EVERY_CHILD_FIELD, { region: "london", first: 60 }],
    ["the benchmark's page", BENCH_PAGE, { region: "london", first: 50 }],
    ["engagements-page.graphql", readFileSync(`${operationsDir}engagements-page.graphql`, "utf8"), { region: "london", first: 20, strand: ["PROJECT_SUPPORT"], year: 2010 }],
    ["funder-report.graphql", readFileSync(`${operationsDir}funder-report.graphql`, "utf8"), { region: "london", year: 2010 }],
  ];

  it.each(reads)("%s answers as without reads ahead, for every role", async (_name, query, variables) => {
    for (const token of [...Object.values(tokens), null]) {
      const expected = await execute(separate, query, { variables, token });
      const actual = await execute(ahead, query, { variables, token });
      expect(actual).toEqual(expected);
    }
    const staff = await execute(ahead, query, { variables, token: tokens.admin });
    expect(staff.errors).toBeUndefined();
  });

  it("sends the benchmark's page in two statements whatever its size, six without", async () => {
    const count = async (gateway: Gateway, first: number) => {
      counter.reset();
      const response = await execute(gateway, BENCH_PAGE, { variables: { region: "london", first }, token: tokens.admin });
      expect(response.errors).toBeUndefined();
      return counter.count;
    };
    for (const first of [1, 10, 50, 100]) {
      // The region with its policies; the page with its total and children.
      expect(await count(ahead, first), `first ${first}`).toBe(2);
      // Region, page, policies, organisations, advisers, deliveries.
      expect(await count(separate, first), `first ${first}`).toBe(6);
    }
  });
});
