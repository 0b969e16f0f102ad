import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backends,
  createTestDatabase,
  insertMinimalRegion,
  MINIMAL,
  type TestDatabase,
} from "../test-support/index.js";
import { withTransaction } from "./with-transaction.js";

const { regionCode, adviserId, engagementId, authorityId } = MINIMAL;

const delivery = {
  region_code: regionCode,
  id: "d-1",
  adviser_id: adviserId,
  engagement_id: engagementId,
  delivered_on: "2010-05-03",
  units: 2,
  financial_year: 2010,
};
const booking = {
  region_code: regionCode,
  id: "b-1",
  adviser_id: adviserId,
  engagement_id: engagementId,
  week_start: "2010-05-03",
  units: 2,
  status: "CONFIRMED" as const,
};
const hosting = {
  region_code: regionCode,
  adviser_id: adviserId,
  authority_id: authorityId,
  starts_on: "2010-04-01",
  ends_on: null,
  salary_share_bp: 5000,
  commitment_units_per_week: 2,
};

describe.each(backends())("database errors on %s", (backend) => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    await insertMinimalRegion(test.db);
  });
  afterAll(async () => {
    await test.close();
  });

  /** Runs one write in a transaction and returns its failure. */
  async function failureOf(write: Parameters<typeof withTransaction<unknown, never>>[1]) {
    const result = await withTransaction(test.db, write);
    if (result.ok) throw new Error("the write was expected to fail");
    return result.error;
  }

  it.each([
    ["units of zero", "units", () => ({ ...delivery, units: 0 })],
    ["negative units", "units", () => ({ ...delivery, units: -2 })],
    ["a financial year far from the date", "financialYear", () => ({ ...delivery, financial_year: 2014 })],
  ])("a delivery with %s is refused naming %s", async (_, field, row) => {
    const error = await failureOf(async (trx) => {
      await trx.insertInto("deliveries").values(row()).execute();
      return { ok: true, value: null };
    });
    expect(error).toEqual({
      code: "VALIDATION",
      field,
      message: expect.any(String),
      issues: [{ field, message: expect.any(String) }],
    });
  });

  it("a booking for a week that does not start on Monday is refused naming weekStart", async () => {
    const error = await failureOf(async (trx) => {
      await trx.insertInto("bookings").values({ ...booking, week_start: "2010-05-05" }).execute();
      return { ok: true, value: null };
    });
    expect(error).toMatchObject({ code: "VALIDATION", field: "weekStart", message: "must be a Monday" });
  });

  it("a salary share above 10000 is refused naming salaryShareBp", async () => {
    const error = await failureOf(async (trx) => {
      await trx.insertInto("host_arrangements").values({ ...hosting, id: "h-1", salary_share_bp: 10001 }).execute();
      return { ok: true, value: null };
    });
    expect(error).toMatchObject({ code: "VALIDATION", field: "salaryShareBp" });
  });

  it("concurrent salary shares of one adviser above 1.0 are refused, and nothing is kept", async () => {
    const error = await failureOf(async (trx) => {
      await trx.insertInto("host_arrangements").values({ ...hosting, id: "h-1", salary_share_bp: 6000 }).execute();
      await trx
        .insertInto("host_arrangements")
        .values({ ...hosting, id: "h-2", starts_on: "2010-09-01", salary_share_bp: 5000 })
        .execute();
      return { ok: true, value: null };
    });
    expect(error).toMatchObject({ code: "VALIDATION", field: "salaryShareBp" });
    expect(await test.db.selectFrom("host_arrangements").selectAll().execute()).toEqual([]);
  });

  it("an arrangement that ends before it starts is refused naming endsOn", async () => {
    const error = await failureOf(async (trx) => {
      await trx
        .insertInto("host_arrangements")
        .values({ ...hosting, id: "h-1", starts_on: "2010-04-01", ends_on: "2010-03-31" })
        .execute();
      return { ok: true, value: null };
    });
    expect(error).toMatchObject({ code: "VALIDATION", field: "endsOn", message: "must not be before startsOn" });
  });

  it("an unknown engagement is NOT_FOUND naming engagementId and the id", async () => {
    const error = await failureOf(async (trx) => {
      await trx.insertInto("deliveries").values({ ...delivery, engagement_id: "eng-missing" }).execute();
      return { ok: true, value: null };
    });
    expect(error).toEqual({
      code: "NOT_FOUND",
      entity: "engagement",
      id: "eng-missing",
      field: "engagementId",
      message: "engagement eng-missing not found",
    });
  });

  it("an unknown home authority is NOT_FOUND naming homeAuthorityId", async () => {
    const error = await failureOf(async (trx) => {
      await trx
        .insertInto("organisations")
        .values({ region_code: regionCode, id: "org-x", name: "X", kind: "POLICE", home_authority_id: "E09000099" })
        .execute();
      return { ok: true, value: null };
    });
    expect(error).toMatchObject({ code: "NOT_FOUND", entity: "authority", id: "E09000099", field: "homeAuthorityId" });
  });

  it("a duplicate id is refused naming id", async () => {
    const error = await failureOf(async (trx) => {
      await trx.insertInto("advisers").values({
        region_code: regionCode,
        id: adviserId,
        name: "Again",
        fte_bp: 5000,
        employed_from: "2010-04-01",
      }).execute();
      return { ok: true, value: null };
    });
    expect(error).toMatchObject({ code: "VALIDATION", field: "id", message: "an adviser with this id already exists" });
  });

  it("a suppressed statistic with a value is refused naming value", async () => {
    const error = await failureOf(async (trx) => {
      await trx.insertInto("benchmark_statistics").values({
        region_code: regionCode,
        authority_id: authorityId,
        year: 2010,
        measure: "REFERRALS",
        value: 3,
        suppressed: true,
        symbol: "SUPPRESSED",
        source: "synthetic",
      }).execute();
      return { ok: true, value: null };
    });
    expect(error).toMatchObject({ code: "VALIDATION", field: "value" });
  });

  it.each([
    ["a value and a symbol", "value", { value: 3, symbol: "UNAVAILABLE", suppressed: false }],
    ["neither a value nor a symbol", "value", { value: null, symbol: null, suppressed: false }],
    ["an unknown symbol", "symbol", { value: null, symbol: "ZERO", suppressed: false }],
    ["suppressed for a symbol other than c", "suppressed", { value: null, symbol: "LOW", suppressed: true }],
  ])("a published figure with %s is refused naming %s", async (_, field, figure) => {
    const error = await failureOf(async (trx) => {
      await trx.insertInto("benchmark_statistics").values({ region_code: regionCode, authority_id: authorityId, year: 2010, measure: "REFERRALS", source: "test", ...figure }).execute();
      return { ok: true, value: null };
    });
    expect(error).toMatchObject({ code: "VALIDATION", field });
  });

  it("a national comparator with a value and a symbol, or no population, is refused", async () => {
    const area = { region_code: regionCode, level: "NATIONAL" as const, area_code: "E92000001", area_name: "England", year: 2010, measure: "REFERRALS", source: "test" };
    for (const [field, figure] of [
      ["value", { value: 5, symbol: "SUPPRESSED", child_population: null }],
      ["childPopulation", { value: 5, symbol: null, child_population: 0 }],
    ] as const) {
      const error = await failureOf(async (trx) => {
        await trx.insertInto("benchmark_area_statistics").values({ ...area, ...figure }).execute();
        return { ok: true, value: null };
      });
      expect(error).toMatchObject({ code: "VALIDATION", field });
    }
  });

  it("a date PostgreSQL cannot read is a validation error, not a driver message", async () => {
    const error = await failureOf(async (trx) => {
      await trx.insertInto("deliveries").values({ ...delivery, delivered_on: "2010-02-30" }).execute();
      return { ok: true, value: null };
    });
    expect(error).toMatchObject({ code: "VALIDATION", message: "is not a valid date or time" });
    expect(JSON.stringify(error)).not.toMatch(/date\/time field value out of range/);
  });
});
