import {
  checkSalaryShares,
  DAY_RATE_RULE,
  type Engagement,
  isDayRatePence,
  MAX_DAY_RATE_PENCE,
  MAX_DELIVERY_UNITS,
  type RegionPolicy,
  validateBookingInput,
  validateDeliveryInput,
  validateEngagementInput,
  westOfScotlandPolicy,
} from "@adviser-hub/domain";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CONSTRAINT_MEANINGS } from "../errors/constraint-catalogue.js";
import { withTransaction } from "../errors/with-transaction.js";
import type { Database } from "../schema.js";
import { backends, createTestDatabase, emptyDatabase, insertMinimalRegion, MINIMAL, type TestDatabase } from "../test-support/index.js";
import { MigrationFailedError, migrateToLatest, migrations } from "./index.js";

// Each bound of migration 0006 against the domain rule it copies: the database refuses exactly
// the values the domain refuses (just outside the range) and takes the ones it takes (the range's
// ends), each refusal a typed error naming the field, and nothing written.

const { regionCode, adviserId, engagementId, authorityId, organisationId } = MINIMAL;
/** Half days, so that one unit past MAX_DELIVERY_UNITS is still a well-formed day count. */
const policy: RegionPolicy = { ...westOfScotlandPolicy, unitsPerDay: 2 };
const days = (units: number) => (units % 2 === 0 ? String(units / 2) : `${(units - 1) / 2}.5`);
const engagement: Pick<Engagement, "id" | "status" | "startDate" | "endDate" | "strand"> = {
  id: engagementId,
  status: "ACCEPTED",
  startDate: "2010-04-01",
  endDate: null,
  strand: "PROJECT_SUPPORT",
};

/** The domain's verdict on a value, as the field it names (undefined = accepted). */
type DomainVerdict = (value: number) => string | undefined;
const issueField = (r: { ok: boolean; error?: unknown }): string | undefined =>
  r.ok ? undefined : (r as { error: { field: string } }).error.field;

interface Case {
  readonly constraint: string;
  readonly field: string;
  readonly refused: readonly number[];
  readonly accepted: readonly number[];
  readonly domain: DomainVerdict;
  /** A rule trigger that may refuse the same value first (its meaning names the same field). */
  readonly orRefusedBy?: string;
  /** Writes a row carrying `value`; `n` keeps ids apart. */
  readonly write: (trx: import("kysely").Transaction<Database>, value: number, n: number) => Promise<unknown>;
}

const delivery = (n: number, units: number) => ({
  region_code: regionCode,
  id: `bound-d-${n}`,
  adviser_id: adviserId,
  engagement_id: engagementId,
  delivered_on: "2010-05-03",
  units,
  financial_year: 2010,
});

