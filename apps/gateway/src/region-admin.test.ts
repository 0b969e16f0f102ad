import { readFileSync } from "node:fs";
import { regionPolicyInputOf } from "@adviser-hub/domain";
import { londonPilotPolicy } from "@adviser-hub/london-pilot";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, type JsonData, StatementCounter, tokenFor } from "./testing/harness.js";
import { insertLondonFixture } from "./testing/london-fixture.js";
import { createGateway, type Gateway } from "./yoga.js";

// Running a region without writing code, through the public API: the operator opens a region,
// a region's admin changes its policy and imports its bank holidays, and both read who changed
// what.

// A policy that knows the pilot years' holidays only, as a region starts before importing.
const pilotYearsPolicy = { ...londonPilotPolicy, bankHolidays: londonPilotPolicy.bankHolidays.filter((h) => h.date < "2013-01-01") };
// The policy as a region writes it: in days (the GraphQL input is the domain's policy document).
const { code: _code, name: _name, ...POLICY } = regionPolicyInputOf(pilotYearsPolicy);
const shippedHolidays = readFileSync(new URL("../../../packages/domain/data/bank-holidays-england-and-wales-2010-2030.json", import.meta.url), "utf8");
const refusals = "... on Error { __typename code message } ... on ValidationError { field issues { field message } }";
const errors = `${refusals} ... on NotFoundError { entity missing: field }`;

