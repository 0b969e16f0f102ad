import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decimalRatio, formatDays, formatMoney, parseRegionPolicy, regionPolicyInputOf, shareFromBasisPoints } from "@adviser-hub/domain";
import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "./auth/viewer.js";
import { execute, executeMultipart, type JsonData, StatementCounter, tokenFor } from "./testing/harness.js";
import {
  expectedBenchmark,
  expectedCapacity,
  expectedDemand,
  expectedFundingReport,
  domainAllocation,
  loadPolicy,
} from "./testing/pilot-oracle.js";
import { createGateway, type Gateway } from "./yoga.js";

// The seeded London pilot, read through the gateway and checked twice: against the seed's
// known facts, and against the domain's rules applied to the same rows by the test itself.

const SOUTHWARK = "E09000028";
const DFE = "fnd-dfe";
const operationsDir = fileURLToPath(new URL("../operations/", import.meta.url));

describe.each(backends())("the seeded London pilot through the gateway on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  let uncached: Gateway;
  const counter = new StatementCounter();
  const tokens = {} as Record<Role | "OTHER_REGION" | "OTHER_AUTHORITY" | "OTHER_FUNDER", string>;

  const run = async (query: string, variables: Record<string, unknown> = {}, token: string | null = tokens.REGION_ADMIN) => {
    counter.reset();
    return execute<Record<string, unknown>>(gateway, query, { variables, token });
  };
  const ok = async (query: string, variables: Record<string, unknown> = {}, token: string | null = tokens.REGION_ADMIN) => {
    const response = await run(query, variables, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data as JsonData;
  };
  const days = (units: number) => formatDays(units, 2);
  /** An ACTIVE engagement, its lead adviser and a date inside it: somewhere a delivery may go. */
  const openEngagement = async () => {
    const row = await database.db.selectFrom("engagements").selectAll().where("status", "=", "ACTIVE").orderBy("id").executeTakeFirstOrThrow();
    return { id: row.id, adviserId: row.lead_adviser_id!, date: row.starts_on! };
  };

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await seedLondonPilot(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" } });
    uncached = createGateway({ db: database.db, env: { NODE_ENV: "test" }, reportCache: false });
    tokens.REGION_ADMIN = await tokenFor({ role: "REGION_ADMIN", region: "london" });
    tokens.ADVISER = await tokenFor({ role: "ADVISER", region: "london" });
    tokens.AUTHORITY = await tokenFor({ role: "AUTHORITY", region: "london", authority: SOUTHWARK });
    tokens.FUNDER = await tokenFor({ role: "FUNDER", region: "london", funder: DFE });
    tokens.OTHER_REGION = await tokenFor({ role: "REGION_ADMIN", region: "west-of-scotland" });
    tokens.SERVICE_ADMIN = await tokenFor({ role: "SERVICE_ADMIN", region: "*" });
    tokens.OTHER_AUTHORITY = await tokenFor({ role: "AUTHORITY", region: "london", authority: "E09000020" });
    tokens.OTHER_FUNDER = await tokenFor({ role: "FUNDER", region: "london", funder: "fnd-not-a-funder" });
  });
  afterAll(() => database?.close());

  describe("reads, checked against the seed and the domain", () => {
    it("fundingReport 2010 equals the domain's value-for-money from the same rows", async () => {
      const expected = await expectedFundingReport(database.db, "london", 2010);
      const data = await ok(readFileSync(`${operationsDir}funder-report.graphql`, "utf8"), { region: "london", year: 2010 });
      const report = data.fundingReport as JsonData;
      // The seed's programme cost for 2010-11 is the article's 360,000.00.
      expect(report.programmeCost).toEqual({ pence: 36_000_000, formatted: "£360,000.00" });
      expect(expected.programmeCostPence).toBe(36_000_000);
      expect((report.funders as { contribution: { formatted: string } }[]).map((f) => f.contribution.formatted)).toEqual(
        expected.contributions.map((c) => formatMoney(c.amount_pence)),
      );
      expect(report.chargeIncome).toEqual({ pence: expected.chargeIncomePence, formatted: formatMoney(expected.chargeIncomePence) });
      expect(expected.chargeIncomePence).toBeGreaterThan(0);
      expect(report.daysDelivered).toBe(days(expected.deliveredUnits));
      expect(report.daysByStrand).toEqual(
        ["RAPID_RESPONSE", "PROJECT_SUPPORT", "HOST_SUPPORT", "KNOWLEDGE_HUB", "STRATEGIC"].map((strand) => ({
          strand,
          days: days(expected.byStrand.get(strand) ?? 0),
        })),
      );
      expect((report.costPerDeliveredDay as { pence: number }).pence).toBe(expected.vfm.costPerDeliveredDayPence);
      expect((report.netCostPerDeliveredDay as { pence: number }).pence).toBe(expected.vfm.netCostPerDeliveredDayPence);
      expect(report.consultantBenchmarkDayRate).toEqual({ pence: 80_000, formatted: "£800.00" });
      expect(report.coverage).toMatchObject({ served: expected.vfm.coverage.served, total: 33 });
      expect(report.rapidResponse).toMatchObject({ count: expected.rapid.count, targetHours: expected.rapid.targetHours });
      expect(expected.rapid.count).toBeGreaterThan(0);
      expect(report.hostCommitments).toEqual(
        expected.host.map((h) =>
          expect.objectContaining({ committedDays: days(h.committedUnits), deliveredDays: days(h.deliveredUnits), authority: expect.objectContaining({ code: h.authorityId }) }),
        ),
      );
      expect(report.outcomes).toEqual({
        improved: expected.outcomes.improved,
        worsened: expected.outcomes.worsened,
        unchanged: expected.outcomes.unchanged,
        targetMet: expected.outcomes.targetMet,
      });
      expect(report.demand).toEqual({ requestedDays: days(expected.requestedUnits), waitlistedDays: days(expected.waitlistedUnits) });
    });

    it("quotaStatement lines equal the domain's allocation of the whole region, for a borough past its free days", async () => {
      const policy = await loadPolicy(database.db, "london", 2010);
      const { allocation, lines } = await domainAllocation(database.db, "london", policy);
      const past = allocation.holderYears.filter((h) => h.year === 2010 && h.chargePence > 0 && /^E09/.test(h.holderId));
      expect(past.length).toBeGreaterThan(0);
      for (const holder of past) {
        const data = await ok(readFileSync(`${operationsDir}borough-quota.graphql`, "utf8"), { region: "london", holder: holder.holderId, year: 2010 });
        const statement = data.quotaStatement as JsonData;
        expect(statement).toMatchObject({
          holder: holder.holderId,
          allowanceDays: days(holder.allowanceUnits),
          usedFreeDays: days(holder.usedFreeUnits),
          remainingFreeDays: "0",
          chargeableDays: days(holder.chargeableUnits),
          charges: { pence: holder.chargePence, formatted: formatMoney(holder.chargePence) },
        });
        const mine = lines.filter((line) => line.holderId === holder.holderId && line.financialYear === 2010);
        expect((statement.lines as Record<string, unknown>[]).map((l) => [l.date, l.days, l.freeDays, l.chargeableDays, (l.charge as { pence: number }).pence])).toEqual(
          mine.map((l) => [l.date, days(l.units), days(l.freeUnits), days(l.chargeableUnits), l.chargePence]),
        );
        // At least one delivery straddles the end of the allowance or is wholly charged.
        expect(mine.some((l) => l.chargeableUnits > 0)).toBe(true);
      }
    });

    it("capacityForecast for next quarter equals the domain's adviser weeks", async () => {
      const data = await ok(readFileSync(`${operationsDir}next-quarter-capacity.graphql`, "utf8"), { region: "london", from: "2011-01-05" });
      const weeks = data.capacityForecast as Record<string, unknown>[];
      const expected = await expectedCapacity(database.db, "london", "2011-01-03", 13);
      expect(weeks).toHaveLength(3 * 13);
      expect(
        weeks.map((w) => [(w.adviser as { code: string }).code, w.weekStart, w.availableDays, w.bookableDays, w.confirmedDays, w.tentativeDays, w.overbookedDays, w.displacedDays]),
      ).toEqual(
        expected.weeks.map((w) => [w.adviserId, w.weekStart, days(w.availableUnits), days(w.bookableUnits), days(w.confirmedUnits), days(w.tentativeUnits), days(w.overbookedUnits), days(w.displacedUnits)]),
      );
      // The week of the 2011-01-03 bank holiday: 4 working days.
      expect(weeks[0]).toMatchObject({ weekStart: "2011-01-03", availableDays: "4", hostCommitmentDays: "0.8", reservedDays: "0.5", bookableDays: "2.5" });
    });

    it("benchmark equals the domain's rates, quartiles and ranks, keeping suppressed counts out of rates", async () => {
      const suppressed = await database.db.selectFrom("benchmark_statistics").select(["measure", "year"]).where("suppressed", "=", true).executeTakeFirstOrThrow();
      for (const measure of ["REFERRALS", suppressed.measure] as const) {
        const year = measure === "REFERRALS" ? 2010 : suppressed.year;
        const data = await ok(readFileSync(`${operationsDir}benchmark.graphql`, "utf8"), { region: "london", year, measure });
        const benchmark = data.benchmark as JsonData;
        const expected = await expectedBenchmark(database.db, "london", year, measure as "REFERRALS");
        expect(benchmark.regionRate).toBe(expected.regionRateScaled === null ? null : (expected.regionRateScaled / 100).toFixed(2));
        expect(benchmark.quartiles).toEqual(
          expected.quartiles && {
            q1: (expected.quartiles.q1 / 100).toFixed(2),
            median: (expected.quartiles.median / 100).toFixed(2),
            q3: (expected.quartiles.q3 / 100).toFixed(2),
          },
        );
        const rows = benchmark.rows as { authority: { code: string }; value: number | null; rank: number | null; suppressed: boolean; rate: string | null }[];
        expect(rows.map((r) => [r.authority.code, r.rank, r.suppressed, r.value])).toEqual(
          expected.rows.map((r) => [r.authorityId, r.rank, r.suppressed, r.count.suppressed ? null : r.count.value]),
        );
        for (const row of rows.filter((r) => r.suppressed)) expect(row).toMatchObject({ value: null, rate: null, rank: null });
      }
    });

    it("coverage lists the served authorities: the domain's served set, as many as coverage.served", async () => {
      for (const year of [2010, 2011]) {
        const expected = await expectedFundingReport(database.db, "london", year);
        const data = await ok(readFileSync(`${operationsDir}funder-coverage.graphql`, "utf8"), { region: "london", year });
        const coverage = (data.fundingReport as { coverage: { served: number; servedAuthorities: { code: string; name: string }[] } }).coverage;
        const codes = coverage.servedAuthorities.map((a) => a.code);
        const served = await database.db.selectFrom("authorities").select(["id", "name"]).where("id", "in", codes).orderBy("id").execute();
        expect(codes).toEqual(served.map((a) => a.id));
        expect(coverage.servedAuthorities.map((a) => a.name)).toEqual(served.map((a) => a.name));
        expect(coverage.served).toBe(expected.vfm.coverage.served);
        expect(codes).toHaveLength(coverage.served);
        if (year === 2010) expect(codes).toHaveLength(27);
      }
    });

    it("each benchmark row's authority lists its stored statistical neighbours, nearest first", async () => {
      const data = await ok(readFileSync(`${operationsDir}benchmark-neighbours.graphql`, "utf8"), { region: "london", year: 2010, measure: "REFERRALS" });
      const rows = (data.benchmark as { rows: { authority: { code: string; statisticalNeighbours: { code: string }[] } }[] }).rows;
      const stored = await database.db.selectFrom("statistical_neighbours").selectAll().where("region_code", "=", "london").orderBy("authority_id").orderBy("rank").execute();
      expect(stored.length).toBeGreaterThan(0);
      for (const row of rows)
        expect(row.authority.statisticalNeighbours.map((n) => n.code), row.authority.code).toEqual(
          stored.filter((n) => n.authority_id === row.authority.code).map((n) => n.neighbour_id),
        );
      expect(rows.some((row) => row.authority.statisticalNeighbours.length > 0)).toBe(true);
    });

    it("demandAndCapacity equals the domain's rule 14 over the raw engagements and the forecast's bookable weeks", async () => {
      for (const from of ["2011-01-03", "2010-06-07"]) {
        const data = await ok(readFileSync(`${operationsDir}demand-and-capacity.graphql`, "utf8"), { region: "london", from });
        const expected = await expectedDemand(database.db, "london", from, 13);
        expect(data.demandAndCapacity).toEqual({
          horizonWeeks: 13,
          weeks: expected.weeks.map((w) => ({ weekStart: w.weekStart, bookableDays: days(w.bookableUnits) })),
          acceptedOutstandingDays: days(expected.figures.acceptedOutstandingUnits),
          waitlistedDays: days(expected.figures.waitlistedUnits),
          requestedDays: days(expected.figures.requestedUnits),
          demandDays: days(expected.figures.demandUnits),
          bookableDays: days(expected.figures.bookableUnits),
          utilisation: shareFromBasisPoints(expected.figures.utilisationBp),
          backlogWeeks: expected.figures.backlogWeeks && decimalRatio(expected.figures.backlogWeeks.numerator, expected.figures.backlogWeeks.denominator, 2),
          backlogWeeksRoundedUp: expected.figures.backlogWeeksRoundedUp,
        });
        expect(expected.figures.demandUnits).toBeGreaterThan(0);
        expect(expected.figures.bookableUnits).toBeGreaterThan(0);
      }
    });

    it("demandAndCapacity refuses a horizon outside 1 to 52 weeks, naming weeks", async () => {
      for (const weeks of [0, 53]) {
        const response = await run(`{ demandAndCapacity(region: "london", from: "2011-01-03", weeks: ${weeks}) { demandDays } }`);
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "weeks" });
      }
    });

    it("region lists 33 authorities, 3 advisers, 3 funders and filters its 80 engagements", async () => {
      const data = await ok(`{ region(code: "london") { code name unitsPerDay authorities(first: 100) { totalCount edges { node { code } } }
        advisers { code fte } funders { code contribution(year: 2010) { pence } } } }`);
      const region = data.region as JsonData;
      expect(region).toMatchObject({ code: "london", name: "London", unitsPerDay: 2 });
      expect((region.authorities as { totalCount: number; edges: unknown[] }).totalCount).toBe(33);
      expect((region.authorities as { edges: unknown[] }).edges).toHaveLength(33);
      expect(region.advisers).toEqual([{ code: "adv-1", fte: "1" }, { code: "adv-2", fte: "1" }, { code: "adv-3", fte: "0.8" }]);
      expect((region.funders as { contribution: { pence: number } }[]).reduce((sum, f) => sum + f.contribution.pence, 0)).toBe(36_000_000);

      const count = async (args: string) =>
        ((await ok(`{ region(code: "london") { engagements(${args}) { totalCount } } }`)).region as { engagements: { totalCount: number } }).engagements.totalCount;
      const rows = await database.db.selectFrom("engagements as e").innerJoin("organisations as o", (j) => j.onRef("o.id", "=", "e.organisation_id").onRef("o.region_code", "=", "e.region_code")).select(["e.strand", "e.status", "e.themes", "e.requested_at", "o.home_authority_id"]).execute();
      expect(await count("first: 1")).toBe(80);
      expect(await count("first: 1, strand: [PROJECT_SUPPORT]")).toBe(rows.filter((r) => r.strand === "PROJECT_SUPPORT").length);
      expect(await count("first: 1, status: [COMPLETED]")).toBe(66);
      expect(await count(`first: 1, authority: "${SOUTHWARK}"`)).toBe(rows.filter((r) => r.home_authority_id === SOUTHWARK).length);
      expect(await count("first: 1, year: 2010")).toBe(rows.filter((r) => r.requested_at < new Date("2011-04-01T00:00:00Z") && r.requested_at >= new Date("2010-04-01T00:00:00Z")).length);
      expect(await count(`first: 1, theme: "court delays"`)).toBe(rows.filter((r) => r.themes.includes("court delays")).length);
      expect(await count(`first: 1, theme: "court delays"`)).toBeGreaterThan(0);
    });

    it("pages with cursors and reads any node by its global id", async () => {
      const first = await ok(`{ region(code: "london") { engagements(first: 30) { pageInfo { hasNextPage endCursor } edges { node { id code } } } } }`);
      const page = (first.region as { engagements: { pageInfo: { endCursor: string }; edges: { node: { id: string; code: string } }[] } }).engagements;
      const next = await ok(`query($after: String) { region(code: "london") { engagements(first: 100, after: $after) { pageInfo { hasNextPage } edges { node { code } } } } }`, {
        after: page.pageInfo.endCursor,
      });
      const rest = (next.region as { engagements: { pageInfo: { hasNextPage: boolean }; edges: { node: { code: string } }[] } }).engagements;
      expect(rest.edges).toHaveLength(50);
      expect(rest.pageInfo.hasNextPage).toBe(false);
      expect(new Set([...page.edges.map((e) => e.node.code), ...rest.edges.map((e) => e.node.code)]).size).toBe(80);
      const node = await ok(`query($id: ID!) { node(id: $id) { __typename id ... on Engagement { code title } } }`, { id: page.edges[0]!.node.id });
      expect(node.node).toMatchObject({ __typename: "Engagement", code: page.edges[0]!.node.code });
    });
  });

  describe("statements per operation", () => {
    const engagements = (first: number) => `{ region(code: "london") { engagements(first: ${first}) { totalCount edges { node {
      code estimate delivered notes agreedDayRate { formatted }
      organisation { name homeAuthority { name } } leadAdviser { name }
      deliveries { days adviser { name } } bookings { days adviser { code } } history { to }
    } } } } }`;
    // What an operation costs when nothing is cached: the shared report cache is off here.
    const counted = async (query: string, variables: Record<string, unknown> = {}, token: string = tokens.REGION_ADMIN) => {
      counter.reset();
      const response = await execute<Record<string, unknown>>(uncached, query, { variables, token });
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return counter.count;
    };

    it("serves a report already read at the region's data version for one statement, and a write moves it on", async () => {
      const report = readFileSync(`${operationsDir}funder-report.graphql`, "utf8");
      const forecast = readFileSync(`${operationsDir}next-quarter-capacity.graphql`, "utf8");
      const first = await ok(report, { region: "london", year: 2010 });
      await ok(forecast, { region: "london", from: "2011-01-03" });
      // Read again by another viewer allowed it: the policy and version, nothing else.
      const again = await ok(report, { region: "london", year: 2010 }, tokens.ADVISER);
      expect(counter.count).toBe(1);
      expect(again).toEqual(first);
      await ok(forecast, { region: "london", from: "2011-01-03" }, tokens.AUTHORITY);
      expect(counter.count).toBe(1);

      // A delivery recorded through the gateway moves the version: the next read is fresh.
      const open = await openEngagement();
      const recorded = await ok(
        `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { __typename ... on RecordDeliveryPayload { delivery { code } } } }`,
        { input: { engagementId: open.id, adviserId: open.adviserId, date: open.date, days: "0.5" } },
      );
      expect(JSON.stringify(recorded)).toContain("RecordDeliveryPayload");
      const fresh = await ok(report, { region: "london", year: 2010 });
      expect(counter.count).toBe(3);
      const daysOf = (data: JsonData) => (data as { fundingReport: { daysDelivered: string } }).fundingReport.daysDelivered;
      expect(Number(daysOf(fresh)) * 2 - Number(daysOf(first)) * 2).toBe(open.date >= "2010-04-01" && open.date < "2011-04-01" ? 1 : 0);
    });

    it("a nested engagements page costs the same few statements whatever its size", async () => {
      const small = await counted(engagements(5));
      const large = await counted(engagements(80));

      // region with its policies; the page with its count, organisations, lead advisers and
      // deliveries; authorities, bookings, history, delivered totals: one each, batched by DataLoader. The
      // deliveries' advisers are all lead advisers of the page here, so already read with it.
      expect(small).toBe(large);
      expect(large).toBe(6);
      expect(counter.sql.filter((q) => /^\s*select \* from "(organisations|advisers|deliveries)"|from "region_policies"/.test(q))).toEqual([]);
    });

    it("authorities with their organisations: three statements for 3 or 33 authorities", async () => {
      const query = (first: number) => `{ region(code: "london") { authorities(first: ${first}) { edges { node { code organisations { code name } } } } } }`;
      expect(await counted(query(3))).toBe(3);
      expect(await counted(query(33))).toBe(3);
      const data = await ok(query(33));
      const organisations = (data.region.authorities.edges as { node: { organisations: unknown[] } }[]).reduce((sum, e) => sum + e.node.organisations.length, 0);
      const rows = await database.db.selectFrom("organisations").select("id").where("home_authority_id", "is not", null).execute();
      expect(organisations).toBe(rows.length);
      // An authority reads its own clients, not another area's.
      const own = await run(`{ node(id: "${Buffer.from(`Authority:london:${SOUTHWARK}`).toString("base64url")}") { ... on Authority { organisations { code } } } }`, {}, tokens.AUTHORITY);
      expect(own.errors).toBeUndefined();
      const other = await run(`{ node(id: "${Buffer.from("Authority:london:E09000020").toString("base64url")}") { ... on Authority { organisations { code } } } }`, {}, tokens.AUTHORITY);
      expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("reports cost a fixed number of statements", async () => {
      expect(await counted(readFileSync(`${operationsDir}funder-report.graphql`, "utf8"), { region: "london", year: 2010 })).toBe(3);
      expect(await counted(readFileSync(`${operationsDir}borough-quota.graphql`, "utf8"), { region: "london", holder: SOUTHWARK, year: 2010 })).toBe(3);
      expect(await counted(readFileSync(`${operationsDir}next-quarter-capacity.graphql`, "utf8"), { region: "london", from: "2011-01-03" })).toBe(3);
      expect(await counted(readFileSync(`${operationsDir}benchmark.graphql`, "utf8"), { region: "london", year: 2010, measure: "REFERRALS" })).toBe(2);
      expect(await counted(`{ viewer { role } }`)).toBe(0);
      // Served authorities: the codes come with the figures, the rows in one batch (policy, figures, authorities).
      expect(await counted(readFileSync(`${operationsDir}funder-coverage.graphql`, "utf8"), { region: "london", year: 2010 })).toBe(3);
      // Neighbours of all 33 rows in one statement with their rows: benchmark, authorities, neighbours.
      expect(await counted(readFileSync(`${operationsDir}benchmark-neighbours.graphql`, "utf8"), { region: "london", year: 2010, measure: "REFERRALS" })).toBe(3);
      // The forecast's three reads and the open engagements.
      expect(await counted(readFileSync(`${operationsDir}demand-and-capacity.graphql`, "utf8"), { region: "london", from: "2011-01-03" })).toBe(4);
    });
  });

  describe("access matrix", () => {
    type Who = keyof typeof tokens | "NONE";
    const everyone: Who[] = ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_REGION", "OTHER_FUNDER", "OTHER_AUTHORITY", "SERVICE_ADMIN", "NONE"];
    const tokenOf = (who: Who) => (who === "NONE" ? null : tokens[who]);
    const auditRows = async () =>
      Number((await database.db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

    const reads: Record<string, { query: string; allowed: Who[] }> = {
      region: { query: `{ region(code: "london") { code name } }`, allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"] },
      engagements: {
        query: `{ region(code: "london") { engagements(first: 100) { totalCount edges { node { code organisation { homeAuthority { code } } } } } } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "OTHER_AUTHORITY"],
      },
      fundingReport: {
        query: `{ fundingReport(region: "london", year: 2010) { programmeCost { pence } } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"],
      },
      quotaStatement: {
        query: `{ quotaStatement(region: "london", holder: "${SOUTHWARK}", year: 2010) { charges { pence } } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY"],
      },
      capacityForecast: {
        query: `{ capacityForecast(region: "london", from: "2011-01-03", weeks: 1) { bookableDays } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"],
      },
      benchmark: {
        query: `{ benchmark(region: "london", year: 2010, measure: REFERRALS) { regionRate } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"],
      },
      // An aggregate with no engagement detail: every role of the region, as the forecast.
      demandAndCapacity: {
        query: `{ demandAndCapacity(region: "london", from: "2011-01-03", weeks: 4) { demandDays bookableDays } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"],
      },
      servedAuthorities: {
        query: `{ fundingReport(region: "london", year: 2010) { coverage { servedAuthorities { code } } } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"],
      },
      // Who changed what: the region's admin, and the operator of the hub (tied to no region).
      auditLog: {
        query: `{ auditLog(region: "london", first: 5) { totalCount edges { node { action entity before after } } } }`,
        allowed: ["REGION_ADMIN", "SERVICE_ADMIN"],
      },
      statisticalNeighbours: {
        query: `{ benchmark(region: "london", year: 2010, measure: REFERRALS) { rows { authority { statisticalNeighbours { code } } } } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"],
      },
      benchmarkComparison: {
        query: `{ benchmarkComparison(region: "london", authority: "${SOUTHWARK}", measure: REFERRALS, fromYear: 2009, toYear: 2010) { years { year } } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"],
      },
      // An aggregate of the region's engagements by theme: a funder reads it as the funding report.
      commonThemes: {
        query: `{ commonThemes(region: "london", year: 2010) { themes { theme authorityCount } } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"],
      },
    };

    for (const [entry, { query, allowed }] of Object.entries(reads)) {
      it.each(everyone)(`${entry} as %s`, async (who) => {
        const response = await run(query, {}, tokenOf(who));
        if (allowed.includes(who)) {
          expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
          expect(Object.values(response.data ?? {})[0]).not.toBeNull();
        } else {
          // Another borough's quota holder is answered as an unknown one (no existence oracle).
          const refusal = entry === "quotaStatement" && who === "OTHER_AUTHORITY" ? /^NOT_FOUND$/ : /^(FORBIDDEN|UNAUTHENTICATED)$/;
          expect(response.errors?.[0]?.extensions?.code).toMatch(refusal);
          expect(Object.values(response.data ?? {})[0] ?? null).toBeNull();
        }
      });
    }

    it("an authority lists only its own area's engagements and never sees notes", async () => {
      const data = await ok(reads.engagements!.query, {}, tokens.AUTHORITY);
      const edges = data.region.engagements.edges as { node: { organisation: { homeAuthority: { code: string } } } }[];
      expect(edges.length).toBeGreaterThan(0);
      expect(edges.every((e) => e.node.organisation.homeAuthority.code === SOUTHWARK)).toBe(true);
      const notes = await run(`{ region(code: "london") { engagements(first: 5) { edges { node { code notes } } } } }`, {}, tokens.AUTHORITY);
      expect(notes.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const staff = await ok(`{ region(code: "london") { engagements(first: 100) { edges { node { notes } } } } }`, {}, tokens.ADVISER);
      expect((staff.region.engagements.edges as { node: { notes: string | null } }[]).some((e) => e.node.notes !== null)).toBe(true);
      const other = await run(`{ region(code: "london") { engagements(first: 5, authority: "E09000020") { totalCount } } }`, {}, tokens.AUTHORITY);
      expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("node() shows an engagement to staff and its own authority only", async () => {
      const row = await database.db
        .selectFrom("engagements as e")
        .innerJoin("organisations as o", (j) => j.onRef("o.id", "=", "e.organisation_id").onRef("o.region_code", "=", "e.region_code"))
        .select("e.id")
        .where("o.home_authority_id", "=", SOUTHWARK)
        .executeTakeFirstOrThrow();
      const id = Buffer.from(`Engagement:london:${row.id}`).toString("base64url");
      const query = `query($id: ID!) { node(id: $id) { ... on Engagement { code } } }`;
      for (const who of everyone) {
        const response = await run(query, { id }, tokenOf(who));
        const visible = ["REGION_ADMIN", "ADVISER", "AUTHORITY"].includes(who);
        expect(response.data?.node ?? null, who).toEqual(visible ? { code: row.id } : null);
      }
    });

    it("node() answers another borough's existing object exactly as a missing one, __typename included", async () => {
      const hidden = await database.db
        .selectFrom("engagements as e")
        .innerJoin("organisations as o", (j) => j.onRef("o.id", "=", "e.organisation_id").onRef("o.region_code", "=", "e.region_code"))
        .select(["e.id", "e.organisation_id"])
        .where("o.home_authority_id", "!=", SOUTHWARK)
        .executeTakeFirstOrThrow();
      const query = `query($id: ID!) { node(id: $id) { __typename id } }`;
      const global = (type: string, id: string) => Buffer.from(`${type}:london:${id}`).toString("base64url");
      for (const [type, existing] of [
        ["Engagement", hidden.id],
        ["Organisation", hidden.organisation_id],
      ] as const) {
        const seen = await run(query, { id: global(type, existing) }, tokens.AUTHORITY);
        const missing = await run(query, { id: global(type, `${existing}-missing`) }, tokens.AUTHORITY);
        expect(seen, type).toEqual({ status: 200, data: { node: null } });
        expect(missing, type).toEqual(seen);
        // A funder sees no engagement at all, and staff see this one: the null is the viewer's.
        expect(await run(query, { id: global(type, existing) }, tokens.FUNDER), type).toEqual(seen);
        expect((await ok(query, { id: global(type, existing) }, tokens.ADVISER)).node).toMatchObject({ __typename: type });
      }
    });

    it("quotaStatement answers another borough's holder exactly as an unknown one", async () => {
      const query = `query($holder: String!) { quotaStatement(region: "london", holder: $holder, year: 2010) { year } }`;
      const otherBorough = await run(query, { holder: "E09000020" }, tokens.AUTHORITY);
      const otherOrganisation = await database.db
        .selectFrom("organisations")
        .select("id")
        .where("region_code", "=", "london")
        .where("home_authority_id", "=", "E09000020")
        .executeTakeFirstOrThrow();
      expect(otherBorough.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const shape = (response: typeof otherBorough, holder: string) => JSON.stringify(response).replaceAll(holder, "HOLDER");
      const missing = await run(query, { holder: "E09999999" }, tokens.AUTHORITY);
      expect(shape(otherBorough, "E09000020")).toBe(shape(missing, "E09999999"));
      const organisation = await run(query, { holder: otherOrganisation.id }, tokens.AUTHORITY);
      const missingOrganisation = await run(query, { holder: "org-missing" }, tokens.AUTHORITY);
      expect(organisation.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(shape(organisation, otherOrganisation.id)).toBe(shape(missingOrganisation, "org-missing"));
    });

    it("an outcome indicator is visible to staff and its own area's authority only, its notes to staff only", async () => {
      const row = await database.db
        .selectFrom("outcomes as o")
        .innerJoin("engagements as e", (j) => j.onRef("e.id", "=", "o.engagement_id").onRef("e.region_code", "=", "o.region_code"))
        .innerJoin("organisations as g", (j) => j.onRef("g.id", "=", "e.organisation_id").onRef("g.region_code", "=", "e.region_code"))
        .select(["o.id", "g.home_authority_id"])
        .where("g.home_authority_id", "=", SOUTHWARK)
        .executeTakeFirstOrThrow();
      const id = Buffer.from(`Outcome:london:${row.id}`).toString("base64url");
      const query = `query($id: ID!) { node(id: $id) { ... on Outcome { code indicator measurements { value } } } }`;
      for (const who of everyone) {
        const response = await run(query, { id }, tokenOf(who));
        const visible = ["REGION_ADMIN", "ADVISER", "AUTHORITY"].includes(who);
        expect(response.data?.node ?? null, who).toEqual(visible ? expect.objectContaining({ code: row.id }) : null);
      }
      const notes = await run(`query($id: ID!) { node(id: $id) { ... on Outcome { measurements { note } } } }`, { id }, tokens.AUTHORITY);
      expect(notes.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("each mutation refuses the roles API.md does not allow, as ForbiddenError, writing nothing", async () => {
      const active = await database.db.selectFrom("engagements").selectAll().where("status", "=", "ACTIVE").orderBy("id").executeTakeFirstOrThrow();
      const delivery = await database.db.selectFrom("deliveries").select("id").where("engagement_id", "=", active.id).executeTakeFirstOrThrow();
      const requested = await database.db.selectFrom("engagements").select("id").where("status", "=", "REQUESTED").executeTakeFirstOrThrow();
      // The newest stored policy as an argument: a version from 2029 changes no year with work.
      const newest = await database.db.selectFrom("region_policies").select("policy").where("region_code", "=", "london").orderBy("from_year", "desc").executeTakeFirstOrThrow();
      const stored = parseRegionPolicy(newest.policy);
      if (!stored.ok) throw new Error("the stored policy does not parse");
      // As a region writes it: in days.
      const { code: _code, name: _name, ...policy } = regionPolicyInputOf(stored.value);
      const holidays = { "england-and-wales": { division: "england-and-wales", events: [{ title: "Christmas Day", date: "2029-12-25", notes: "", bunting: true }] } };
      const southwark = await database.db.selectFrom("authorities").selectAll().where("id", "=", SOUTHWARK).executeTakeFirstOrThrow();
      const neighbours = await database.db.selectFrom("statistical_neighbours").select("neighbour_id").where("authority_id", "=", SOUTHWARK).orderBy("rank").execute();
      const police = await database.db.selectFrom("organisations").selectAll().where("id", "=", "org-E09000028-police").executeTakeFirstOrThrow();
      const lead = await database.db.selectFrom("advisers").selectAll().where("id", "=", active.lead_adviser_id!).executeTakeFirstOrThrow();
      const host = await database.db.selectFrom("host_arrangements").selectAll().orderBy("id").executeTakeFirstOrThrow();
      const dfe = await database.db.selectFrom("funders").selectAll().where("id", "=", DFE).executeTakeFirstOrThrow();
      const attempts: Record<string, { mutation: string; input: Record<string, unknown>; allowed: Who[] }> = {
        createRegion: { mutation: "createRegion(input: $input)", input: { code: "matrix-region", name: "Matrix", policy }, allowed: ["SERVICE_ADMIN"] },
        setRegionPolicy: {
          mutation: "setRegionPolicy(input: $input)",
          input: { region: "london", fromFinancialYear: 2029, policy },
          allowed: ["REGION_ADMIN", "SERVICE_ADMIN"],
        },
        importBankHolidays: {
          mutation: "importBankHolidays(input: $input)",
          input: { region: "london", division: "england-and-wales", json: JSON.stringify(holidays), fromFinancialYear: 2029 },
          allowed: ["REGION_ADMIN", "SERVICE_ADMIN"],
        },
        requestEngagement: {
          mutation: "requestEngagement(input: $input)",
          input: { organisationId: "org-E09000028-council", strand: "KNOWLEDGE_HUB", title: "Briefing", estimateDays: "1", startDate: "2011-06-06" },
          allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY"],
        },
        decideEngagement: { mutation: "decideEngagement(input: $input)", input: { engagementId: requested.id, to: "DECLINED" }, allowed: ["REGION_ADMIN"] },
        bookAdviser: {
          mutation: "bookAdviser(input: $input)",
          input: { engagementId: active.id, adviserId: active.lead_adviser_id, weekStart: "2011-06-06", days: "0.5", status: "TENTATIVE" },
          allowed: ["REGION_ADMIN", "ADVISER"],
        },
        recordDelivery: {
          mutation: "recordDelivery(input: $input)",
          input: { engagementId: active.id, adviserId: active.lead_adviser_id, date: active.starts_on, days: "0.5" },
          allowed: ["REGION_ADMIN", "ADVISER"],
        },
        correctDelivery: { mutation: "correctDelivery(input: $input)", input: { deliveryId: delivery.id, notes: "checked", reason: "review" }, allowed: ["REGION_ADMIN", "ADVISER"] },
        issueStatement: { mutation: "issueStatement(input: $input)", input: { organisationId: "org-E09000028-police", period: "2011-06" }, allowed: ["REGION_ADMIN"] },
        recordOutcomeMeasurement: {
          mutation: "recordOutcomeMeasurement(input: $input)",
          input: { outcomeId: "out-0001", measuredOn: "2012-03-30", value: 40 },
          allowed: ["REGION_ADMIN", "ADVISER"],
        },
        // The region's own entities, each saved as it is stored (or on a year nothing refers to).
        saveAuthority: { mutation: "saveAuthority(input: $input)", input: { gssCode: SOUTHWARK, name: southwark.name }, allowed: ["REGION_ADMIN"] },
        saveStatisticalNeighbours: {
          mutation: "saveStatisticalNeighbours(input: $input)",
          input: { authorityId: SOUTHWARK, neighbourIds: neighbours.map((n) => n.neighbour_id) },
          allowed: ["REGION_ADMIN"],
        },
        saveOrganisation: {
          mutation: "saveOrganisation(input: $input)",
          input: { id: police.id, name: police.name, kind: police.kind, homeAuthorityId: police.home_authority_id },
          allowed: ["REGION_ADMIN"],
        },
        saveOrganisationRate: {
          mutation: "saveOrganisationRate(input: $input)",
          input: { organisationId: police.id, year: 2030, dayRatePence: 55_000 },
          allowed: ["REGION_ADMIN"],
        },
        saveAdviser: {
          mutation: "saveAdviser(input: $input)",
          input: { id: lead.id, name: lead.name, fte: String(lead.fte_bp / 10_000), employedFrom: lead.employed_from, employedTo: lead.employed_to },
          allowed: ["REGION_ADMIN"],
        },
        saveAdviserLeave: {
          mutation: "saveAdviserLeave(input: $input)",
          input: { adviserId: lead.id, startDate: "2011-08-06", days: "0" },
          allowed: ["REGION_ADMIN"],
        },
        saveHostArrangement: {
          mutation: "saveHostArrangement(input: $input)",
          input: {
            id: host.id,
            adviserId: host.adviser_id,
            authorityId: host.authority_id,
            startDate: host.starts_on,
            endDate: host.ends_on,
            salaryShare: String(host.salary_share_bp / 10_000),
            commitmentDaysPerWeek: String(host.commitment_units_per_week / 2),
          },
          allowed: ["REGION_ADMIN"],
        },
        saveFunder: { mutation: "saveFunder(input: $input)", input: { id: DFE, name: dfe.name }, allowed: ["REGION_ADMIN"] },
        saveFunderContribution: {
          mutation: "saveFunderContribution(input: $input)",
          input: { funderId: DFE, year: 2030, amountPence: 0 },
          allowed: ["REGION_ADMIN"],
        },
        createOutcomeIndicator: {
          mutation: "createOutcomeIndicator(input: $input)",
          input: { engagementId: active.id, indicator: "Re-referrals", unit: "children", goodDirection: "LOWER", baseline: 12, baselineOn: "2011-04-01", target: 8 },
          allowed: ["REGION_ADMIN", "ADVISER"],
        },
        // A year the seed has no figures for, so the reports the other tests read stay as seeded.
        importBenchmarks: {
          mutation: "importBenchmarks(input: $input)",
          input: {
            fileName: "one-row.csv",
            csv: `time_period,time_identifier,geographic_level,country_code,new_la_code,referrals\n200506,Financial year,Local authority,E92000001,${SOUTHWARK},c\n`,
            mapping: JSON.stringify({ measures: { referrals: "REFERRALS" } }),
          },
          allowed: ["REGION_ADMIN"],
        },
      };
      const inputTypes: Record<string, string> = {
        createRegion: "CreateRegionInput",
        setRegionPolicy: "SetRegionPolicyInput",
        importBankHolidays: "ImportBankHolidaysInput",
        requestEngagement: "RequestEngagementInput",
        decideEngagement: "DecideEngagementInput",
        bookAdviser: "BookAdviserInput",
        recordDelivery: "RecordDeliveryInput",
        correctDelivery: "CorrectDeliveryInput",
        issueStatement: "IssueStatementInput",
        recordOutcomeMeasurement: "RecordOutcomeMeasurementInput",
        saveAuthority: "SaveAuthorityInput",
        saveStatisticalNeighbours: "SaveStatisticalNeighboursInput",
        saveOrganisation: "SaveOrganisationInput",
        saveOrganisationRate: "SaveOrganisationRateInput",
        saveAdviser: "SaveAdviserInput",
        saveAdviserLeave: "SaveAdviserLeaveInput",
        saveHostArrangement: "SaveHostArrangementInput",
        saveFunder: "SaveFunderInput",
        saveFunderContribution: "SaveFunderContributionInput",
        createOutcomeIndicator: "CreateOutcomeIndicatorInput",
        importBenchmarks: "ImportBenchmarksInput",
      };
      for (const [name, attempt] of Object.entries(attempts)) {
        const query = `mutation($input: ${inputTypes[name]}!) { result: ${attempt.mutation} { __typename ... on Error { code message } } }`;
        for (const who of everyone.filter((w) => !attempt.allowed.includes(w))) {
          const before = await auditRows();
          const response = await run(query, { input: attempt.input }, tokenOf(who));
          expect(response.errors, `${name} as ${who}`).toBeUndefined();
          // Another region's admin is refused by the lookup (nothing of London exists there).
          expect((response.data!.result as { __typename: string }).__typename, `${name} as ${who}`).toMatch(who === "OTHER_REGION" ? /Error$/ : /^ForbiddenError$/);
          expect(await auditRows(), `${name} as ${who}`).toBe(before);
        }
        for (const who of attempt.allowed) {
          const before = await auditRows();
          const input = name === "recordOutcomeMeasurement" ? { ...attempt.input, measuredOn: who === "ADVISER" ? "2012-03-29" : "2012-03-30" } : attempt.input;
          const response = await run(query, { input }, tokenOf(who));
          expect((response.data!.result as { __typename: string }).__typename, `${name} as ${who}: ${JSON.stringify(response)}`).toMatch(/Payload$/);
          expect(await auditRows(), `${name} as ${who}`).toBeGreaterThan(before);
        }
      }
    });
    it("importRegion, a multipart upload, is the region's admin's and the operator's alone, writing nothing for anyone else", async () => {
      const query = `mutation($files: [File!]!) { result: importRegion(files: $files, region: "london") { __typename ... on Error { code message } } }`;
      const funders = (id: string) => ({ "funders.csv": `id,name\n${id},A funder of ${id}\n` });
      for (const who of everyone.filter((w) => w !== "REGION_ADMIN" && w !== "SERVICE_ADMIN")) {
        const before = await auditRows();
        const response = await executeMultipart(gateway, query, { fileVariable: "files", files: funders(`fnd-${who.toLowerCase()}`), token: tokenOf(who) });
        expect(response.errors, `importRegion as ${who}`).toBeUndefined();
        expect((response.data!.result as { __typename: string }).__typename, `importRegion as ${who}`).toBe("ForbiddenError");
        expect(await auditRows(), `importRegion as ${who}`).toBe(before);
      }
      for (const who of ["REGION_ADMIN", "SERVICE_ADMIN"] as const) {
        const before = await auditRows();
        const response = await executeMultipart(gateway, query, { fileVariable: "files", files: funders(`fnd-${who.toLowerCase()}`), token: tokenOf(who) });
        expect((response.data!.result as { __typename: string }).__typename, `importRegion as ${who}: ${JSON.stringify(response)}`).toBe("ImportRegionPayload");
        expect(await auditRows(), `importRegion as ${who}`).toBe(before + 1);
      }
    });
  });

  describe("malformed input answers a clear error, never a stack, and writes nothing", () => {
    const cases: [string, string, Record<string, unknown>, string][] = [
      ["a bad global id", `query($id: ID!) { node(id: $id) { id } }`, { id: "%%%not-an-id" }, "VALIDATION"],
      ["a wrong type", `query($year: Int!) { fundingReport(region: "london", year: $year) { year } }`, { year: "twenty-ten" }, ""],
      ["an impossible date", `{ capacityForecast(region: "london", from: "2011-02-30", weeks: 1) { weekStart } }`, {}, "VALIDATION"],
      ["too many weeks", `{ capacityForecast(region: "london", from: "2011-02-01", weeks: 500) { weekStart } }`, {}, "VALIDATION"],
      ["an unknown measure", `{ benchmark(region: "london", year: 2010, measure: SHOE_SIZE) { year } }`, {}, ""],
      ["an unknown holder", `{ quotaStatement(region: "london", holder: "E09999999", year: 2010) { year } }`, {}, "NOT_FOUND"],
      ["a year out of range", `{ fundingReport(region: "london", year: 99999) { year } }`, {}, "VALIDATION"],
      ["an oversized page", `{ region(code: "london") { engagements(first: 1000) { totalCount } } }`, {}, "VALIDATION"],
      ["a forged cursor", `{ region(code: "london") { engagements(after: "bm90LWEtY3Vyc29y") { totalCount } } }`, {}, "VALIDATION"],
      [
        "off-granularity days",
        `mutation { recordDelivery(input: { engagementId: "$ENGAGEMENT", adviserId: "$ADVISER", date: "$DATE", days: "0.3" }) { __typename ... on ValidationError { field code } } }`,
        {},
        "",
      ],
      [
        "days that are not a number",
        `mutation { recordDelivery(input: { engagementId: "$ENGAGEMENT", adviserId: "$ADVISER", date: "$DATE", days: "lots" }) { __typename } }`,
        {},
        "",
      ],
    ];
    it.each(cases)("%s", async (_name, template, variables, code) => {
      const open = await openEngagement();
      const query = template.replace("$ENGAGEMENT", open.id).replace("$ADVISER", open.adviserId).replace("$DATE", open.date);
      const before = Number((await database.db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
      const response = await run(query, variables);
      const text = JSON.stringify(response);
      expect(text).not.toMatch(/\.ts:\d+|node_modules|stack|Unexpected error/);
      if (response.data?.recordDelivery) {
        expect(response.data.recordDelivery).toEqual({ __typename: "ValidationError", field: "input.days", code: "VALIDATION" });
      } else {
        expect(response.errors?.length).toBeGreaterThan(0);
        expect(response.errors?.[0]?.message.length).toBeGreaterThan(10);
        if (code) expect(response.errors?.[0]?.extensions?.code).toBe(code);
      }
      expect(Number((await database.db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n)).toBe(before);
    });

    it("another region's global id reads as null", async () => {
      const id = Buffer.from("Engagement:west-of-scotland:eng-0001").toString("base64url");
      expect((await ok(`query($id: ID!) { node(id: $id) { id } }`, { id })).node).toBeNull();
    });
  });

  it("every operation in operations/ runs and answers data", async () => {
    const open = await openEngagement();
    const variables: Record<string, Record<string, unknown>> = {
      "funder-report.graphql": { region: "london", year: 2010 },
      "borough-quota.graphql": { region: "london", holder: SOUTHWARK, year: 2010 },
      "next-quarter-capacity.graphql": { region: "london", from: "2011-04-04" },
      "engagements-page.graphql": { region: "london", first: 20, strand: ["PROJECT_SUPPORT"], year: 2010 },
      "benchmark.graphql": { region: "london", year: 2010, measure: "CP_PLANS_AT_YEAR_END" },
      "funder-coverage.graphql": { region: "london", year: 2010 },
      "benchmark-neighbours.graphql": { region: "london", year: 2010, measure: "REFERRALS" },
      "demand-and-capacity.graphql": { region: "london", from: "2011-04-04" },
      "benchmark-comparison.graphql": { region: "london", authority: SOUTHWARK, measure: "REFERRALS", fromYear: 2009, toYear: 2010 },
      "common-themes.graphql": { region: "london", year: 2010, minAuthorities: 3 },
      "record-delivery.graphql": { input: { engagementId: open.id, adviserId: open.adviserId, date: open.date, days: "1" } },
      "learning-library.graphql": { region: "london", query: "parental mental health", first: 20 },
      "overdue-recommendations.graphql": { region: "london", asOf: "2011-11-30" },
    };
    const files = readdirSync(operationsDir).filter((file) => file.endsWith(".graphql")).sort();
    expect(files).toEqual(Object.keys(variables).sort());
    for (const file of files) {
      const response = await run(readFileSync(`${operationsDir}${file}`, "utf8"), variables[file]);
      expect(response.errors, `${file}: ${JSON.stringify(response.errors)}`).toBeUndefined();
      expect(Object.values(response.data ?? {})[0], file).toBeTruthy();
      if (file === "record-delivery.graphql") {
        // The allocation answered at write time is the domain's allocation of the whole region after it.
        const recorded = response.data!.recordDelivery as {
          __typename: string;
          delivery: { code: string };
          allocation: { freeDays: string; chargeableDays: string; charge: { formatted: string } };
        };
        expect(recorded.__typename).toBe("RecordDeliveryPayload");
        // The payload is the row written and the policy read inside the transaction: one policy
        // read, and nothing after the commit (begin, the shared policy lock, 10 reads and writes, the
        // audit row, commit).
        expect(counter.sql.filter((statement) => /from "region_policies"/.test(statement))).toHaveLength(1);
        expect(counter.sql.slice(-2)).toEqual([expect.stringMatching(/^insert into "audit_log"/), "commit"]);
        expect(counter.count).toBe(14);
        const policy = await loadPolicy(database.db, "london", 2011);
        const line = (await domainAllocation(database.db, "london", policy)).lines.find((l) => l.deliveryId === recorded.delivery.code)!;
        expect(recorded.allocation).toEqual({
          holder: line.holderId,
          freeDays: days(line.freeUnits),
          chargeableDays: days(line.chargeableUnits),
          dayRate: expect.anything(),
          charge: { formatted: formatMoney(line.chargePence) },
        });
      }
    }
  });

  it("a write's payload reads nothing after its commit: booking, request and decision", async () => {
    const open = await openEngagement();
    const afterCommit = () => counter.sql.slice(counter.sql.lastIndexOf("commit") + 1);
    const booked = await ok(
      `mutation($input: BookAdviserInput!) { bookAdviser(input: $input) { __typename
        ... on BookAdviserPayload { booking { code days status adviser { code } } bookableDays } } }`,
      { input: { engagementId: open.id, adviserId: open.adviserId, weekStart: open.date, days: "0.5", status: "TENTATIVE" } },
    );
    expect(booked.bookAdviser).toMatchObject({ __typename: "BookAdviserPayload", booking: { days: "0.5", status: "TENTATIVE" } });
    // The adviser is a relation of the booking, loaded once; the booking and its days are not read again.
    expect(afterCommit().filter((statement) => /from "(bookings|region_policies)"/.test(statement))).toEqual([]);
    const requested = await ok(
      `mutation($input: RequestEngagementInput!) { requestEngagement(input: $input) { __typename
        ... on RequestEngagementPayload { waitlisted engagement { code status estimate } } } }`,
      { input: { organisationId: "org-E09000028-council", strand: "KNOWLEDGE_HUB", title: "Briefing", estimateDays: "1", startDate: "2011-06-06" } },
    );
    const engagement = (requested.requestEngagement as { engagement: { code: string; status: string; estimate: string } }).engagement;
    expect(engagement.estimate).toBe("1");
    expect(afterCommit()).toEqual([]);
    const decided = await ok(
      `mutation($input: DecideEngagementInput!) { decideEngagement(input: $input) { __typename
        ... on DecideEngagementPayload { engagement { code status estimate } transition { from to } } } }`,
      { input: { engagementId: engagement.code, to: "DECLINED" } },
    );
    expect(decided.decideEngagement).toMatchObject({ engagement: { status: "DECLINED", estimate: "1" }, transition: { from: engagement.status, to: "DECLINED" } });
    expect(afterCommit()).toEqual([]);
  });
});
