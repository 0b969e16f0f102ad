import type { RegionPolicy } from "@adviser-hub/domain";
import { type Database, loadPolicy, withTransaction } from "@adviser-hub/persistence";
import { backends, compareWithScratch, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandActor } from "./actor.js";
import { createRegion } from "./create-region.js";
import { issueStatement } from "./issue-statement.js";
import { recordDelivery } from "./record-delivery.js";
import { setRegionPolicy } from "./set-region-policy.js";
import {
  COUNCIL,
  ENG_COUNCIL,
  ENG_POLICE,
  FIXTURE_POLICY,
  REGION,
  admin,
  adviser,
  clockAt,
  funder,
  insertFixture,
  operator,
  rowCounts,
  southwark,
} from "./test-support/fixture.js";
import type { Kysely } from "kysely";

/** The policy as an argument: the region's code and name left out, as a caller sends it. */
const { code: _code, name: _name, ...POLICY } = FIXTURE_POLICY;
/** Three free days a year instead of ten. */
const LOWER: typeof POLICY = { ...POLICY, freeDaysPerYear: { defaultUnits: 6, byYear: [], byHolderYear: [] } };

async function regionCounts(db: Kysely<Database>) {
  const regions = await db.selectFrom("regions").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const policies = await db.selectFrom("region_policies").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { regions: Number(regions.n), policies: Number(policies.n), ...(await rowCounts(db)) };
}

describe.each(backends())("createRegion on %s", (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  it("opens a region with its policy and an audit row, for SERVICE_ADMIN only", async () => {
    const created = await createRegion(test.db, operator, { code: "north-east", name: "North East", policy: POLICY }, clockAt("2026-12-03T07:00:00Z"));
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ code: "north-east", name: "North East", fromFinancialYear: 1900 });
    const stored = await withTransaction(test.db, (trx) => loadPolicy(trx, "north-east", 2026));
    expect(stored.ok && stored.value).toEqual({ ...FIXTURE_POLICY, code: "north-east", name: "North East" });
    const audit = await test.db.selectFrom("audit_log").selectAll().where("region_code", "=", "north-east").execute();
    expect(audit).toMatchObject([{ actor: operator.userId, action: "createRegion", entity: "region", entity_id: "north-east", before: null }]);
    expect(audit[0]!.after).toMatchObject({ code: "north-east", policy: { unitsPerDay: 2 } });

    for (const actor of [admin, adviser, southwark, funder]) {
      const refused = await createRegion(test.db, actor, { code: "south-west", name: "South West", policy: POLICY });
      expect(!refused.ok && refused.error.code).toBe("FORBIDDEN");
    }
    expect(await test.db.selectFrom("regions").select("region_code").where("region_code", "=", "south-west").execute()).toEqual([]);
  });

  it("names every field at fault with the domain's paths under policy, and writes nothing", async () => {
    const before = await regionCounts(test.db);
    const bad = {
      ...POLICY,
      strands: { ...POLICY.strands, HOST_SUPPORT: { consumesQuota: true, chargedAfterQuota: false, heldToCapacity: true } },
      bankHolidays: [POLICY.bankHolidays[0], POLICY.bankHolidays[1], POLICY.bankHolidays[2], { date: "2010-13-40", name: "Nowhere day" }],
    };
    const refused = await createRegion(test.db, operator, { code: "North East", name: " ", policy: bad });
    expect(!refused.ok && refused.error.code).toBe("VALIDATION");
    if (refused.ok || refused.error.code !== "VALIDATION") throw new Error("expected a validation error");
    expect(refused.error.issues.map((i) => i.field).sort()).toEqual(
      ["code", "name", "policy.bankHolidays[3].date", "policy.strands.HOST_SUPPORT.consumesQuota"].sort(),
    );
    const noPolicy = await createRegion(test.db, operator, { code: "x", name: "X", policy: undefined });
    expect(!noPolicy.ok && noPolicy.error).toMatchObject({ code: "VALIDATION", field: "policy" });
    const otherCode = await createRegion(test.db, operator, { code: "x", name: "X", policy: { ...POLICY, code: "y" } });
    expect(!otherCode.ok && otherCode.error).toMatchObject({ code: "VALIDATION", field: "policy.code" });
    const taken = await createRegion(test.db, operator, { code: REGION, name: "London again", policy: POLICY });
    expect(!taken.ok && taken.error).toMatchObject({ code: "VALIDATION", field: "code" });
    expect(await regionCounts(test.db)).toEqual(before);
  });

  it("runs inside a caller's transaction, which a later failure rolls back whole", async () => {
    const before = await regionCounts(test.db);
    const outer = await withTransaction(test.db, async (trx) => {
      const first = await createRegion(trx, operator, { code: "wales", name: "Wales", policy: POLICY });
      if (!first.ok) return first;
      const set = await setRegionPolicy(trx, operator, { region: "wales", fromFinancialYear: 2026, policy: LOWER });
      if (!set.ok) return set;
      // The import's own later refusal: everything above goes with it.
      return createRegion(trx, operator, { code: "wales", name: "Wales", policy: POLICY });
    });
    expect(!outer.ok && outer.error).toMatchObject({ code: "VALIDATION", field: "code" });
    expect(await regionCounts(test.db)).toEqual(before);
  });
});

