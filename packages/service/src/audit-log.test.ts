import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "./audit-log.js";
import { recordDelivery } from "./record-delivery.js";
import { setRegionPolicy } from "./set-region-policy.js";
import { ENG_COUNCIL, FIXTURE_POLICY, REGION, admin, adviser, clockAt, funder, insertFixture, operator, southwark } from "./test-support/fixture.js";

describe.each(backends())("auditLog on %s", (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  it("pages who changed what, newest first, filtered by entity and actor, for the region's admin and the operator", async () => {
    for (const [i, date] of ["2010-05-03", "2010-05-04", "2010-05-05"].entries()) {
      const r = await recordDelivery(test.db, adviser, { engagementId: ENG_COUNCIL, adviserId: "adv-1", date, days: String(i + 1) }, clockAt(`${date}T17:00:00Z`));
      if (!r.ok) throw new Error(r.error.message);
    }
    const set = await setRegionPolicy(test.db, operator, { region: REGION, fromFinancialYear: 2011, policy: FIXTURE_POLICY }, clockAt("2010-06-01T09:00:00Z"));
    if (!set.ok) throw new Error(set.error.message);

    const first = await auditLog(test.db, admin, { region: REGION, first: 2, after: null });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ totalCount: 4, hasNextPage: true });
    expect(first.value.rows.map((r) => [r.action, r.actor])).toEqual([
      ["setRegionPolicy", operator.userId],
      ["recordDelivery", adviser.userId],
    ]);
    expect(first.value.rows[0]).toMatchObject({ entity: "regionPolicy", entityId: `${REGION}/2011`, before: null, at: new Date("2010-06-01T09:00:00Z") });
    expect(first.value.rows[1]!.after).toMatchObject({ date: "2010-05-05" });
    const second = await auditLog(test.db, operator, { region: REGION, first: 2, after: first.value.rows[1]!.id });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value).toMatchObject({ totalCount: 4, hasNextPage: false });
    expect(second.value.rows.map((r) => (r.after as { date: string }).date)).toEqual(["2010-05-04", "2010-05-03"]);

    const deliveries = await auditLog(test.db, admin, { region: REGION, first: 10, after: null, entity: "delivery", actor: adviser.userId });
    expect(deliveries.ok && deliveries.value.totalCount).toBe(3);
    const none = await auditLog(test.db, admin, { region: REGION, first: 10, after: null, actor: "nobody" });
    expect(none.ok && none.value).toEqual({ rows: [], hasNextPage: false, totalCount: 0 });

    for (const reader of [adviser, southwark, funder, { ...admin, regionCode: "elsewhere" }])
      expect(await auditLog(test.db, reader, { region: REGION, first: 10, after: null })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await auditLog(test.db, admin, { region: REGION, first: 10, after: "x" })).toMatchObject({ ok: false, error: { field: "after" } });
  });
});
