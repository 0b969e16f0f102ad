import { compareWithScratch, backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { correctDelivery } from "./correct-delivery.js";
import { recordDelivery } from "./record-delivery.js";
import { ENG_POLICE, FIXTURE_POLICY, REGION, adviser, clockAt, insertFixture } from "./test-support/fixture.js";

// Two policy versions: 2010 gives 10 free days at 550.00, 2011 gives 2 free days at 700.00.
// A delivery is allocated with the policy in force for its own financial year, not the newest.
const POLICY_2011 = {
  ...FIXTURE_POLICY,
  freeDaysPerYear: { defaultUnits: 4, byYear: [], byHolderYear: [] },
  defaultDayRate: { pence: 70_000, byYear: [] },
};

describe.each(backends())("the policy of a delivery's year on %s", (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
    await test.db
      .insertInto("region_policies")
      .values({ region_code: REGION, from_year: 2011, policy: JSON.stringify(POLICY_2011) })
      .execute();
    await test.db.updateTable("engagements").set({ ends_on: "2012-03-31" }).where("id", "=", ENG_POLICE).execute();
  });
  afterEach(async () => {
    await test?.close();
  });

  const stored = (id: string) =>
    test.db
      .selectFrom("deliveries")
      .select(["financial_year", "quota_units", "free_units", "chargeable_units", "day_rate_pence", "charge_pence"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("records and corrects each delivery with the policy of its financial year", async () => {
    const record = async (date: string, days: string) => {
      const r = await recordDelivery(test.db, adviser, { engagementId: ENG_POLICE, adviserId: "adv-1", date, days }, clockAt(`${date}T17:00:00Z`));
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const early = await record("2010-06-01", "12");
    // 2010's policy: 20 free units, the 4 beyond at 550.00 a day (the newest, 2011's, would free 4).
    expect(early.allocation).toMatchObject({ financialYear: 2010, freeUnits: 20, chargeableUnits: 4, dayRatePence: 55_000, chargePence: 110_000 });
    const late = await record("2011-06-01", "3");
    expect(late.allocation).toMatchObject({ financialYear: 2011, freeUnits: 4, chargeableUnits: 2, dayRatePence: 70_000, chargePence: 70_000 });
    expect((await compareWithScratch(test.db, REGION)).actual).toEqual((await compareWithScratch(test.db, REGION)).expected);

    // Moving the 2011 delivery back into 2010: 2010's allowance is already drawn, so it is charged at 2010's rate.
    const moved = await correctDelivery(
      test.db,
      adviser,
      { deliveryId: late.delivery.id, date: "2011-03-15", reason: "typed the wrong year" },
      clockAt("2011-06-02T09:00:00Z"),
    );
    if (!moved.ok) throw new Error(moved.error.message);
    expect(await stored(late.delivery.id)).toEqual({
      financial_year: 2010,
      quota_units: 0,
      free_units: 0,
      chargeable_units: 6,
      day_rate_pence: 55_000,
      charge_pence: 165_000,
    });
    expect(await stored(early.delivery.id)).toMatchObject({ free_units: 20, chargeable_units: 4, charge_pence: 110_000 });

    // And the 2010 delivery forward into 2011: the year it left and the year it joined, each with its policy.
    const forward = await correctDelivery(
      test.db,
      adviser,
      { deliveryId: early.delivery.id, date: "2011-06-01", days: "2", reason: "belongs to 2011" },
      clockAt("2011-06-02T10:00:00Z"),
    );
    if (!forward.ok) throw new Error(forward.error.message);
    expect(await stored(early.delivery.id)).toMatchObject({ financial_year: 2011, free_units: 4, chargeable_units: 0, charge_pence: 0 });
    expect(await stored(late.delivery.id)).toMatchObject({ financial_year: 2010, free_units: 6, chargeable_units: 0, charge_pence: 0 });
    const { expected, actual } = await compareWithScratch(test.db, REGION);
    expect(actual).toEqual(expected);
  });

  it("refuses a correction to a date the adviser was not employed on, naming the date", async () => {
    const r = await recordDelivery(test.db, adviser, { engagementId: ENG_POLICE, adviserId: "adv-1", date: "2011-06-01", days: "1" });
    if (!r.ok) throw new Error(r.error.message);
    await test.db.updateTable("advisers").set({ employed_to: "2011-07-31" }).where("id", "=", "adv-1").execute();
    const moved = await correctDelivery(test.db, adviser, { deliveryId: r.value.delivery.id, date: "2011-08-02", reason: "later" });
    expect(moved).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "date" } });
    expect(await stored(r.value.delivery.id)).toMatchObject({ financial_year: 2011, free_units: 2 });
  });
});