describe.each(backends())("region administration through the gateway on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  const counter = new StatementCounter();
  const tokens: Record<string, string> = {};

  const run = async (query: string, variables: Record<string, unknown>, token: string | null) => {
    counter.reset();
    return execute<JsonData>(gateway, query, { variables, token });
  };
  const data = async (query: string, variables: Record<string, unknown>, token: string | null) => {
    const response = await run(query, variables, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data as JsonData;
  };
  const createRegion = (input: Record<string, unknown>, token = tokens.operator!) =>
    data(
      `mutation($input: CreateRegionInput!) { createRegion(input: $input) { __typename
        ... on CreateRegionPayload { regionCode: code name fromFinancialYear policy } ${refusals} } }`,
      { input },
      token,
    ).then((d) => d.createRegion);
  const setPolicy = (input: Record<string, unknown>, token = tokens.admin!) =>
    data(
      `mutation($input: SetRegionPolicyInput!) { setRegionPolicy(input: $input) { __typename
        ... on SetRegionPolicyPayload { region fromFinancialYear replaced reallocatedYears { year changedDeliveries } } ${errors} } }`,
      { input },
      token,
    ).then((d) => d.setRegionPolicy);
  const christmasWeek = async () =>
    (
      await data(`{ capacityForecast(region: "london", from: "2026-12-21", weeks: 1) { adviser { code } availableDays bookableDays } }`, {}, tokens.admin!)
    ).capacityForecast as { adviser: { code: string }; availableDays: string; bookableDays: string }[];

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await insertLondonFixture(database.db);
    // Advisers still employed in 2026, for a capacity week then.
    await database.db.updateTable("advisers").set({ employed_to: null }).execute();
    await database.db.updateTable("host_arrangements").set({ ends_on: "2030-03-31" }).execute();
    await database.db
      .updateTable("region_policies")
      .set({ policy: JSON.stringify(pilotYearsPolicy) })
      .where("region_code", "=", "london")
      .execute();
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" } });
    tokens.operator = await tokenFor({ role: "SERVICE_ADMIN", region: "*" });
    tokens.admin = await tokenFor({ role: "REGION_ADMIN", region: "london" });
    tokens.adviser = await tokenFor({ role: "ADVISER", region: "london" });
    tokens.northEast = await tokenFor({ role: "REGION_ADMIN", region: "north-east" });
  });
  afterAll(() => database?.close());

  it("a SERVICE_ADMIN token is tied to no region and sees no region's data", async () => {
    expect((await data(`{ viewer { role region } }`, {}, tokens.operator!)).viewer).toEqual({ role: "SERVICE_ADMIN", region: null });
    const london = await run(`{ region(code: "london") { code } }`, {}, tokens.operator!);
    expect(london.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("the operator opens a region whose admin then reads it; a bad policy is refused by its domain paths", async () => {
    const created = await createRegion({ code: "north-east", name: "North East", policy: POLICY });
    expect(created).toMatchObject({ __typename: "CreateRegionPayload", regionCode: "north-east", name: "North East", fromFinancialYear: 1900 });
    expect(created.policy).toMatchObject({ code: "north-east", name: "North East", unitsPerDay: 2 });
    expect((await data(`{ region(code: "north-east") { code name unitsPerDay } }`, {}, tokens.northEast!)).region).toEqual({
      code: "north-east",
      name: "North East",
      unitsPerDay: 2,
    });

    const bad = {
      ...POLICY,
      strands: { ...POLICY.strands, HOST_SUPPORT: { ...POLICY.strands.HOST_SUPPORT, consumesQuota: true } },
      bankHolidays: [...POLICY.bankHolidays.slice(0, 3), { date: "2010-02-30", name: "No such day" }],
    };
    const refused = await createRegion({ code: "south-west", name: "South West", policy: bad });
    expect(refused).toMatchObject({ __typename: "ValidationError", code: "VALIDATION" });
    expect(refused.issues.map((i: { field: string }) => i.field).sort()).toEqual(["input.policy.bankHolidays[3].date", "input.policy.strands.HOST_SUPPORT.consumesQuota"]);
    expect(await createRegion({ code: "south-west", name: "South West", policy: POLICY }, tokens.admin!)).toMatchObject({ __typename: "ForbiddenError" });
    expect(await database.db.selectFrom("regions").select("region_code").where("region_code", "=", "south-west").execute()).toEqual([]);
  });

  it("a region's admin adds a policy version; another region's admin and an adviser may not", async () => {
    expect(await setPolicy({ region: "london", fromFinancialYear: 2011, policy: { ...POLICY, freeDaysPerYear: { defaultDays: "5" } } })).toEqual({
      __typename: "SetRegionPolicyPayload",
      region: "london",
      fromFinancialYear: 2011,
      replaced: false,
      reallocatedYears: [],
    });
    expect(await setPolicy({ region: "london", fromFinancialYear: 2011, policy: POLICY }, tokens.northEast!)).toMatchObject({ __typename: "ForbiddenError" });
    expect(await setPolicy({ region: "london", fromFinancialYear: 2011, policy: POLICY }, tokens.adviser!)).toMatchObject({ __typename: "ForbiddenError" });
    expect(await setPolicy({ region: "atlantis", fromFinancialYear: 2011, policy: POLICY }, tokens.operator!)).toMatchObject({ __typename: "NotFoundError", missing: "input.region" });
    expect(await setPolicy({ region: "london", fromFinancialYear: 2011, policy: { ...POLICY, unitsPerDay: 3 } })).toMatchObject({
      __typename: "ValidationError",
      field: "input.policy.unitsPerDay",
    });
  });

  it("importing the shipped GOV.UK holidays leaves a 2026 week with Christmas fewer bookable days", async () => {
    const before = await christmasWeek();
    const imported = await data(
      `mutation($input: ImportBankHolidaysInput!) { importBankHolidays(input: $input) { __typename
        ... on ImportBankHolidaysPayload { division importedHolidays fromFinancialYear replaced } ${errors} } }`,
      { input: { region: "london", division: "england-and-wales", json: shippedHolidays, fromFinancialYear: 2026 } },
      tokens.admin!,
    );
    expect(imported.importBankHolidays).toEqual({
      __typename: "ImportBankHolidaysPayload",
      division: "england-and-wales",
      importedHolidays: 173,
      fromFinancialYear: 2026,
      replaced: false,
    });
    const after = await christmasWeek();
    expect(after.map((w) => w.adviser.code)).toEqual(before.map((w) => w.adviser.code));
    for (const [i, week] of after.entries()) {
      expect(Number(week.availableDays)).toBe(Number(before[i]!.availableDays) - 1);
      expect(Number(week.bookableDays)).toBeLessThan(Number(before[i]!.bookableDays));
    }
    const broken = await data(
      `mutation($input: ImportBankHolidaysInput!) { importBankHolidays(input: $input) { __typename ${errors} } }`,
      { input: { region: "london", division: "england-and-wales", json: shippedHolidays.replace("2010-05-03", "2010-05-32") } },
      tokens.admin!,
    );
    expect(broken.importBankHolidays).toMatchObject({ __typename: "ValidationError", field: "input.json.england-and-wales.events[3].date" });
  });

  it("auditLog pages newest first in one statement per page, for the region's admin and the operator", async () => {
    const query = `query($first: Int, $after: String, $entity: String) {
      auditLog(region: "london", first: $first, after: $after, entity: $entity) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { at actor action entity entityId before after } } } }`;
    const first = await data(query, { first: 1 }, tokens.admin!);
    const oneRow = counter.count;
    expect(first.auditLog.totalCount).toBe(2);
    expect(first.auditLog.edges.map((e: JsonData) => [e.node.action, e.node.actor, e.node.entityId])).toEqual([
      ["importBankHolidays", "region_admin:london:staff", "london/2026"],
    ]);
    expect(first.auditLog.edges[0].node.after.policy.bankHolidays).toHaveLength(173);
    const rest = await data(query, { first: 50, after: first.auditLog.pageInfo.endCursor }, tokens.operator!);
    expect(counter.count).toBe(oneRow);
    expect(oneRow).toBe(1);
    expect(rest.auditLog).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect(rest.auditLog.edges.map((e: JsonData) => [e.node.action, e.node.before])).toEqual([["setRegionPolicy", null]]);
    const filtered = await data(query, { first: 5, entity: "delivery" }, tokens.admin!);
    expect(filtered.auditLog).toMatchObject({ totalCount: 0, edges: [] });
    for (const token of [tokens.adviser!, tokens.northEast!, null]) {
      const refused = await run(query, { first: 1 }, token);
      expect(refused.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    }
  });
});