describe.each(backends())("setRegionPolicy on %s", (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend, { maxConnections: 10 });
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  const deliver = async (date: string, days: string, engagementId = ENG_COUNCIL) => {
    const result = await recordDelivery(test.db, adviser, { engagementId, adviserId: "adv-1", date, days }, clockAt(`${date}T17:30:00Z`));
    if (!result.ok) throw new Error(`delivery refused: ${result.error.message}`);
    return result.value.delivery;
  };
  const stored = (id: string) =>
    test.db
      .selectFrom("deliveries")
      .select(["free_units", "chargeable_units", "charge_pence"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("re-allocates the year of a lower allowance; the issued statement stays and the next carries adjustments", async () => {
    const may = await deliver("2010-05-03", "3");
    const june = await deliver("2010-06-10", "4");
    const july = await deliver("2010-07-01", "5");
    const issued = await issueStatement(test.db, admin, { organisationId: COUNCIL, period: "2010-07" }, clockAt("2010-08-05T10:00:00Z"));
    if (!issued.ok) throw new Error(issued.error.message);
    expect(issued.value.statement.totalPence).toBe(120_000);
    const linesBefore = await test.db.selectFrom("statement_lines").selectAll().where("statement_id", "=", issued.value.statement.id).execute();
    expect(await stored(june.id)).toEqual({ free_units: 8, chargeable_units: 0, charge_pence: 0 });

    const set = await setRegionPolicy(test.db, admin, { region: REGION, fromFinancialYear: 2010, policy: LOWER }, clockAt("2010-08-20T09:00:00Z"));
    if (!set.ok) throw new Error(set.error.message);
    // Three free days now: May's three take them, June's four and July's five are charged at 600.00.
    expect(set.value).toMatchObject({ replaced: true, reallocatedYears: [{ year: 2010, changedDeliveries: 2 }] });
    expect(await stored(may.id)).toEqual({ free_units: 6, chargeable_units: 0, charge_pence: 0 });
    expect(await stored(june.id)).toEqual({ free_units: 0, chargeable_units: 8, charge_pence: 240_000 });
    expect(await stored(july.id)).toEqual({ free_units: 0, chargeable_units: 10, charge_pence: 300_000 });
    const { expected, actual } = await compareWithScratch(test.db, REGION);
    expect(actual).toEqual(expected);

    // July's statement is as issued; August's carries the differences of June (never issued, so
    // billed nothing) and July.
    expect(await test.db.selectFrom("statement_lines").selectAll().where("statement_id", "=", issued.value.statement.id).execute()).toEqual(linesBefore);
    const august = await issueStatement(test.db, admin, { organisationId: COUNCIL, period: "2010-08" }, clockAt("2010-09-05T10:00:00Z"));
    if (!august.ok) throw new Error(august.error.message);
    expect(august.value.statement.adjustments).toMatchObject([
      { periodKey: "2010-06", billedPence: 0, recomputedPence: 240_000, amountPence: 240_000 },
      { periodKey: "2010-07", billedPence: 120_000, recomputedPence: 300_000, amountPence: 180_000 },
    ]);

    const audit = await test.db.selectFrom("audit_log").selectAll().where("action", "=", "setRegionPolicy").execute();
    expect(audit).toMatchObject([{ region_code: REGION, actor: admin.userId, entity: "regionPolicy", entity_id: `${REGION}/2010` }]);
    expect(audit[0]!.before).toMatchObject({ fromFinancialYear: 2010, policy: { freeDaysPerYear: { defaultUnits: 20 } } });
    expect(audit[0]!.after).toMatchObject({ fromFinancialYear: 2010, policy: { freeDaysPerYear: { defaultUnits: 6 } }, reallocatedYears: [{ year: 2010 }] });
  });

  it("adds a version from a later year without touching earlier years", async () => {
    const may = await deliver("2010-05-03", "12", ENG_POLICE);
    const set = await setRegionPolicy(test.db, operator, { region: REGION, fromFinancialYear: 2011, policy: LOWER });
    expect(set.ok && set.value).toMatchObject({ replaced: false, reallocatedYears: [] });
    expect(await stored(may.id)).toEqual({ free_units: 20, chargeable_units: 4, charge_pence: 110_000 });
    const versions = await test.db.selectFrom("region_policies").select("from_year").where("region_code", "=", REGION).orderBy("from_year").execute();
    expect(versions.map((v) => v.from_year)).toEqual([2010, 2011]);
  });

  it("refuses a moved financial-year start or granularity while deliveries exist, another billing period once statements are issued, other regions' admins and bad input, writing nothing", async () => {
    // Without deliveries the start may still move.
    const early = await setRegionPolicy(test.db, admin, { region: REGION, fromFinancialYear: 2012, policy: { ...POLICY, financialYearStart: { month: 1, day: 1 } } });
    expect(early.ok).toBe(true);
    await test.db.deleteFrom("region_policies").where("from_year", "=", 2012).execute();
    await deliver("2010-05-03", "1");
    const before = await regionCounts(test.db);
    const moved = await setRegionPolicy(test.db, admin, { region: REGION, fromFinancialYear: 2011, policy: { ...POLICY, financialYearStart: { month: 1, day: 1 } } });
    expect(!moved.ok && moved.error).toMatchObject({ code: "VALIDATION", field: "policy.financialYearStart" });
    const finer = await setRegionPolicy(test.db, admin, { region: REGION, fromFinancialYear: 2011, policy: { ...POLICY, unitsPerDay: 4 } });
    expect(!finer.ok && finer.error).toMatchObject({ code: "VALIDATION", field: "policy.unitsPerDay" });
    const elsewhere: CommandActor = { ...admin, regionCode: "elsewhere" };
    for (const actor of [elsewhere, adviser, southwark, funder]) {
      const refused = await setRegionPolicy(test.db, actor, { region: REGION, fromFinancialYear: 2011, policy: LOWER });
      expect(!refused.ok && refused.error.code).toBe("FORBIDDEN");
    }
    const unknown = await setRegionPolicy(test.db, operator, { region: "atlantis", fromFinancialYear: 2011, policy: LOWER });
    expect(!unknown.ok && unknown.error).toMatchObject({ code: "NOT_FOUND", field: "region" });
    const year = await setRegionPolicy(test.db, admin, { region: REGION, fromFinancialYear: 1800, policy: LOWER });
    expect(!year.ok && year.error).toMatchObject({ code: "VALIDATION", field: "fromFinancialYear" });
    const bad = await setRegionPolicy(test.db, admin, {
      region: REGION,
      fromFinancialYear: 2011,
      policy: { ...POLICY, strands: { ...POLICY.strands, PROJECT_SUPPORT: { ...POLICY.strands.PROJECT_SUPPORT, consumesQuota: "yes" } } },
    });
    expect(!bad.ok && bad.error).toMatchObject({ code: "VALIDATION", field: "policy.strands.PROJECT_SUPPORT.consumesQuota" });
    expect(await regionCounts(test.db)).toEqual(before);
    // Monthly statements may turn quarterly while none is issued; not after.
    const quarterly = { ...POLICY, billingPeriod: "QUARTER" as const };
    expect((await setRegionPolicy(test.db, admin, { region: REGION, fromFinancialYear: 2012, policy: quarterly })).ok).toBe(true);
    await test.db.deleteFrom("region_policies").where("from_year", "=", 2012).execute();
    const issued = await issueStatement(test.db, admin, { organisationId: COUNCIL, period: "2010-05" }, clockAt("2010-06-05T10:00:00Z"));
    if (!issued.ok) throw new Error(issued.error.message);
    const regrouped = await setRegionPolicy(test.db, admin, { region: REGION, fromFinancialYear: 2012, policy: quarterly });
    expect(!regrouped.ok && regrouped.error).toMatchObject({ code: "VALIDATION", field: "policy.billingPeriod" });
  });

  // PGlite has one session: concurrency is a server matter.
  if (backend === "server")
    it("racing deliveries of the same year, ends with the stored allocation the domain's from scratch", async () => {
      const policies: (typeof POLICY)[] = [LOWER, POLICY, { ...POLICY, freeDaysPerYear: { defaultUnits: 9, byYear: [], byHolderYear: [] } }];
      for (let round = 0; round < 3; round++) {
        const work = Array.from({ length: 12 }, (_, i) =>
          recordDelivery(test.db, adviser, {
            engagementId: i % 3 === 0 ? ENG_POLICE : ENG_COUNCIL,
            adviserId: "adv-1",
            date: `2010-${String(5 + ((i * 5) % 7)).padStart(2, "0")}-${String(3 + ((i * 3) % 20)).padStart(2, "0")}`,
            days: "1.5",
          }),
        );
        const change = setRegionPolicy(test.db, admin, { region: REGION, fromFinancialYear: 2010, policy: policies[round]! });
        const [changed, ...recorded] = await Promise.all([change, ...work]);
        expect(changed!.ok).toBe(true);
        expect(recorded.every((r) => r.ok)).toBe(true);
        const { expected, actual } = await compareWithScratch(test.db, REGION);
        expect(actual).toHaveLength(12 * (round + 1));
        expect(actual).toEqual(expected);
      }
      const latest = await withTransaction(test.db, (trx) => loadPolicy(trx, REGION, 2010));
      expect(latest.ok && (latest.value as RegionPolicy).freeDaysPerYear.defaultUnits).toBe(9);
    }, 60_000);
});
