import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, type GraphQLResponse, tokenFor } from "./testing/harness.js";
import { FIXTURE, insertLondonFixture } from "./testing/london-fixture.js";
import { createGateway, type Gateway } from "./yoga.js";

const globalId = (text: string) => Buffer.from(text).toString("base64url");

/** Hostile values of every kind a client can send in JSON variables. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  // Numbers: negative, zero, huge, fractional, past int32 and float precision.
  fc.constantFrom(-1, 0, -0, 0.5, 2.25, 1e-9, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  // Strings: empty, long, odd unicode, NUL, markup, injections, numbers in disguise.
  fc.constantFrom(
    "",
    " ",
    "a".repeat(10_000),
    "\u0000",
    "ok\u0000",
    "\u202e\u200b\ufeff",
    "\ud800",
    "😀".repeat(500),
    "Ω≈ç√∫",
    "'; drop table deliveries; --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00%ff",
    "-1",
    "0",
    "1e3",
    "0x10",
    "1.2345678",
    "99999999999999999999",
  ),
  fc.string({ unit: "binary", maxLength: 200 }),
  // Dates: malformed and out of range, and instants without an offset.
  fc.constantFrom(
    "2011-02-30",
    "2011-13-01",
    "0000-00-00",
    "9999-12-31",
    "10000-01-01",
    "2011-2-1",
    "2011-02-01T09:00:00",
    "2011-02-30T09:00:00Z",
    "2011-02-01T25:00:00Z",
    "1970-01-01T00:00:00Z",
  ),
  // Ids: unknown, another region's, the wrong type, malformed.
  fc.constantFrom(
    "eng-nope",
    "adv-9999",
    globalId("Engagement:manchester:eng-0001"),
    globalId(`Adviser:london:${FIXTURE.hostedAdviser}`),
    globalId("Organisation:london:org-missing"),
    "%%%not-an-id",
    "a".repeat(500),
  ),
  fc.constantFrom(null, true, false, [], {}, ["x"], { nested: { deeper: 1 } }),
);

/** A plausible input per mutation; the fuzzer replaces one field at a time with a hostile value. */
const mutations: Record<string, { type: string; base: Record<string, unknown> }> = {
  requestEngagement: {
    type: "RequestEngagementInput",
    base: {
      organisationId: FIXTURE.council,
      strand: "PROJECT_SUPPORT",
      title: "Review",
      themes: ["child protection"],
      leadAdviserId: FIXTURE.otherAdviser,
      agreedDayRatePence: 60_000,
      estimateDays: "2",
      startDate: "2010-06-07",
      endDate: "2011-03-31",
      notes: "n",
    },
  },
  decideEngagement: { type: "DecideEngagementInput", base: { engagementId: "eng-0001", to: "DECLINED", reason: "r", expectedVersion: 1, earliestWeek: "2010-06-07" } },
  bookAdviser: { type: "BookAdviserInput", base: { engagementId: "eng-0001", adviserId: FIXTURE.otherAdviser, weekStart: "2010-06-07", days: "1", status: "CONFIRMED" } },
  recordDelivery: {
    type: "RecordDeliveryInput",
    base: { engagementId: "eng-0001", adviserId: FIXTURE.otherAdviser, date: "2010-06-08", days: "1", notes: "n", onSiteAt: "2010-06-08T09:00:00Z" },
  },
  correctDelivery: {
    type: "CorrectDeliveryInput",
    base: { deliveryId: "del-0001", reason: "typo", days: "1", date: "2010-06-08", notes: "n", onSiteAt: "2010-06-08T09:00:00Z", remove: false, expectedVersion: 1 },
  },
  issueStatement: { type: "IssueStatementInput", base: { organisationId: FIXTURE.council, period: "2010-06" } },
  recordOutcomeMeasurement: { type: "RecordOutcomeMeasurementInput", base: { outcomeId: "out-0001", measuredOn: "2010-06-08", value: 3, note: "n" } },
};

/** Every query argument, with the rest of the arguments valid. */
const queries: Record<string, { query: string; base: Record<string, unknown> }> = {
  region: { query: "query($code: String!) { region(code: $code) { code name } }", base: { code: "london" } },
  engagements: {
    query: `query($code: String!, $theme: String, $first: Int, $after: String, $year: Int, $authority: String) {
      region(code: $code) { engagements(theme: $theme, first: $first, after: $after, year: $year, authority: $authority) { totalCount edges { node { code } } } } }`,
    base: { code: "london", theme: "child protection", first: 5, year: 2010, authority: FIXTURE.southwark },
  },
  node: { query: "query($id: ID!) { node(id: $id) { __typename id } }", base: { id: globalId("Engagement:london:eng-0001") } },
  fundingReport: { query: "query($region: String!, $year: Int!) { fundingReport(region: $region, year: $year) { year } }", base: { region: "london", year: 2010 } },
  quotaStatement: {
    query: "query($region: String!, $holder: String!, $year: Int!) { quotaStatement(region: $region, holder: $holder, year: $year) { year } }",
    base: { region: "london", holder: FIXTURE.southwark, year: 2010 },
  },
  capacityForecast: {
    query: "query($region: String!, $from: Date!, $weeks: Int!) { capacityForecast(region: $region, from: $from, weeks: $weeks) { weekStart } }",
    base: { region: "london", from: "2010-06-07", weeks: 2 },
  },
  demandAndCapacity: {
    query: "query($region: String!, $from: Date!, $weeks: Int!) { demandAndCapacity(region: $region, from: $from, weeks: $weeks) { demandDays } }",
    base: { region: "london", from: "2010-06-07", weeks: 2 },
  },
  benchmark: {
    query: "query($region: String!, $year: Int!, $measure: BenchmarkMeasure!) { benchmark(region: $region, year: $year, measure: $measure) { year } }",
    base: { region: "london", year: 2010, measure: "REFERRALS" },
  },
};