const CASES: readonly Case[] = [
  {
    constraint: "organisation_rates_day_rate_range",
    field: "dayRatePence",
    refused: [-1, 0, MAX_DAY_RATE_PENCE + 1],
    accepted: [1, MAX_DAY_RATE_PENCE],
    // Rule 5: the one test of every rate that enters, negotiated rates included.
    domain: (v) => (isDayRatePence(v) ? undefined : "dayRatePence"),
    write: (trx, v, n) =>
      trx
        .insertInto("organisation_rates")
        .values({ region_code: regionCode, organisation_id: organisationId, financial_year: 2000 + n, day_rate_pence: v })
        .execute(),
  },
  {
    constraint: "engagements_agreed_rate_range",
    field: "agreedRatePence",
    refused: [0, MAX_DAY_RATE_PENCE + 1],
    accepted: [1, MAX_DAY_RATE_PENCE],
    domain: (v) =>
      issueField(
        validateEngagementInput(policy, { organisationId, strand: "PROJECT_SUPPORT", agreedDayRatePence: v, estimateDays: "1", startDate: "2010-05-03" }),
      ) && "agreedRatePence",
    write: (trx, v) =>
      trx.updateTable("engagements").set({ agreed_rate_pence: v }).where("region_code", "=", regionCode).where("id", "=", engagementId).execute(),
  },
  {
    constraint: "engagements_estimate_range",
    field: "estimateUnits",
    refused: [0, MAX_DELIVERY_UNITS + 1],
    accepted: [1, MAX_DELIVERY_UNITS],
    domain: (v) =>
      issueField(validateEngagementInput(policy, { organisationId, strand: "PROJECT_SUPPORT", estimateDays: days(v), startDate: "2010-05-03" })) &&
      "estimateUnits",
    write: (trx, v) =>
      trx.updateTable("engagements").set({ estimate_units: v }).where("region_code", "=", regionCode).where("id", "=", engagementId).execute(),
  },
  {
    constraint: "host_arrangements_salary_share_range",
    field: "salaryShareBp",
    refused: [0, 10_001],
    accepted: [1, 10_000],
    // Rule 7. A share above 10000 also tips the adviser's total, which a trigger checks first.
    orRefusedBy: "host_arrangements_share_total",
    domain: (v) =>
      issueField(
        checkSalaryShares([
          { regionCode, id: "h", adviserId, authorityId, startDate: "2010-04-01", endDate: null, salaryShareBp: v, commitmentUnitsPerWeek: 2 },
        ]),
      ) && "salaryShareBp",
    write: (trx, v, n) =>
      trx
        .insertInto("host_arrangements")
        .values({
          region_code: regionCode,
          id: `bound-h-${n}`,
          adviser_id: adviserId,
          authority_id: authorityId,
          starts_on: "2010-04-01",
          ends_on: null,
          salary_share_bp: v,
          commitment_units_per_week: 2,
        })
        .execute(),
  },
  {
    constraint: "deliveries_units_range",
    field: "units",
    refused: [0, MAX_DELIVERY_UNITS + 1],
    accepted: [1, MAX_DELIVERY_UNITS],
    domain: (v) =>
      issueField(validateDeliveryInput(policy, { engagementId, adviserId, date: "2010-05-03", days: days(v) }, engagement)) && "units",
    write: (trx, v, n) => trx.insertInto("deliveries").values(delivery(n, v)).execute(),
  },
  {
    constraint: "bookings_units_range",
    field: "units",
    refused: [0, MAX_DELIVERY_UNITS + 1],
    accepted: [1, MAX_DELIVERY_UNITS],
    domain: (v) =>
      issueField(validateBookingInput(policy, { engagementId, adviserId, weekStart: "2010-05-03", days: days(v), status: "CONFIRMED" })) && "units",
    write: (trx, v, n) =>
      trx
        .insertInto("bookings")
        .values({ region_code: regionCode, id: `bound-b-${n}`, adviser_id: adviserId, engagement_id: engagementId, week_start: "2010-05-03", units: v, status: "CONFIRMED" })
        .execute(),
  },
  {
    constraint: "deliveries_allocation_rate_bounded",
    field: "dayRatePence",
    refused: [MAX_DAY_RATE_PENCE + 1],
    accepted: [MAX_DAY_RATE_PENCE],
    // The allocation prices chargeable units only at rates that pass isDayRatePence.
    domain: (v) => (isDayRatePence(v) ? undefined : "dayRatePence"),
    write: (trx, v, n) =>
      trx
        .insertInto("deliveries")
        .values({
          ...delivery(n, 1),
          holder_id: authorityId,
          quota_units: 0,
          free_units: 0,
          chargeable_units: 1,
          day_rate_pence: v,
          charge_pence: 50_000,
        })
        .execute(),
  },
];

describe("the bounds of migration 0006", () => {
  it("name the domain's own limits", () => {
    expect([MAX_DAY_RATE_PENCE, MAX_DELIVERY_UNITS]).toEqual([100_000_000, 1_000_000]);
    expect(CONSTRAINT_MEANINGS.organisation_rates_day_rate_range?.message).toBe(DAY_RATE_RULE);
  });

  it.each(CASES.map((c) => [c.constraint, c] as const))("%s: the domain refuses just outside its range and takes its ends", (_, c) => {
    for (const v of c.refused) expect(c.domain(v), `${c.constraint} ${v}`).toBe(c.field);
    for (const v of c.accepted) expect(c.domain(v), `${c.constraint} ${v}`).toBeUndefined();
  });
});

