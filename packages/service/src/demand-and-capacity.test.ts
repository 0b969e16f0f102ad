import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capacityForecast } from "./capacity-forecast.js";
import { correctDelivery } from "./correct-delivery.js";
import { demandAndCapacity } from "./demand-and-capacity.js";
import { createPolicySource } from "./policy-source.js";
import { recordDelivery } from "./record-delivery.js";
import { ENG_COUNCIL, ENG_HOST, ENG_LSCB, ENG_POLICE, REGION, adviser, clockAt, funder, insertFixture, southwark } from "./test-support/fixture.js";

describe.each(backends())("demandAndCapacity on %s", (backend) => {
  let test: TestDatabase;
  const args = { region: REGION, from: "2010-05-05", weeks: 4, maxWeeks: 52 };

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
    // Every engagement estimates 60 units (30 days); 3 days are delivered on the council's.
    const delivered = await recordDelivery(test.db, adviser, { engagementId: ENG_COUNCIL, adviserId: "adv-1", date: "2010-05-04", days: "3" }, clockAt("2010-05-04T17:00:00Z"));
    expect(delivered.ok).toBe(true);
    // A delivery recorded and then removed counts for nothing.
    const mistaken = await recordDelivery(test.db, adviser, { engagementId: ENG_COUNCIL, adviserId: "adv-1", date: "2010-05-05", days: "2" }, clockAt("2010-05-05T17:00:00Z"));
    if (!mistaken.ok) throw new Error(mistaken.error.message);
    const removed = await correctDelivery(test.db, adviser, { deliveryId: mistaken.value.delivery.id, remove: true, reason: "recorded twice" }, clockAt("2010-05-06T09:00:00Z"));
    expect(removed.ok).toBe(true);
    await test.db.updateTable("engagements").set({ status: "WAITLISTED" }).where("id", "=", ENG_POLICE).execute();
    await test.db.updateTable("engagements").set({ status: "REQUESTED" }).where("id", "=", ENG_LSCB).execute();
    await test.db.updateTable("engagements").set({ status: "COMPLETED" }).where("id", "=", ENG_HOST).execute();
  });
  afterAll(() => test?.close());

  it("counts accepted estimates not yet delivered and waitlisted requests against the forecast's bookable weeks", async () => {
    const result = await demandAndCapacity(test.db, createPolicySource(test.db), funder, args);
    if (!result.ok) throw new Error(result.error.message);
    const forecast = await capacityForecast(test.db, createPolicySource(test.db), funder, args);
    if (!forecast.ok) throw new Error(forecast.error.message);
    const weekStarts = ["2010-05-03", "2010-05-10", "2010-05-17", "2010-05-24"];
    expect(result.value.weeks.map((w) => w.weekStart)).toEqual(weekStarts);
    expect(result.value.weeks.map((w) => w.bookableUnits)).toEqual(
      weekStarts.map((weekStart) => forecast.value.filter((f) => f.week.weekStart === weekStart).reduce((sum, f) => sum + f.week.bookableUnits, 0)),
    );
    const bookable = result.value.weeks.reduce((sum, w) => sum + w.bookableUnits, 0);
    expect(bookable).toBeGreaterThan(0);
    expect(result.value.unitsPerDay).toBe(2);
    // Accepted: the council's 60 - 6 delivered, the rapid-response 60; waitlisted: the police's 60;
    // requested (not counted): the LSCB's 60; the completed host engagement not at all.
    expect(result.value.figures).toMatchObject({
      horizonWeeks: 4,
      acceptedOutstandingUnits: 54 + 60,
      waitlistedUnits: 60,
      requestedUnits: 60,
      demandUnits: 174,
      bookableUnits: bookable,
    });
  });

  it("refuses a horizon outside 1 to maxWeeks naming weeks, and another region's reader", async () => {
    for (const weeks of [0, 53, 1.5])
      expect(await demandAndCapacity(test.db, createPolicySource(test.db), southwark, { ...args, weeks })).toEqual({
        ok: false,
        error: expect.objectContaining({ code: "VALIDATION", field: "weeks" }),
      });
    const other = await demandAndCapacity(test.db, createPolicySource(test.db), { ...southwark, regionCode: "west-of-scotland" }, args);
    expect(other).toEqual({ ok: false, error: expect.objectContaining({ code: "FORBIDDEN" }) });
  });
});
