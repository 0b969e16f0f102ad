import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JsonData, StatementCounter, execute, executeMultipart, tokenFor } from "./testing/harness.js";
import { createGateway, type Gateway } from "./yoga.js";

// The North East onboards itself without code: its folder goes up as one GraphQL multipart
// request, a few months of its work go in through the public mutations (operations.json),
// and DOMAIN.md's worked examples, re-stated for its policy (8 free days, quarter days, 500.00
// a day, area pooling), read back through the gateway, beside the seeded London pilot.

const folder = fileURLToPath(new URL("../../../examples/regions/north-east/", import.meta.url));
const exampleFiles = (): Record<string, string> =>
  Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith(".csv") || f === "policy.json").map((f) => [f, readFileSync(folder + f, "utf8")]));
const operations = JSON.parse(readFileSync(`${folder}operations.json`, "utf8")) as {
  steps: { step: string; as: string; query: string; variables: Record<string, unknown>; capture?: Record<string, string> }[];
};

const IMPORT = `mutation($files: [File!]!, $dryRun: Boolean) { importRegion(files: $files, dryRun: $dryRun) { __typename
  ... on ImportRegionPayload { region dryRun changes files { file created updated unchanged } }
  ... on ImportRejectedError { code message issues { file row column message } }
  ... on ForbiddenError { code message } } }`;

async function upload(gateway: Gateway, token: string, files: Record<string, string>, dryRun = false): Promise<JsonData> {
  const body = await executeMultipart<JsonData>(gateway, IMPORT, { variables: { dryRun }, fileVariable: "files", files, token });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data.importRegion;
}