describe.each(backends())("the database agrees with the domain on %s", (backend) => {
  let test: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    test = await createTestDatabase(backend);
    await insertMinimalRegion(test.db);
  });
  afterAll(() => test?.close());

  it.each(CASES.map((c) => [c.constraint, c.field, c] as const))("%s refuses what the domain refuses, naming %s", async (_, field, c) => {
    for (const v of c.refused) {
      n += 1;
      const result = await withTransaction(test.db, async (trx) => {
        await c.write(trx, v, n);
        return { ok: true as const, value: null };
      });
      const messages = [c.constraint, c.orRefusedBy].flatMap((name) => (name === undefined ? [] : [CONSTRAINT_MEANINGS[name]!.message]));
      expect(result, `${c.constraint} ${v}`).toMatchObject({ ok: false, error: { code: "VALIDATION", field, issues: [{ field }] } });
      const error = (result as { error: { message: string; issues: readonly { message: string }[] } }).error;
      expect(messages, `${c.constraint} ${v}`).toContain(error.message);
      expect(error.issues).toEqual([{ field, message: error.message }]);
    }
    for (const v of c.accepted) {
      n += 1;
      // Taken, then rolled back so each case starts from the minimal region.
      const kept = await test.db
        .transaction()
        .execute(async (trx) => {
          await c.write(trx, v, n);
          throw new Error("taken");
        })
        .catch((e: unknown) => e);
      expect((kept as Error).message, `${c.constraint} ${v}`).toBe("taken");
    }
  });
});

const THIS = "2026-12-02-0006-domain-bounds";

describe.each(backends())("migration 0006 on rows written before it, on %s", (backend) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  it("refuses rows the domain refuses, naming each, changes nothing, and runs once they are corrected", async () => {
    const empty = await emptyDatabase(backend);
    dispose = empty.dispose;
    const { db } = empty.app;
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < THIS));
    await migrateToLatest(db, { migrations: before });
    await insertMinimalRegion(db);
    // Allowed before 0006, refused by the domain.
    await db.insertInto("organisation_rates").values({ region_code: regionCode, organisation_id: organisationId, financial_year: 2010, day_rate_pence: 0 }).execute();
    await db.updateTable("engagements").set({ estimate_units: 0 }).execute();
    await db.insertInto("deliveries").values([delivery(1, MAX_DELIVERY_UNITS + 1), delivery(2, MAX_DELIVERY_UNITS + 2)]).execute();

    const failure = await migrateToLatest(db).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect((failure as MigrationFailedError).migrationName).toBe(THIS);
    expect(String(((failure as MigrationFailedError).cause as Error).message)).toBe(
      "existing rows break the domain's bounds; correct them and migrate again (nothing was changed): " +
        "organisation_rates.day_rate_pence outside 1..100000000 pence: 1 row; " +
        "engagements.estimate_units outside 1..1000000 units: 1 row; " +
        "deliveries.units outside 1..1000000 units: 2 rows",
    );
    // Nothing changed: the old checks stand, the rows are as they were.
    const names = async () =>
      (
        await sql<{ conname: string }>`select conname from pg_constraint where conname in
          ('organisation_rates_day_rate_not_negative', 'organisation_rates_day_rate_range', 'deliveries_units_positive', 'deliveries_units_range')
          order by conname`.execute(db)
      ).rows.map((r) => r.conname);
    expect(await names()).toEqual(["deliveries_units_positive", "organisation_rates_day_rate_not_negative"]);
    expect((await db.selectFrom("deliveries").select("units").orderBy("id").execute()).map((r) => r.units)).toEqual([
      MAX_DELIVERY_UNITS + 1,
      MAX_DELIVERY_UNITS + 2,
    ]);

    await db.deleteFrom("organisation_rates").execute();
    await db.updateTable("engagements").set({ estimate_units: 20 }).execute();
    await db.updateTable("deliveries").set({ units: MAX_DELIVERY_UNITS }).execute();
    const results = await migrateToLatest(db);
    expect(results.find((r) => r.migrationName === THIS)?.status).toBe("Success");
    expect(results.filter((r) => r.status !== "Success")).toEqual([]);
    expect(await names()).toEqual(["deliveries_units_range", "organisation_rates_day_rate_range"]);
  });
});
