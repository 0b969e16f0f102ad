import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, type JsonData, StatementCounter, tokenFor } from "./testing/harness.js";
import { createGateway, type Gateway } from "./yoga.js";

// London runs on without writing code: its administrator adds an adviser employed from 2026 and
// records their 2026 leave through the gateway, and a request made now is no longer waitlisted
// for want of an employed adviser (the pilot's three were employed to March 2012).

const NOW = Date.parse("2026-12-03T09:00:00Z");
const REQUEST = `mutation($input: RequestEngagementInput!) { requestEngagement(input: $input) { __typename
  ... on RequestEngagementPayload { waitlisted engagement { status } }
  ... on Error { code message } } }`;
const request = {
  organisationId: "org-E09000028-council",
  strand: "PROJECT_SUPPORT",
  title: "Court delay review",
  estimateDays: "2",
  startDate: "2026-12-07",
  endDate: "2027-01-29",
};

describe.each(backends())("administering London through the gateway on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  let admin: string;
  let adviserToken: string;
  const counter = new StatementCounter();

  const run = async (query: string, variables: Record<string, unknown>, token = admin) => {
    counter.reset();
    const response = await execute<JsonData>(gateway, query, { variables, token });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data as JsonData;
  };

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await seedLondonPilot(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" }, clock: { now: () => NOW } });
    admin = await tokenFor({ role: "REGION_ADMIN", region: "london" });
    adviserToken = await tokenFor({ role: "ADVISER", region: "london" });
  });
  afterAll(() => database?.close());

  it("adds an adviser employed from 2026 with 2026 leave, and a request now is no longer waitlisted", async () => {
    const before = await run(REQUEST, { input: request });
    expect(before.requestEngagement).toMatchObject({ __typename: "RequestEngagementPayload", waitlisted: true, engagement: { status: "WAITLISTED" } });

    const hired = await run(
      `mutation($input: SaveAdviserInput!) { saveAdviser(input: $input) { __typename
        ... on SaveAdviserPayload { created adviser { code fte employedFrom employedTo } } } }`,
      { input: { id: "adv-4", name: "Robin Hale", fte: "0.8", employedFrom: "2026-04-01" } },
    );
    expect(hired.saveAdviser).toEqual({
      __typename: "SaveAdviserPayload",
      created: true,
      adviser: { code: "adv-4", fte: "0.8", employedFrom: "2026-04-01", employedTo: null },
    });
    // The payload is the row written: one transaction of the write's own statements, then nothing.
    expect(counter.sql.slice(counter.sql.lastIndexOf("commit") + 1)).toEqual([]);

    const leave = await run(
      `mutation($input: SaveAdviserLeaveInput!) { saveAdviserLeave(input: $input) { __typename
        ... on SaveAdviserLeavePayload { adviser { code } leave { date days } } } }`,
      { input: { adviserId: "adv-4", startDate: "2026-12-21", endDate: "2026-12-24", days: "1", reason: "Christmas" } },
    );
    expect(leave.saveAdviserLeave).toEqual({
      __typename: "SaveAdviserLeavePayload",
      adviser: { code: "adv-4" },
      leave: ["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24"].map((date) => ({ date, days: "1" })),
    });

    const after = await run(REQUEST, { input: request });
    expect(after.requestEngagement).toMatchObject({ __typename: "RequestEngagementPayload", waitlisted: false, engagement: { status: "REQUESTED" } });

    // The forecast takes the leave: 0.8 FTE of a four-day leave week leaves nothing.
    const forecast = await run(
      `query { capacityForecast(region: "london", from: "2026-12-14", weeks: 2) { adviser { code } weekStart availableDays } }`,
      {},
      adviserToken,
    );
    const weeks = (forecast.capacityForecast as { adviser: { code: string }; weekStart: string; availableDays: string }[]).filter((w) => w.adviser.code === "adv-4");
    expect(weeks.map((w) => [w.weekStart, w.availableDays])).toEqual([
      ["2026-12-14", "4"],
      ["2026-12-21", "0"],
    ]);
  });

  it("names the refused field under input and writes nothing", async () => {
    const audit = async () => Number((await database.db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await audit();
    const refused = await run(
      `mutation($input: SaveAdviserInput!) { saveAdviser(input: $input) { __typename ... on ValidationError { field code } } }`,
      { input: { id: "adv-5", name: "Too much", fte: "1.5", employedFrom: "2026-04-01" } },
    );
    expect(refused.saveAdviser).toEqual({ __typename: "ValidationError", field: "input.fte", code: "VALIDATION" });
    const share = await run(
      `mutation($input: SaveHostArrangementInput!) { saveHostArrangement(input: $input) { __typename ... on ValidationError { field } } }`,
      { input: { id: "host-x", adviserId: "adv-1", authorityId: "E09000028", startDate: "2010-04-01", endDate: "2012-03-31", salaryShare: "1.01", commitmentDaysPerWeek: "1" } },
    );
    expect(share.saveHostArrangement).toEqual({ __typename: "ValidationError", field: "input.salaryShare" });
    const unknown = await run(
      `mutation($input: SaveFunderContributionInput!) { saveFunderContribution(input: $input) { __typename ... on NotFoundError { field } } }`,
      { input: { funderId: "fnd-nope", year: 2026, amountPence: 100 } },
    );
    expect(unknown.saveFunderContribution).toEqual({ __typename: "NotFoundError", field: "input.funderId" });
    expect(await audit()).toBe(before);
  });

  it("costs a fixed number of statements per save, and a negotiated rate re-prices its year in the same write", async () => {
    const rate = `mutation($input: SaveOrganisationRateInput!) { saveOrganisationRate(input: $input) { __typename
      ... on SaveOrganisationRatePayload { year dayRate { pence } reallocatedDeliveries } } }`;
    const delivered = await database.db
      .selectFrom("deliveries as d")
      .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
      .select(["e.organisation_id", "d.financial_year"])
      .where("e.strand", "=", "PROJECT_SUPPORT")
      .where("e.agreed_rate_pence", "is", null)
      .where("d.charge_pence", ">", 0)
      .orderBy("d.id")
      .executeTakeFirstOrThrow();
    const charges = () =>
      database.db
        .selectFrom("deliveries as d")
        .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
        .select((eb) => eb.fn.sum<number>("d.charge_pence").as("pence"))
        .where("e.organisation_id", "=", delivered.organisation_id)
        .where("d.financial_year", "=", delivered.financial_year)
        .where("e.agreed_rate_pence", "is", null)
        .executeTakeFirstOrThrow();
    const chargedBefore = Number((await charges()).pence);
    const saved = await run(rate, { input: { organisationId: delivered.organisation_id, year: delivered.financial_year, dayRatePence: 99_900 } });
    // begin, policies, organisation, lock, the rate read and written, the holder-year's
    // organisations and deliveries, the changed rows stored in one update, the audit row, commit.
    expect(counter.count).toBe(11);
    expect(saved.saveOrganisationRate).toMatchObject({ __typename: "SaveOrganisationRatePayload", dayRate: { pence: 99_900 } });
    expect((saved.saveOrganisationRate as { reallocatedDeliveries: number }).reallocatedDeliveries).toBeGreaterThan(0);
    expect(Number((await charges()).pence)).toBeGreaterThan(chargedBefore);

    await run(`mutation { saveFunder(input: { id: "fnd-trust", name: "A trust" }) { __typename } }`, {});
    // begin, the funder read and written, audit, commit.
    expect(counter.count).toBe(5);
    await run(
      `mutation($input: SaveAdviserInput!) { saveAdviser(input: $input) { __typename } }`,
      { input: { id: "adv-1", name: "Alex Morgan", fte: "1", employedFrom: "2010-04-01", employedTo: "2012-03-31" } },
    );
    // begin, recorded work, the adviser read and written, audit, commit.
    expect(counter.count).toBe(6);
  });

  it("creates an outcome indicator as an adviser and shows whether a measurement meets its target", async () => {
    const created = await run(
      `mutation($input: CreateOutcomeIndicatorInput!) { createOutcomeIndicator(input: $input) { __typename
        ... on CreateOutcomeIndicatorPayload { outcome { code target periodEnd targetMet assessment } } } }`,
      {
        input: {
          code: "out-2026-care",
          engagementId: "eng-0001",
          indicator: "Children entering care per quarter",
          unit: "children",
          goodDirection: "LOWER",
          baseline: 40,
          baselineOn: "2026-06-30",
          target: 30,
          periodEnd: "2027-03-31",
        },
      },
      adviserToken,
    );
    expect(created.createOutcomeIndicator).toEqual({
      __typename: "CreateOutcomeIndicatorPayload",
      outcome: { code: "out-2026-care", target: "30", periodEnd: "2027-03-31", targetMet: null, assessment: null },
    });
    await run(
      `mutation { recordOutcomeMeasurement(input: { outcomeId: "out-2026-care", measuredOn: "2026-09-30", value: 29 }) { __typename } }`,
      {},
      adviserToken,
    );
    const id = Buffer.from("Outcome:london:out-2026-care").toString("base64url");
    const read = await run(`query($id: ID!) { node(id: $id) { ... on Outcome { assessment targetMet measurements { value assessment targetMet } } } }`, { id });
    expect(read.node).toEqual({ assessment: "IMPROVED", targetMet: true, measurements: [{ value: "29", assessment: "IMPROVED", targetMet: true }] });
  });
});