describe.each(backends())("the North East imported and run through the gateway on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  const counter = new StatementCounter();
  const tokens: Record<string, string> = {};
  const codes: Record<string, string> = {};

  const run = async (query: string, variables: Record<string, unknown> = {}, token = tokens.REGION_ADMIN!): Promise<JsonData> => {
    const response = await execute(gateway, query, { variables, token });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data;
  };
  const count = async (table: "audit_log" | "advisers" | "deliveries" | "regions") =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).where("region_code", "=", "north-east").executeTakeFirstOrThrow()).n);
  const quota = (holder: string, year: number) =>
    run(
      `query($holder: String!, $year: Int!) { quotaStatement(region: "north-east", holder: $holder, year: $year) {
        allowanceDays usedFreeDays remainingFreeDays chargeableDays charges { pence formatted } } }`,
      { holder, year },
    ).then((data) => data.quotaStatement);
  const record = (engagementId: string, date: string, days: string) =>
    run(
      `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { __typename
        ... on RecordDeliveryPayload { delivery { financialYear } allocation { financialYear freeDays chargeableDays charge { pence } } } ... on Error { code message } } }`,
      { input: { engagementId, adviserId: "adv-ne-1", date, days } },
    ).then((data) => data.recordDelivery);
  const issue = (period: string) =>
    run(
      `mutation($input: IssueStatementInput!) { issueStatement(input: $input) { __typename
        ... on IssueStatementPayload { statement { period total { pence } adjustments { period billed { pence } recomputed { pence } amount { pence formatted } } } }
        ... on Error { code message } } }`,
      { input: { organisationId: "org-E08000021-council", period } },
    ).then((data) => data.issueStatement);

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await seedLondonPilot(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" }, clock: { now: () => Date.parse("2014-04-07T09:00:00Z") } });
    tokens.SERVICE_ADMIN = await tokenFor({ role: "SERVICE_ADMIN", region: "*" });
    for (const role of ["REGION_ADMIN", "ADVISER"] as const) tokens[role] = await tokenFor({ role, region: "north-east" });
    tokens.LONDON_ADMIN = await tokenFor({ role: "REGION_ADMIN", region: "london" });
  }, 240_000);
  afterAll(() => database?.close());

  it("a London admin may not import the North East; the operator opens it from its folder in one multipart request", async () => {
    expect(await upload(gateway, tokens.LONDON_ADMIN!, exampleFiles())).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    expect(await count("regions")).toBe(0);
    const dry = await upload(gateway, tokens.SERVICE_ADMIN!, exampleFiles(), true);
    expect(dry).toMatchObject({ __typename: "ImportRegionPayload", dryRun: true, changes: 56 });
    expect(await count("regions")).toBe(0);
    const imported = await upload(gateway, tokens.SERVICE_ADMIN!, exampleFiles());
    expect(imported).toMatchObject({ __typename: "ImportRegionPayload", region: "north-east", dryRun: false, changes: 56 });
    expect(imported.files.find((f: { file: string }) => f.file === "authorities.csv")).toEqual({ file: "authorities.csv", created: 12, updated: 0, unchanged: 0 });
    const region = await run(`{ region(code: "north-east") { name unitsPerDay authorities(first: 20) { totalCount } advisers { code } funders { code } } }`);
    expect(region.region).toMatchObject({ name: "North East", authorities: { totalCount: 12 }, advisers: [{ code: "adv-ne-1" }, { code: "adv-ne-2" }] });
  });

  it("the same files again change nothing and write no audit row, in statements that do not grow with the rows", async () => {
    const audit = await count("audit_log");
    counter.reset();
    const again = await upload(gateway, tokens.REGION_ADMIN!, exampleFiles());
    expect(again).toMatchObject({ __typename: "ImportRegionPayload", changes: 0 });
    expect(again.files.every((f: { created: number; updated: number }) => f.created + f.updated === 0)).toBe(true);
    expect(await count("audit_log")).toBe(audit);
    // begin, region, policy versions, nine snapshot reads, commit: no statement per unchanged row.
    expect(counter.count).toBe(14);
  });

  it("a file with bad rows is refused whole, every issue listed by file, row and column, nothing written", async () => {
    const files = exampleFiles();
    files["advisers.csv"] = files["advisers.csv"]!.replace("adv-ne-2,Graham Robson,0.8", "adv-ne-2,Graham Robson,1.4").replace("Helen Armstrong", "Helen Armstrong-Reid");
    files["rates.csv"] += "org-E06000005-council,2014,0\n";
    const audit = await count("audit_log");
    const refused = await upload(gateway, tokens.REGION_ADMIN!, files);
    expect(refused).toMatchObject({ __typename: "ImportRejectedError", code: "IMPORT_REJECTED" });
    expect(refused.issues).toEqual([
      { file: "rates.csv", row: 4, column: "day_rate_pence", message: expect.any(String) },
      { file: "advisers.csv", row: 3, column: "fte", message: "must be above 0 and at most 1" },
    ]);
    // The good change in the same file (adv-ne-1's name) was not written either.
    const names = await database.db.selectFrom("advisers").select("name").where("region_code", "=", "north-east").orderBy("id").execute();
    expect(names.map((r) => r.name)).toEqual(["Helen Armstrong", "Graham Robson"]);
    expect(await count("audit_log")).toBe(audit);
  });

  it("a few months of work go in through the public mutations, as operations.json gives them", async () => {
    for (const step of operations.steps) {
      const variables = JSON.parse(JSON.stringify(step.variables).replace(/\{\{(\w+)\}\}/g, (_m, name: string) => codes[name]!)) as Record<string, unknown>;
      const data = await run(step.query, variables, tokens[step.as]);
      const result = Object.values(data)[0] as { __typename: string };
      expect(result.__typename, `${step.step}: ${JSON.stringify(result)}`).toMatch(/Payload$/);
      for (const [name, path] of Object.entries(step.capture ?? {}))
        codes[name] = path.split(".").reduce<JsonData>((value, key) => value[key], data) as string;
    }
    expect(await count("deliveries")).toBe(7);
  });

  it("8 free days, then 1.25 days of the third delivery at the agreed 600.00; the police, pooled by area, pay 1.75 days at 500.00", async () => {
    expect(await quota("E08000021", 2014)).toEqual({
      allowanceDays: "8",
      usedFreeDays: "8",
      remainingFreeDays: "0",
      chargeableDays: "3",
      // 1.25 x 600.00 + 1.75 x 500.00
      charges: { pence: 162_500, formatted: "£1,625.00" },
    });
    // Sunderland's council pays its negotiated 450.00 from rates.csv for the day past its 8.
    expect(await quota("E08000024", 2014)).toMatchObject({ usedFreeDays: "8", chargeableDays: "1", charges: { pence: 45_000 } });
    // Rapid response is free and draws no quota.
    expect(await quota("E06000047", 2014)).toMatchObject({ usedFreeDays: "0", chargeableDays: "0", charges: { pence: 0 } });
  });

  it("a backdated delivery after July was issued leaves July as billed and adjusts the next statement by +1,200.00", async () => {
    expect(await issue("2014-07")).toMatchObject({ __typename: "IssueStatementPayload", statement: { period: "2014-07", total: { pence: 75_000 } } });
    expect(await record(codes.newcastleProject!, "2014-04-22", "2")).toMatchObject({ allocation: { freeDays: "2", chargeableDays: "0" } });
    const august = await issue("2014-08");
    expect(august.statement.adjustments.filter((a: { amount: { pence: number } }) => a.amount.pence !== 0)).toEqual([
      { period: "2014-07", billed: { pence: 75_000 }, recomputed: { pence: 195_000 }, amount: { pence: 120_000, formatted: "£1,200.00" } },
    ]);
  });

  it("2015-03-31 counts in 2014; 2015-04-01 in 2015 with a fresh allowance", async () => {
    expect(await record(codes.newcastleProject!, "2015-03-31", "0.25")).toMatchObject({ delivery: { financialYear: 2014 }, allocation: { chargeableDays: "0.25", charge: { pence: 15_000 } } });
    expect(await record(codes.newcastleProject!, "2015-04-01", "0.25")).toMatchObject({ delivery: { financialYear: 2015 }, allocation: { freeDays: "0.25" } });
    expect(await quota("E08000021", 2015)).toMatchObject({ allowanceDays: "8", usedFreeDays: "0.25", remainingFreeDays: "7.75" });
  });

  it("in the week of the early May bank holiday, 1.5 host days a week and a 0.5 reserve leave 2.25 bookable days in quarter days", async () => {
    const data = await run(`{ capacityForecast(region: "north-east", from: "2014-05-05", weeks: 1) {
      adviser { code } weekStart workingDays availableDays hostCommitmentDays reservedDays bookableDays confirmedDays } }`);
    expect(data.capacityForecast).toEqual([
      // 4 - 1.5 x 4/5 - 0.5 = 2.3, rounded down to the quarter day.
      { adviser: { code: "adv-ne-1" }, weekStart: "2014-05-05", workingDays: 4, availableDays: "4", hostCommitmentDays: "1.2", reservedDays: "0.5", bookableDays: "2.25", confirmedDays: "2" },
      // 0.8 x 4 = 3.2, shown rounded down to the quarter day (3); co-hosted 0.5 + 0.25 = 0.75 a
      // week, 0.6 in four days; bookable from the exact figures: 3.2 - 0.6 - 0.5 = 2.1 -> 2.
      { adviser: { code: "adv-ne-2" }, weekStart: "2014-05-05", workingDays: 4, availableDays: "3", hostCommitmentDays: "0.6", reservedDays: "0.5", bookableDays: "2", confirmedDays: "0" },
    ]);
  });

  it("London and the North East never see each other's data", async () => {
    const neRegion = `{ region(code: "north-east") { code } }`;
    const londonRegion = `{ region(code: "london") { code } }`;
    expect((await execute(gateway, neRegion, { token: tokens.LONDON_ADMIN })).data?.region ?? null).toBeNull();
    expect((await execute(gateway, londonRegion, { token: tokens.REGION_ADMIN })).data?.region ?? null).toBeNull();
    const report = (region: string, token: string) =>
      execute(gateway, `{ fundingReport(region: "${region}", year: 2014) { programmeCost { pence } } }`, { token });
    expect((await report("north-east", tokens.LONDON_ADMIN!)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await report("london", tokens.REGION_ADMIN!)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await report("north-east", tokens.REGION_ADMIN!)).data?.fundingReport).toEqual({ programmeCost: { pence: 24_000_000 } });
    const londonOrg = Buffer.from("Organisation:london:org-E09000028-council").toString("base64url");
    expect((await execute(gateway, `{ node(id: "${londonOrg}") { id } }`, { token: tokens.REGION_ADMIN })).data?.node ?? null).toBeNull();
    // The North East's import wrote nothing of London's.
    const londonAudit = await database.db.selectFrom("audit_log").select("action").where("region_code", "=", "london").where("action", "like", "save%").execute();
    expect(londonAudit).toEqual([]);
  });
});
