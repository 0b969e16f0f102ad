import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatMoney } from "@adviser-hub/domain";
import { seedLondonPilot } from "@adviser-hub/persistence";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "./auth/viewer.js";
import { formatDays } from "./format/days.js";
import { execute, StatementCounter, tokenFor } from "./testing/harness.js";
import { expectedBenchmark, expectedCapacity, expectedFundingReport, domainAllocation, loadPolicy } from "./testing/pilot-oracle.js";
import { createGateway, type Gateway } from "./yoga.js";

// The seeded London pilot, read through the gateway and checked twice: against the seed's
// known facts, and against the domain's rules applied to the same rows by the test itself.

const SOUTHWARK = "E09000028";
const DFE = "fnd-dfe";
const operationsDir = fileURLToPath(new URL("../operations/", import.meta.url));

describe.each(backends())("the seeded London pilot through the gateway on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  const counter = new StatementCounter();
  const tokens = {} as Record<Role | "OTHER_REGION" | "OTHER_AUTHORITY" | "OTHER_FUNDER", string>;

  const run = async (query: string, variables: Record<string, unknown> = {}, token: string | null = tokens.REGION_ADMIN) => {
    counter.reset();
    return execute<Record<string, unknown>>(gateway, query, { variables, token });
  };
  const ok = async (query: string, variables: Record<string, unknown> = {}, token: string | null = tokens.REGION_ADMIN) => {
    const response = await run(query, variables, token);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data as Record<string, never>;
  };
  const days = (units: number) => formatDays(units, 2);

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await seedLondonPilot(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" } });
    tokens.REGION_ADMIN = await tokenFor({ role: "REGION_ADMIN", region: "london" });
    tokens.ADVISER = await tokenFor({ role: "ADVISER", region: "london" });
    tokens.AUTHORITY = await tokenFor({ role: "AUTHORITY", region: "london", authority: SOUTHWARK });
    tokens.FUNDER = await tokenFor({ role: "FUNDER", region: "london", funder: DFE });
    tokens.OTHER_REGION = await tokenFor({ role: "REGION_ADMIN", region: "west-of-scotland" });
    tokens.OTHER_AUTHORITY = await tokenFor({ role: "AUTHORITY", region: "london", authority: "E09000020" });
    tokens.OTHER_FUNDER = await tokenFor({ role: "FUNDER", region: "london", funder: "fnd-not-a-funder" });
  });
  afterAll(() => database?.close());

  describe("reads, checked against the seed and the domain", () => {
    it("fundingReport 2010 equals the domain's value-for-money from the same rows", async () => {
      const expected = await expectedFundingReport(database.db, "london", 2010);
      const data = await ok(readFileSync(`${operationsDir}funder-report.graphql`, "utf8"), { region: "london", year: 2010 });
      const report = data.fundingReport as Record<string, never>;
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
      expect(report.outcomes).toEqual({ improved: expected.outcomes.improved, worsened: expected.outcomes.worsened, unchanged: expected.outcomes.unchanged });
      expect(report.demand).toEqual({ requestedDays: days(expected.requestedUnits), waitlistedDays: days(expected.waitlistedUnits) });
    });

    it("quotaStatement lines equal the domain's allocation of the whole region, for a borough past its free days", async () => {
      const policy = await loadPolicy(database.db, "london", 2010);
      const { allocation, lines } = await domainAllocation(database.db, "london", policy);
      const past = allocation.holderYears.filter((h) => h.year === 2010 && h.chargePence > 0 && /^E09/.test(h.holderId));
      expect(past.length).toBeGreaterThan(0);
      for (const holder of past) {
        const data = await ok(readFileSync(`${operationsDir}borough-quota.graphql`, "utf8"), { region: "london", holder: holder.holderId, year: 2010 });
        const statement = data.quotaStatement as Record<string, never>;
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
        const benchmark = data.benchmark as Record<string, never>;
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

    it("region lists 33 authorities, 3 advisers, 3 funders and filters its 80 engagements", async () => {
      const data = await ok(`{ region(code: "london") { code name unitsPerDay authorities(first: 100) { totalCount edges { node { code } } }
        advisers { code fte } funders { code contribution(year: 2010) { pence } } } }`);
      const region = data.region as Record<string, never>;
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
      expect(await count("first: 1, status: [COMPLETED]")).toBe(69);
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
    const counted = async (query: string, variables: Record<string, unknown> = {}, token: string = tokens.REGION_ADMIN) => {
      await ok(query, variables, token);
      return counter.count;
    };

    it("a nested engagements page costs the same few statements whatever its size", async () => {
      const small = await counted(engagements(5));
      const large = await counted(engagements(80));
      // region, page+count, policy, organisations, authorities, advisers, deliveries, bookings,
      // history, delivered totals: one each, batched by DataLoader.
      expect(small).toBe(large);
      expect(large).toBeLessThanOrEqual(10);
    });

    it("reports cost a fixed number of statements", async () => {
      expect(await counted(readFileSync(`${operationsDir}funder-report.graphql`, "utf8"), { region: "london", year: 2010 })).toBe(10);
      expect(await counted(readFileSync(`${operationsDir}borough-quota.graphql`, "utf8"), { region: "london", holder: SOUTHWARK, year: 2010 })).toBe(3);
      expect(await counted(readFileSync(`${operationsDir}next-quarter-capacity.graphql`, "utf8"), { region: "london", from: "2011-01-03" })).toBe(4);
      expect(await counted(readFileSync(`${operationsDir}benchmark.graphql`, "utf8"), { region: "london", year: 2010, measure: "REFERRALS" })).toBe(2);
      expect(await counted(`{ viewer { role } }`)).toBe(0);
    });
  });
});
