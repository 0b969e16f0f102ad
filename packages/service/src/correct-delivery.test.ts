import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { correctDelivery } from "./correct-delivery.js";
import { recordDelivery } from "./record-delivery.js";
import { ENG_COUNCIL, admin, adviser, clockAt, funder, insertFixture, rowCounts } from "./test-support/fixture.js";

describe.each(backends())("correctDelivery on %s", (backend) => {
  let test: TestDatabase;
  let deliveryId: string;

  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
    const recorded = await recordDelivery(
      test.db,
      adviser,
      { engagementId: ENG_COUNCIL, adviserId: "adv-1", date: "2011-03-30", days: "2" },
      clockAt("2011-03-30T17:30:00Z"),
    );
    if (!recorded.ok) throw new Error(recorded.error.message);
    deliveryId = recorded.value.delivery.id;
  });
  afterEach(async () => {
    await test?.close();
  });

  it("edits a delivery, keeping the old version in the audit log and its place in the recorded order", async () => {
    const result = await correctDelivery(
      test.db,
      adviser,
      { deliveryId, expectedVersion: 1, date: "2010-04-01", days: "1.5", reason: "wrong date typed" },
      clockAt("2011-04-05T09:00:00Z"),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.before).toMatchObject({ date: "2011-03-30", units: 4, version: 1, financialYear: 2010 });
    expect(result.value.delivery).toMatchObject({ date: "2010-04-01", units: 3, version: 2, financialYear: 2010 });
    // Recorded order does not change: the correction is the same delivery.
    expect(result.value.delivery.recordedSeq).toBe(result.value.before.recordedSeq);
    const audit = await test.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("entity_id", "=", deliveryId)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["recordDelivery", "correctDelivery"]);
    expect(audit[1]!.before).toMatchObject({ date: "2011-03-30", units: 4, reason: "wrong date typed" });
    expect(audit[1]!.after).toMatchObject({ date: "2010-04-01", units: 3 });
  });

  it("refuses bad corrections with a typed error naming the field, writing nothing", async () => {
    const before = await rowCounts(test.db);
    const cases: [object, string, string][] = [
      [{ deliveryId, days: "1" }, "VALIDATION", "reason"],
      [{ deliveryId, reason: "nothing to change" }, "VALIDATION", "days"],
      [{ deliveryId, days: "0", reason: "r" }, "VALIDATION", "days"],
      [{ deliveryId, days: "0.75", reason: "r" }, "VALIDATION", "days"],
      [{ deliveryId, date: "2011-04-04", reason: "r" }, "VALIDATION", "date"],
      [{ deliveryId, date: "yesterday", reason: "r" }, "VALIDATION", "date"],
      [{ deliveryId, days: "1", expectedVersion: 5, reason: "r" }, "VALIDATION", "expectedVersion"],
      [{ deliveryId: "dlv-nope", days: "1", reason: "r" }, "NOT_FOUND", "deliveryId"],
      [{ deliveryId: "", days: "1", reason: "r" }, "VALIDATION", "deliveryId"],
    ];
    for (const [input, code, field] of cases) {
      const result = await correctDelivery(test.db, admin, input as never);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, JSON.stringify(input)).toBe(code);
      expect((result.error as { field: string }).field, JSON.stringify(input)).toBe(field);
    }
    const byFunder = await correctDelivery(test.db, funder, { deliveryId, days: "1", reason: "r" });
    expect(!byFunder.ok && byFunder.error.code).toBe("FORBIDDEN");
    expect(await rowCounts(test.db)).toEqual(before);

    const removed = await correctDelivery(test.db, admin, { deliveryId, remove: true, reason: "duplicate" });
    expect(removed.ok).toBe(true);
    const again = await correctDelivery(test.db, admin, { deliveryId, remove: true, reason: "duplicate" });
    expect(!again.ok && again.error).toMatchObject({ code: "VALIDATION", field: "deliveryId" });
  });
});
