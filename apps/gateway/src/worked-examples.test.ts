import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, tokenFor } from "./testing/harness.js";
import { FIXTURE, insertLondonFixture } from "./testing/london-fixture.js";
import { createGateway, type Gateway } from "./yoga.js";

// DOMAIN.md's worked examples, reproduced end to end through the public mutations and read
// back through quotaStatement, capacityForecast and fundingReport.

const errorFields = "... on Error { __typename code message } ... on ValidationError { field issues { field message } } ... on NotFoundError { entity id }";

describe.each(backends())("DOMAIN.md worked examples through the gateway on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  let admin: string;
  let adviser: string;
  const ids: Record<string, string> = {};

  const run = async (query: string, variables: Record<string, unknown> = {}, token = admin) => {
    const response = await execute<Record<string, Record<string, unknown>>>(gateway, query, { variables, token });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!;
  };
  const deliveryCount = async () =>
    Number((await database.db.selectFrom("deliveries").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

  const request = async (organisationId: string, agreedDayRatePence: number | null) => {
    const data = await run(
      `mutation($input: RequestEngagementInput!) { requestEngagement(input: $input) {
        __typename ... on RequestEngagementPayload { waitlisted engagement { id code status } } ${errorFields} } }`,
      {
        input: {
          organisationId,
          strand: "PROJECT_SUPPORT",
          title: "Review of child protection arrangements",
          themes: ["child protection"],
          leadAdviserId: FIXTURE.otherAdviser,
          agreedDayRatePence,
          estimateDays: "14",
          startDate: "2010-04-06",
          endDate: "2012-03-31",
        },
      },
    );
    const payload = data.requestEngagement as { waitlisted: boolean; engagement: { id: string; code: string; status: string } };
    expect(payload.waitlisted).toBe(false);
    expect(payload.engagement.status).toBe("REQUESTED");
    return payload.engagement;
  };

  const decide = (engagementId: string, to: string) =>
    run(
      `mutation($input: DecideEngagementInput!) { decideEngagement(input: $input) {
        __typename ... on DecideEngagementPayload { engagement { status } transition { from to by } }
        ... on InvalidTransitionError { from to } ${errorFields} } }`,
      { input: { engagementId, to } },
    ).then((data) => data.decideEngagement as Record<string, unknown>);

  const record = (engagementId: string, date: string, days: string, token = adviser) =>
    run(
      `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) {
        __typename ... on RecordDeliveryPayload { activated delivery { code deliveredOn days financialYear }
          allocation { holder financialYear freeDays chargeableDays dayRate { formatted } charge { pence formatted } } }
        ${errorFields} } }`,
      { input: { engagementId, adviserId: FIXTURE.otherAdviser, date, days } },
      token,
    ).then((data) => data.recordDelivery as Record<string, unknown>);

  const quota = (year: number) =>
    run(
      `query($year: Int!) { quotaStatement(region: "london", holder: "${FIXTURE.southwark}", year: $year) {
        holder holderKind year allowanceDays usedFreeDays remainingFreeDays deliveredDays chargeableDays charges { pence formatted }
        lines { date organisationCode days quotaDays freeDays chargeableDays dayRate { pence } charge { pence formatted } } } }`,
      { year },
    ).then((data) => data.quotaStatement as Record<string, unknown>);

  const issue = (organisationId: string, period: string) =>
    run(
      `mutation($input: IssueStatementInput!) { issueStatement(input: $input) {
        __typename ... on IssueStatementPayload { alreadyIssued statement { period periodStart periodEnd total { pence formatted }
          charges { pence } adjustmentsTotal { pence } lines { date chargeableDays charge { pence } }
          adjustments { period billed { pence } recomputed { pence } amount { pence formatted } } } } ${errorFields} } }`,
      { input: { organisationId, period } },
    ).then((data) => data.issueStatement as Record<string, unknown>);

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await insertLondonFixture(database.db);
    // Requests are stamped as if made during the pilot.
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" }, clock: { now: () => Date.parse("2010-04-06T09:00:00Z") } });
    admin = await tokenFor({ role: "REGION_ADMIN", region: "london" });
    adviser = await tokenFor({ role: "ADVISER", region: "london" });
  });
  afterAll(() => database?.close());

  it("requests and accepts the council's project, refusing an invalid transition first", async () => {
    const engagement = await request(FIXTURE.council, 60_000);
    ids.council = engagement.id;
    const invalid = await decide(engagement.id, "COMPLETED");
    expect(invalid).toMatchObject({ __typename: "InvalidTransitionError", code: "INVALID_TRANSITION", from: "REQUESTED", to: "COMPLETED" });
    const accepted = await decide(engagement.id, "ACCEPTED");
    expect(accepted).toMatchObject({ __typename: "DecideEngagementPayload", engagement: { status: "ACCEPTED" } });
    expect(accepted.transition).toMatchObject({ from: "REQUESTED", to: "ACCEPTED" });
  });

  it("10 free days, then 2 days of the third delivery charged at the agreed 600.00: 1,200.00", async () => {
    const first = await record(ids.council!, "2010-05-03", "3");
    expect(first).toMatchObject({ activated: true, allocation: { holder: FIXTURE.southwark, freeDays: "3", chargeableDays: "0" } });
    await record(ids.council!, "2010-06-10", "4");
    const third = await record(ids.council!, "2010-07-01", "5");
    expect(third).toMatchObject({
      activated: false,
      allocation: { freeDays: "3", chargeableDays: "2", dayRate: { formatted: "£600.00" }, charge: { pence: 120_000, formatted: "£1,200.00" } },
    });
    const statement = await quota(2010);
    expect(statement).toMatchObject({
      holder: FIXTURE.southwark,
      holderKind: "AUTHORITY",
      allowanceDays: "10",
      usedFreeDays: "10",
      remainingFreeDays: "0",
      chargeableDays: "2",
      charges: { pence: 120_000, formatted: "£1,200.00" },
    });
    expect((statement.lines as unknown[]).map((line) => line)).toEqual([
      expect.objectContaining({ date: "2010-05-03", days: "3", freeDays: "3", chargeableDays: "0", charge: { pence: 0, formatted: "£0.00" } }),
      expect.objectContaining({ date: "2010-06-10", days: "4", freeDays: "4", chargeableDays: "0" }),
      expect.objectContaining({ date: "2010-07-01", days: "5", quotaDays: "3", freeDays: "3", chargeableDays: "2", dayRate: { pence: 60_000 } }),
    ]);
  });

  it("the borough's police, pooled by area, pay all 1.5 days at the default 550.00: 825.00", async () => {
    const engagement = await request(FIXTURE.police, null);
    ids.police = engagement.id;
    await decide(engagement.id, "ACCEPTED");
    const delivery = await record(engagement.id, "2010-08-02", "1.5");
    expect(delivery).toMatchObject({
      allocation: { holder: FIXTURE.southwark, freeDays: "0", chargeableDays: "1.5", dayRate: { formatted: "£550.00" }, charge: { pence: 82_500 } },
    });
    const statement = await quota(2010);
    expect(statement.charges).toEqual({ pence: 202_500, formatted: "£2,025.00" });
    const police = (statement.lines as { organisationCode: string; charge: { pence: number } }[]).filter(
      (line) => line.organisationCode === FIXTURE.police,
    );
    expect(police.map((line) => line.charge.pence)).toEqual([82_500]);
    const issued = await issue(FIXTURE.police, "2010-08");
    expect(issued).toMatchObject({ alreadyIssued: false, statement: { period: "2010-08", total: { pence: 82_500, formatted: "£825.00" } } });
  });

  it("a backdated delivery after July was issued leaves July unchanged and adjusts the next statement by +1,200.00", async () => {
    const july = await issue(FIXTURE.council, "2010-07");
    expect(july).toMatchObject({ alreadyIssued: false, statement: { periodStart: "2010-07-01", periodEnd: "2010-07-31", total: { pence: 120_000 } } });
    const backdated = await record(ids.council!, "2010-04-20", "2");
    expect(backdated).toMatchObject({ allocation: { freeDays: "2", chargeableDays: "0" } });
    const reissued = await issue(FIXTURE.council, "2010-07");
    expect(reissued).toMatchObject({ alreadyIssued: true, statement: { total: { pence: 120_000 } } });
    const august = await issue(FIXTURE.council, "2010-08");
    const adjustments = (august.statement as { adjustments: { period: string; amount: { pence: number } }[] }).adjustments;
    expect(adjustments.filter((a) => a.amount.pence !== 0)).toEqual([
      expect.objectContaining({ period: "2010-07", billed: { pence: 120_000 }, recomputed: { pence: 240_000 }, amount: { pence: 120_000, formatted: "£1,200.00" } }),
    ]);
    expect(august.statement).toMatchObject({ total: { pence: 120_000 } });
    expect((await quota(2010)).charges).toEqual({ pence: 322_500, formatted: "£3,225.00" });

    // The borough reads its council's issued statements: July frozen, August carrying July's adjustment.
    const council = Buffer.from(`Organisation:london:${FIXTURE.council}`).toString("base64url");
    const query = `query($id: ID!) { node(id: $id) { ... on Organisation { statements { period total { pence }
      lines { date chargeableDays charge { pence } } adjustments { period amount { pence } } } } } }`;
    const borough = await tokenFor({ role: "AUTHORITY", region: "london", authority: FIXTURE.southwark });
    const read = await run(query, { id: council }, borough);
    expect((read.node as { statements: unknown[] }).statements).toEqual([
      { period: "2010-07", total: { pence: 120_000 }, lines: [{ date: "2010-07-01", chargeableDays: "2", charge: { pence: 120_000 } }], adjustments: [] },
      expect.objectContaining({ period: "2010-08", total: { pence: 120_000 }, adjustments: [{ period: "2010-07", amount: { pence: 120_000 } }] }),
    ]);
    const funder = await tokenFor({ role: "FUNDER", region: "london", funder: "fnd-dfe" });
    expect((await execute(gateway, query, { variables: { id: council }, token: funder })).data?.node ?? null).toBeNull();
  });

  it("2011-03-31 counts in 2010; 2011-04-01 in 2011 with a fresh allowance", async () => {
    const last = await record(ids.council!, "2011-03-31", "1");
    expect(last).toMatchObject({ delivery: { financialYear: 2010 }, allocation: { financialYear: 2010, chargeableDays: "1", charge: { pence: 60_000 } } });
    const first = await record(ids.council!, "2011-04-01", "1");
    expect(first).toMatchObject({ delivery: { financialYear: 2011 }, allocation: { financialYear: 2011, freeDays: "1", chargeableDays: "0" } });
    expect(await quota(2011)).toMatchObject({ year: 2011, usedFreeDays: "1", remainingFreeDays: "9", charges: { pence: 0 } });
    ids.lastOf2010 = (last.delivery as { code: string }).code;
  });

  it("a correction removes a delivery and the recomputed charge follows", async () => {
    const data = await run(
      `mutation($input: CorrectDeliveryInput!) { correctDelivery(input: $input) {
        __typename ... on CorrectDeliveryPayload { removed delivery { code removedAt version } } ${errorFields} } }`,
      { input: { deliveryId: ids.lastOf2010, remove: true, reason: "recorded against the wrong engagement" } },
    );
    expect(data.correctDelivery).toMatchObject({ __typename: "CorrectDeliveryPayload", removed: true, delivery: { version: 2 } });
    expect((data.correctDelivery as { delivery: { removedAt: string | null } }).delivery.removedAt).not.toBeNull();
    expect((await quota(2010)).charges).toEqual({ pence: 322_500, formatted: "£3,225.00" });
  });

  it("a 1.0 FTE adviser with a 1-day host commitment has 2.5 bookable days in a bank-holiday week", async () => {
    const data = await run(`{ capacityForecast(region: "london", from: "2010-05-05", weeks: 2) {
      adviser { code } weekStart workingDays availableDays hostCommitmentDays reservedDays bookableDays confirmedDays } }`);
    const weeks = data.capacityForecast as unknown as Record<string, unknown>[];
    expect(weeks.find((w) => (w.adviser as { code: string }).code === FIXTURE.hostedAdviser && w.weekStart === "2010-05-03")).toEqual({
      adviser: { code: FIXTURE.hostedAdviser },
      weekStart: "2010-05-03",
      workingDays: 4,
      availableDays: "4",
      hostCommitmentDays: "0.8",
      reservedDays: "0.5",
      bookableDays: "2.5",
      confirmedDays: "0",
    });
  });

  it("a confirmed booking past bookable days fails naming adviser, week, bookable, booked and requested; a tentative one is flagged", async () => {
    const book = (status: string, days: string) =>
      run(
        `mutation($input: BookAdviserInput!) { bookAdviser(input: $input) { __typename
          ... on BookAdviserPayload { overbooked bookableDays alreadyBookedDays booking { weekStart days status } }
          ... on CapacityExceededError { adviserId weekStart bookable alreadyBooked requested } ${errorFields} } }`,
        { input: { engagementId: ids.council, adviserId: FIXTURE.hostedAdviser, weekStart: "2010-05-05", days, status } },
      ).then((data) => data.bookAdviser as Record<string, unknown>);
    const before = Number((await database.db.selectFrom("bookings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(await book("CONFIRMED", "3")).toMatchObject({
      __typename: "CapacityExceededError",
      code: "CAPACITY_EXCEEDED",
      adviserId: FIXTURE.hostedAdviser,
      weekStart: "2010-05-03",
      bookable: "2.5",
      alreadyBooked: "0",
      requested: "3",
    });
    const after = Number((await database.db.selectFrom("bookings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before);
    expect(await book("TENTATIVE", "3")).toMatchObject({ __typename: "BookAdviserPayload", overbooked: true, bookableDays: "2.5" });
    expect(await book("CONFIRMED", "2.5")).toMatchObject({ __typename: "BookAdviserPayload", alreadyBookedDays: "0", booking: { status: "CONFIRMED", days: "2.5" } });
  });

  it("off-granularity days, unknown ids and another region's ids are refused by field and write nothing", async () => {
    const before = await deliveryCount();
    const offGranularity = await record(ids.council!, "2010-09-01", "0.3");
    expect(offGranularity).toMatchObject({ __typename: "ValidationError", code: "VALIDATION", field: "input.days" });
    expect(offGranularity.issues).toEqual([{ field: "input.days", message: offGranularity.message }]);
    expect(await record("eng-does-not-exist", "2010-09-01", "1")).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const foreign = Buffer.from("Engagement:manchester:eng-0001").toString("base64url");
    expect(await record(foreign, "2010-09-01", "1")).toMatchObject({ __typename: "NotFoundError", id: foreign });
    const wrongType = Buffer.from("Adviser:london:adv-1").toString("base64url");
    expect(await record(wrongType, "2010-09-01", "1")).toMatchObject({ __typename: "ValidationError", field: "input.engagementId" });
    expect(await deliveryCount()).toBe(before);
  });

  it("an outcome measurement is recorded and judged in the funding report", async () => {
    await database.db
      .insertInto("outcomes")
      .values({
        region_code: "london",
        id: "out-court-weeks",
        engagement_id: (await run(`{ node(id: "${ids.council}") { ... on Engagement { code } } }`)).node!.code as string,
        indicator: "Weeks of care proceedings",
        unit: "weeks",
        good_direction: "LOWER",
        baseline_value: 56,
        baseline_on: "2010-04-01",
      })
      .execute();
    const data = await run(
      `mutation($input: RecordOutcomeMeasurementInput!) { recordOutcomeMeasurement(input: $input) {
        __typename ... on RecordOutcomeMeasurementPayload { outcomeCode measuredOn value engagement { code } } ${errorFields} } }`,
      { input: { outcomeId: "out-court-weeks", measuredOn: "2011-01-31", value: 49 } },
      adviser,
    );
    expect(data.recordOutcomeMeasurement).toMatchObject({ __typename: "RecordOutcomeMeasurementPayload", value: 49, measuredOn: "2011-01-31" });
    const report = await run(`{ fundingReport(region: "london", year: 2010) { outcomes { improved worsened unchanged } chargeIncome { pence } } }`);
    expect(report.fundingReport).toEqual({ outcomes: { improved: 1, worsened: 0, unchanged: 0 }, chargeIncome: { pence: 322_500 } });
    const read = await run(`query($id: ID!) { node(id: $id) { ... on Engagement { outcomes { id code baseline goodDirection assessment measurements { measuredOn value } } } } }`, {
      id: ids.council,
    });
    const outcome = (read.node as { outcomes: { id: string }[] }).outcomes[0]!;
    expect(outcome).toMatchObject({ code: "out-court-weeks", baseline: "56", goodDirection: "LOWER", assessment: "IMPROVED", measurements: [{ measuredOn: "2011-01-31", value: "49" }] });
    // The outcome's global id is accepted by the mutation as well.
    const again = await run(
      `mutation($input: RecordOutcomeMeasurementInput!) { recordOutcomeMeasurement(input: $input) { __typename ... on RecordOutcomeMeasurementPayload { value } } }`,
      { input: { outcomeId: outcome.id, measuredOn: "2011-03-31", value: 60 } },
    );
    expect(again.recordOutcomeMeasurement).toEqual({ __typename: "RecordOutcomeMeasurementPayload", value: 60 });
    const later = await run(`{ fundingReport(region: "london", year: 2010) { outcomes { improved worsened unchanged } } }`);
    expect(later.fundingReport).toEqual({ outcomes: { improved: 0, worsened: 1, unchanged: 0 } });
  });

  it("a region-wide body holds its own allowance; an area's partner is pointed to its area", async () => {
    const board = await run(`{ quotaStatement(region: "london", holder: "${FIXTURE.board}", year: 2010) { holderKind allowanceDays charges { pence } lines { date } } }`);
    expect(board.quotaStatement).toEqual({ holderKind: "ORGANISATION", allowanceDays: "10", charges: { pence: 0 }, lines: [] });
    const partner = await execute(gateway, `{ quotaStatement(region: "london", holder: "${FIXTURE.police}", year: 2010) { year } }`, { token: admin });
    expect(partner.errors?.[0]).toMatchObject({ extensions: { code: "VALIDATION", field: "holder" } });
    expect(partner.errors?.[0]?.message).toContain(FIXTURE.southwark);
  });
});
