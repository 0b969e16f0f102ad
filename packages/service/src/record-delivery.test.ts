import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { recordDelivery } from "./record-delivery.js";
import {
  ENG_COUNCIL,
  ENG_HOST,
  ENG_POLICE,
  ENG_RAPID,
  FIXTURE_POLICY,
  REGION,
  SOUTHWARK,
  admin,
  adviser,
  clockAt,
  funder,
  insertFixture,
  rowCounts,
} from "./test-support/fixture.js";
import { loadPolicy } from "@adviser-hub/persistence";
import { allocateHolderYear } from "./allocation/allocate-holder-year.js";

describe.each(backends())("recordDelivery on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend, { maxConnections: 12 });
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  const deliver = (engagementId: string, date: string, days: string, extra: object = {}) =>
    recordDelivery(test.db, adviser, { engagementId, adviserId: "adv-1", date, days, ...extra }, clockAt(`${date}T17:30:00Z`));

  it("allocates the worked example: 10 free days, then 2 days charged at the agreed 600.00", async () => {
    const first = await deliver(ENG_COUNCIL, "2010-05-03", "3");
    const second = await deliver(ENG_COUNCIL, "2010-06-10", "4");
    const third = await deliver(ENG_COUNCIL, "2010-07-01", "5");
    expect(first.ok && second.ok && third.ok).toBe(true);
    if (!third.ok) return;
    expect(third.value.allocation).toMatchObject({
      holderId: SOUTHWARK,
      financialYear: 2010,
      freeUnits: 6,
      chargeableUnits: 4,
      dayRatePence: 60_000,
      chargePence: 120_000,
    });
    // The police share the borough's allowance: 1.5 days at the default 550.00.
    const police = await deliver(ENG_POLICE, "2010-08-02", "1.5");
    expect(police.ok && police.value.allocation).toMatchObject({ freeUnits: 0, chargeableUnits: 3, chargePence: 82_500 });
  });

  it("moves an accepted engagement to ACTIVE on its first delivery, keeping who and when", async () => {
    const result = await deliver(ENG_COUNCIL, "2010-05-03", "1");
    expect(result.ok && result.value.transition).toMatchObject({ from: "ACCEPTED", to: "ACTIVE", by: adviser.userId });
    const second = await deliver(ENG_COUNCIL, "2010-05-04", "1");
    expect(second.ok && second.value.transition).toBeNull();
    const transitions = await test.db
      .selectFrom("engagement_transitions")
      .selectAll()
      .where("engagement_id", "=", ENG_COUNCIL)
      .execute();
    expect(transitions.map((t) => [t.from_status, t.to_status, t.by_actor, t.at.toISOString()])).toEqual([
      ["ACCEPTED", "ACTIVE", adviser.userId, "2010-05-03T17:30:00.000Z"],
    ]);
    const audit = await test.db.selectFrom("audit_log").select(["action", "actor"]).execute();
    expect(audit).toEqual([
      { action: "recordDelivery", actor: adviser.userId },
      { action: "recordDelivery", actor: adviser.userId },
    ]);
  });

  it("assigns recorded_seq in recording order and the financial year from the calendar", async () => {
    const a = await deliver(ENG_COUNCIL, "2011-03-31", "1");
    const b = await deliver(ENG_COUNCIL, "2010-04-20", "1");
    if (!a.ok || !b.ok) throw new Error("deliveries refused");
    expect(b.value.delivery.recordedSeq).toBeGreaterThan(a.value.delivery.recordedSeq);
    expect(a.value.delivery.financialYear).toBe(2010);
    const c = await deliver(ENG_COUNCIL, "2010-04-01", "1");
    expect(c.ok && c.value.delivery.financialYear).toBe(2010);
  });

  it("records a rapid-response arrival time", async () => {
    const onSiteAt = Date.parse("2010-05-20T09:30:00Z");
    const result = await deliver(ENG_RAPID, "2010-05-20", "1", { onSiteAt });
    expect(result.ok && result.value.delivery).toMatchObject({ onSite: true, startedAt: new Date(onSiteAt) });
  });

  it("allocates concurrent deliveries for one quota holder as if recorded one after another", async () => {
    const plan = Array.from({ length: 12 }, (_, i) => ({
      engagementId: i % 3 === 0 ? ENG_POLICE : ENG_COUNCIL,
      date: `2010-${String(4 + Math.floor(i / 3)).padStart(2, "0")}-${String(5 + (i % 3) * 7).padStart(2, "0")}`,
      days: i % 2 === 0 ? "1.5" : "2",
    }));
    const concurrent = await Promise.all(plan.map((p) => deliver(p.engagementId, p.date, p.days)));
    expect(concurrent.every((r) => r.ok)).toBe(true);
    const concurrentAllocation = await finalAllocation(test);

    const sequentialDb = await createTestDatabase(backend);
    try {
      await insertFixture(sequentialDb.db);
      for (const p of plan) {
        const r = await recordDelivery(sequentialDb.db, adviser, { ...p, adviserId: "adv-1" });
        expect(r.ok).toBe(true);
      }
      expect(concurrentAllocation).toEqual(await finalAllocation(sequentialDb));
    } finally {
      await sequentialDb.close();
    }
    const chargeable = concurrentAllocation.reduce((sum, line) => sum + line.chargeableUnits, 0);
    expect(chargeable).toBe(plan.reduce((s, p) => s + Number(p.days) * 2, 0) - 20);
    const seqs = await test.db.selectFrom("deliveries").select("recorded_seq").execute();
    expect(new Set(seqs.map((s) => s.recorded_seq)).size).toBe(plan.length);
  });

  it("refuses bad input with a typed error naming the field, writing nothing", async () => {
    const before = await rowCounts(test.db);
    const cases: [object, string, string][] = [
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-1", date: "2010-05-03", days: "0" }, "VALIDATION", "days"],
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-1", date: "2010-05-03", days: "-1" }, "VALIDATION", "days"],
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-1", date: "2010-05-03", days: "0.3" }, "VALIDATION", "days"],
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-1", date: "2010-02-30", days: "1" }, "VALIDATION", "date"],
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-1", date: "2011-05-03", days: "1" }, "VALIDATION", "date"],
      [{ engagementId: "eng-nope", adviserId: "adv-1", date: "2010-05-03", days: "1" }, "NOT_FOUND", "engagementId"],
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-9", date: "2010-05-03", days: "1" }, "NOT_FOUND", "adviserId"],
      // Host support only in the area of an authority hosting the delivering adviser.
      [{ engagementId: ENG_HOST, adviserId: "adv-2", date: "2010-05-03", days: "1" }, "VALIDATION", "organisationId"],
    ];
    for (const [input, code, field] of cases) {
      const result = await recordDelivery(test.db, admin, input as never);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, JSON.stringify(input)).toBe(code);
      expect((result.error as { field: string }).field, JSON.stringify(input)).toBe(field);
    }
    const forbidden = await recordDelivery(test.db, funder, { engagementId: ENG_COUNCIL, adviserId: "adv-1", date: "2010-05-03", days: "1" });
    expect(forbidden.ok || forbidden.error.code).toBe("FORBIDDEN");
    // Another region with a policy of its own: the engagement is looked up in the caller's
    // region only, so London's engagement is not found there.
    await test.db.insertInto("regions").values({ region_code: "elsewhere", name: "Elsewhere" }).execute();
    await test.db
      .insertInto("region_policies")
      .values({ region_code: "elsewhere", from_year: 2010, policy: JSON.stringify(FIXTURE_POLICY) })
      .execute();
    const otherRegion = await recordDelivery(
      test.db,
      { ...admin, regionCode: "elsewhere" },
      { engagementId: ENG_COUNCIL, adviserId: "adv-1", date: "2010-05-03", days: "1" },
    );
    expect(otherRegion.ok || otherRegion.error).toMatchObject({ code: "NOT_FOUND", entity: "Engagement", field: "engagementId" });
    expect(await rowCounts(test.db)).toEqual(before);
  });
});

async function finalAllocation(test: TestDatabase) {
  const result = await test.db.transaction().execute(async (trx) => {
    const policy = await loadPolicy(trx, REGION, 2010);
    if (!policy.ok) throw new Error("no policy");
    const byId = await allocateHolderYear(trx, policy.value, REGION, SOUTHWARK, 2010);
    const rows = await trx
      .selectFrom("deliveries as d")
      .innerJoin("engagements as e", "e.id", "d.engagement_id")
      .select(["d.id", "d.delivered_on", "d.units", "e.organisation_id"])
      .orderBy("d.delivered_on")
      .execute();
    return rows.map((r) => ({ date: r.delivered_on, organisation: r.organisation_id, units: r.units, ...byId.get(r.id)! }));
  });
  return result;
}
