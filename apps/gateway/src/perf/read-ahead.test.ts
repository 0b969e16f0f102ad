import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIVERY_FIELD_COLUMNS, deliveryColumnsFor } from "../schema/delivery.js";
import { schema } from "../schema/index.js";
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

const deliveryType = schema.getType("Delivery");
const DELIVERY_FIELDS = deliveryType instanceof GraphQLObjectType ? Object.keys(deliveryType.getFields()) : [];

/** A page showing one field of each delivery (and its scalar children, for an object field). */
const pageShowing = (field: string) => `query($region: String!) {
  region(code: $region) {
    engagements(first: 40) { edges { node { code deliveries { ${field === "adviser" ? "adviser { code name }" : field} } } } }
  }
}`;

/**
 * The same engagements by a path that does not read ahead (node) and by the page, in one
 * request, each showing other delivery fields: what the page read by column must not reach
 * the other path's deliveries, nor the other way round.
 */
const TWO_PATHS = `query($region: String!, $id: ID!) {
  node(id: $id) { ... on Engagement { code deliveries { code notes recordedAt version } } }
  region(code: $region) { engagements(first: 5) { edges { node { id code deliveries { code units } } } } }
}`;

/**
 * A response with its errors in path order: GraphQL leaves the order of errors to when each
 * field finished, and a child read ahead finishes sooner than one awaiting its loader.
 */
function inPathOrder<T extends { errors?: readonly { path?: readonly (string | number)[] }[] }>(response: T): T {
  if (!response.errors) return response;
  const key = (error: { path?: readonly (string | number)[] }) => JSON.stringify(error.path ?? []);
  return { ...response, errors: [...response.errors].sort((a, b) => key(a).localeCompare(key(b))) };
}

describe("the columns each Delivery field reads", () => {
  it("are declared for every field of Delivery", () => {
    expect(DELIVERY_FIELDS.length).toBeGreaterThan(5);
    expect(DELIVERY_FIELDS.filter((field) => DELIVERY_FIELD_COLUMNS[field] === undefined)).toEqual([]);
  });

  it("make a selection with a field not declared read whole rows", () => {
    expect(deliveryColumnsFor(new Set(["code", "days"]))).toEqual(["id", "units"]);
    expect(deliveryColumnsFor(new Set(["code", "someNewField"]))).toBe(true);
  });
});

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
      expect(inPathOrder(actual)).toEqual(inPathOrder(expected));
    }
    const staff = await execute(ahead, query, { variables, token: tokens.admin });
    expect(staff.errors).toBeUndefined();
  });

  it.each(DELIVERY_FIELDS)("the page shows a delivery's %s as it is without reads ahead", async (field) => {
    const query = pageShowing(field);
    for (const token of [tokens.admin!, tokens.authority!]) {
      const expected = await execute(separate, query, { variables: { region: "london" }, token });
      expect(inPathOrder(await execute(ahead, query, { variables: { region: "london" }, token }))).toEqual(inPathOrder(expected));
    }
    const staff = await execute(ahead, query, { variables: { region: "london" }, token: tokens.admin });
    expect(staff.errors).toBeUndefined();
  });

  it("keeps what a page read by column to the page: the same engagements by node show their own fields", async () => {
    const first = await execute(separate, `query { region(code: "london") { engagements(first: 1) { edges { node { id } } } } }`, { token: tokens.admin });
    const id = (first.data as { region: { engagements: { edges: { node: { id: string } }[] } } }).region.engagements.edges[0]!.node.id;
    const variables = { region: "london", id };
    const expected = await execute(separate, TWO_PATHS, { variables, token: tokens.admin });
    expect(expected.errors).toBeUndefined();
    const byNode = (expected.data as { node: { deliveries: { notes: unknown; recordedAt: unknown }[] } }).node.deliveries;
    expect(byNode.length).toBeGreaterThan(0);
    expect(byNode.every((d) => typeof d.recordedAt === "string")).toBe(true);
    expect(await execute(ahead, TWO_PATHS, { variables, token: tokens.admin })).toEqual(expected);
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
