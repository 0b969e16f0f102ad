import { reconcileStatements } from "@adviser-hub/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, compareWithScratch, createTestDatabase, insertWestOfScotland, policyOfYear, type TestDatabase, WEST } from "@adviser-hub/persistence/testing";
import { quotaHolderYear, loadOrganisation, statementInput } from "@adviser-hub/persistence";
import type { CommandActor } from "./actor.js";
import { correctDelivery } from "./correct-delivery.js";
import { issueStatement } from "./issue-statement.js";
import { recordDelivery } from "./record-delivery.js";

// The second policy shape through the commands and the quota statement's query: organisation
// pooling, a 2011 allowance of its own, quarter days, a July year, quarterly statements and a
// second charged strand, priced at agreed, negotiated and default rates of two years.

const adviser: CommandActor = { role: "ADVISER", regionCode: WEST.regionCode, userId: "user-wos-adviser" };
const admin: CommandActor = { role: "REGION_ADMIN", regionCode: WEST.regionCode, userId: "user-wos-admin" };
const at = (iso: string) => ({ clock: { now: () => Date.parse(iso) } });

describe.each(backends())("West of Scotland charges on %s", (backend) => {
  let test: TestDatabase;
  const ids: Record<string, string> = {};

  async function record(key: string, engagementId: string, date: string, days: string) {
    const result = await recordDelivery(test.db, adviser, { engagementId, adviserId: WEST.adviserId, date, days }, at(`${date}T17:00:00Z`));
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
    ids[key] = result.value.delivery.id;
    return result.value.allocation;
  }
  const totals = (holder: string, year: number) => quotaHolderYear(test.db, WEST.regionCode, year, holder).then((h) => h.totals);

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    await insertWestOfScotland(test.db);
  });
  afterAll(() => test?.close());

  it("allocates each organisation's own allowance and prices at agreed, negotiated and default rates", async () => {
    // 2010-11 (July to June): 24 units (6 days) per organisation.
    expect(await record("project", WEST.councilProject, "2010-08-03", "5")).toMatchObject({ freeUnits: 20, chargeableUnits: 0, chargePence: 0 });
    // The allowance runs out inside the delivery: 4 units free, 5 charged at the 2010 default of 480.00.
    expect(await record("strategic", WEST.councilStrategic, "2010-09-07", "2.25")).toEqual({
      holderId: WEST.council,
      financialYear: 2010,
      freeUnits: 4,
      chargeableUnits: 5,
      dayRatePence: 48_000,
      chargePence: 60_000,
    });
    // Rapid response is free and draws nothing from the allowance.
    expect(await record("rapid", WEST.councilRapid, "2010-10-05", "1")).toMatchObject({ freeUnits: 4, chargeableUnits: 0 });
    // Past the allowance, project support pays the agreed 520.00.
    expect(await record("late", WEST.councilProject, "2010-10-12", "1")).toMatchObject({ chargeableUnits: 4, dayRatePence: 52_000, chargePence: 52_000 });
    // The police share the council's area but not its allowance; 2 quarter days at the negotiated
    // 450.01 cost 225.005, rounded half up to 225.01.
    expect(await record("police", WEST.policeStrategic, "2010-09-14", "6.5")).toMatchObject({
      holderId: WEST.police,
      chargeableUnits: 2,
      dayRatePence: 45_001,
      chargePence: 22_501,
    });
    // A region-wide body holds its own allowance too.
    expect(await record("board", WEST.boardStrategic, "2010-11-02", "7")).toMatchObject({ holderId: WEST.board, chargeableUnits: 4, chargePence: 48_000 });
    // 2011-12: the allowance is 20 units and the default 495.00; the negotiated rate was for 2010 only.
    expect(await record("next", WEST.councilStrategic, "2011-09-06", "6.25")).toMatchObject({ financialYear: 2011, freeUnits: 20, chargeableUnits: 5, dayRatePence: 49_500, chargePence: 61_875 });
    expect(await record("police-next", WEST.policeStrategic, "2011-09-13", "1")).toMatchObject({ financialYear: 2011, freeUnits: 4, chargeableUnits: 0 });

    expect(await totals(WEST.council, 2010)).toEqual({ deliveredUnits: 37, quotaUnits: 24, freeUnits: 28, chargeableUnits: 9, chargePence: 112_000 });
    expect(await totals(WEST.police, 2010)).toEqual({ deliveredUnits: 26, quotaUnits: 24, freeUnits: 24, chargeableUnits: 2, chargePence: 22_501 });
    expect(await totals(WEST.council, 2011)).toEqual({ deliveredUnits: 25, quotaUnits: 20, freeUnits: 20, chargeableUnits: 5, chargePence: 61_875 });
    // Organisation pooling: an authority holds nothing.
    expect(await totals(WEST.glasgow, 2010)).toEqual({ deliveredUnits: 0, quotaUnits: 0, freeUnits: 0, chargeableUnits: 0, chargePence: 0 });
    const lines = (await quotaHolderYear(test.db, WEST.regionCode, 2010, WEST.council)).lines;
    expect(lines.map((l) => [l.id, l.quotaUnits, l.chargePence])).toEqual([
      [ids.project, 20, 0],
      [ids.strategic, 4, 60_000],
      [ids.rapid, 0, 0],
      [ids.late, 0, 52_000],
    ]);
    const { expected, actual } = await compareWithScratch(test.db, WEST.regionCode);
    expect(actual).toEqual(expected);
  });

  it("re-allocates on removal and on a move across years, and the next statement carries the difference", async () => {
    const q1 = await issueStatement(test.db, admin, { organisationId: WEST.council, period: "2010-Q1" }, at("2010-10-01T09:00:00Z"));
    if (!q1.ok) throw new Error(q1.error.message);
    expect(q1.value.statement.totalPence).toBe(60_000);

    const removed = await correctDelivery(test.db, adviser, { deliveryId: ids.project!, remove: true, reason: "recorded against the wrong engagement" });
    if (!removed.ok) throw new Error(removed.error.message);
    // The strategic work and the late project day now fit the allowance: nothing is charged.
    expect(await totals(WEST.council, 2010)).toEqual({ deliveredUnits: 17, quotaUnits: 13, freeUnits: 17, chargeableUnits: 0, chargePence: 0 });
    const gone = await test.db.selectFrom("deliveries").select(["holder_id", "charge_pence"]).where("id", "=", ids.project!).executeTakeFirstOrThrow();
    expect(gone).toEqual({ holder_id: null, charge_pence: null });

    const moved = await correctDelivery(test.db, adviser, { deliveryId: ids.police!, date: "2011-09-20", reason: "delivered the next year" });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(await totals(WEST.police, 2010)).toEqual({ deliveredUnits: 0, quotaUnits: 0, freeUnits: 0, chargeableUnits: 0, chargePence: 0 });
    // 2011: 4 units first, then 16 of the 26 free and 10 charged at the 2011 default.
    expect(await totals(WEST.police, 2011)).toEqual({ deliveredUnits: 30, quotaUnits: 20, freeUnits: 20, chargeableUnits: 10, chargePence: 123_750 });

    const q2 = await issueStatement(test.db, admin, { organisationId: WEST.council, period: "2010-Q2" }, at("2011-01-04T09:00:00Z"));
    if (!q2.ok) throw new Error(q2.error.message);
    expect(q2.value.statement.adjustments.map((a) => a.amountPence)).toEqual([-60_000]);
    expect(q2.value.statement.totalPence).toBe(-60_000);

    const { expected, actual } = await compareWithScratch(test.db, WEST.regionCode);
    expect(actual).toEqual(expected);
    await test.db.transaction().execute(async (trx) => {
      const policy = await policyOfYear(trx, WEST.regionCode, 2010);
      const organisation = await loadOrganisation(trx, WEST.regionCode, WEST.council);
      const r = reconcileStatements(policy, await statementInput(trx, policy, WEST.regionCode, organisation!.id));
      expect(r.issuedPence + r.pendingAdjustmentsPence).toBe(r.recomputedThroughBilledPence);
      expect(r.issuedPence).toBe(0);
    });
  });
});