const errorSelection = "__typename ... on Error { code message } ... on ValidationError { field issues { field } } ... on NotFoundError { entity }";

interface Seen {
  readonly code: unknown;
  readonly field: unknown;
  readonly message: string;
}

/** Every error a response carries: top-level, and a mutation's union member. */
function errorsOf(response: GraphQLResponse<Record<string, unknown>>): Seen[] {
  const top = (response.errors ?? []).map((error) => ({ code: error.extensions?.code, field: error.extensions?.field, message: error.message }));
  const member = Object.values(response.data ?? {}).filter(
    (value): value is { __typename: string; code: unknown; field?: unknown; message: string } =>
      typeof value === "object" && value !== null && String((value as { __typename?: unknown }).__typename).endsWith("Error"),
  );
  return [...top, ...member.map((value) => ({ code: value.code, field: value.field, message: value.message }))];
}

describe.each(backends())("hostile values on every mutation input and query argument, on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  let admin: string;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await insertLondonFixture(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" }, clock: { now: () => Date.parse("2010-06-01T09:00:00Z") } });
    admin = await tokenFor({ role: "REGION_ADMIN", region: "london" });
  });
  afterAll(() => database?.close());

  /** Rows of every table a write touches, in one statement. */
  const rowCounts = async () =>
    (
      await sql<{ n: string }>`select (select count(*) from audit_log) + (select count(*) from engagements) + (select count(*) from deliveries)
        + (select count(*) from bookings) + (select count(*) from outcome_measurements) + (select count(*) from statements) as n`.execute(database.db)
    ).rows[0]?.n;

  const check = async (query: string, variables: Record<string, unknown>, argument: string) => {
    const before = await rowCounts();
    const response = await execute<Record<string, unknown>>(gateway, query, { variables, token: admin });
    const context = `${argument} = ${JSON.stringify(variables).slice(0, 300)} -> ${JSON.stringify(response).slice(0, 500)}`;
    expect(response.status, context).toBeLessThan(500);
    const errors = errorsOf(response);
    for (const error of errors) {
      expect(error.code, context).not.toBe("INTERNAL_SERVER_ERROR");
      expect(error.message, context).not.toMatch(/^Unexpected error|\.ts:\d+|node_modules|\bat async\b|duplicate key|violates|syntax error at/);
      if (error.code === "VALIDATION") expect(typeof error.field === "string" && error.field.length > 0, context).toBe(true);
    }
    if (errors.length > 0) expect(await rowCounts(), context).toBe(before);
  };

  it("mutations: no 5xx, no unmasked error, a ValidationError names its field, nothing written on an error", async () => {
    const cases = fc.tuple(fc.constantFrom(...Object.keys(mutations)), fc.nat(), hostile);
    await fc.assert(
      fc.asyncProperty(cases, async ([name, pick, value]) => {
        const { type, base } = mutations[name]!;
        const fields = Object.keys(base);
        const field = fields[pick % fields.length]!;
        const query = `mutation($input: ${type}!) { result: ${name}(input: $input) { ${errorSelection} } }`;
        await check(query, { input: { ...base, [field]: value } }, `${name}.input.${field}`);
      }),
      { numRuns: 150 },
    );
  });

  it("queries: no 5xx, no unmasked error, a refused value names its argument", async () => {
    const cases = fc.tuple(fc.constantFrom(...Object.keys(queries)), fc.nat(), hostile);
    await fc.assert(
      fc.asyncProperty(cases, async ([name, pick, value]) => {
        const { query, base } = queries[name]!;
        const args = Object.keys(base);
        const argument = args[pick % args.length]!;
        await check(query, { ...base, [argument]: value }, `${name}.${argument}`);
      }),
      { numRuns: 150 },
    );
  });

  it("12 hostile values on region.engagements(theme:) and node(id:) reach no internal error", async () => {
    const values = ["", "\u0000", "a".repeat(10_000), "😀", "\ud800", "%", "_", "'", "\\", "*", "[", "'; select pg_sleep(1); --"];
    expect(values).toHaveLength(12);
    for (const value of values) {
      await check(queries.engagements!.query, { ...queries.engagements!.base, theme: value }, "theme");
      await check(queries.node!.query, { id: value }, "id");
    }
  });
});
