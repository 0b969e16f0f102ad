import { withTransaction } from "@adviser-hub/persistence";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordDelivery } from "./record-delivery.js";
import { saveAdviser } from "./save-adviser.js";
import { saveAdviserLeave } from "./save-adviser-leave.js";
import { ENG_COUNCIL, admin, adviser, clockAt, funder, insertFixture } from "./test-support/fixture.js";

const robin = { id: "adv-9", name: "Robin Hale", fte: "0.8", employedFrom: "2010-06-01", employedTo: null };

describe.each(backends())("saveAdviser and saveAdviserLeave on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  const audit = () => test.db.selectFrom("audit_log").select(["action", "entity_id", "before", "after"]).orderBy("id").execute();
  const advisers = () => test.db.selectFrom("advisers").selectAll().orderBy("id").execute();

  it("creates an adviser, then changes and ends the employment, each with an audit row holding before and after", async () => {
    const created = await saveAdviser(test.db, admin, robin, clockAt("2010-05-20T09:00:00Z"));
    expect(created.ok && created.value).toMatchObject({ created: true, row: { id: "adv-9", fte_bp: 8000, employed_from: "2010-06-01", employed_to: null } });
    const ended = await saveAdviser(test.db, admin, { ...robin, fte: "1", employedTo: "2011-03-31" });
    expect(ended.ok && ended.value).toMatchObject({ created: false, row: { fte_bp: 10000, employed_to: "2011-03-31" } });
    const rows = await audit();
    expect(rows.map((r) => [r.action, r.entity_id])).toEqual([
      ["saveAdviser", "adv-9"],
      ["saveAdviser", "adv-9"],
    ]);
    expect(rows[0]!.before).toBeNull();
    expect(rows[1]!.before).toMatchObject({ fte_bp: 8000, employed_to: null });
    expect(rows[1]!.after).toMatchObject({ fte_bp: 10000, employed_to: "2011-03-31" });
  });

  it("refuses bad input naming the field under the input's path, and other roles, writing nothing", async () => {
    const before = { advisers: await advisers(), audit: await audit() };
    const cases: [object, string][] = [
      [{ ...robin, fte: "0" }, "input.fte"],
      [{ ...robin, fte: "1.2" }, "input.fte"],
      [{ ...robin, employedTo: "2010-05-31" }, "input.employedTo"],
      [{ ...robin, employedFrom: "2010-02-30" }, "input.employedFrom"],
      [{ ...robin, id: "has space" }, "input.id"],
    ];
    for (const [input, field] of cases) {
      const result = await saveAdviser(test.db, admin, input as never);
      expect(!result.ok && result.error.code === "VALIDATION" && result.error.field, JSON.stringify(input)).toBe(field);
    }
    const row = await saveAdviser(test.db, admin, { ...robin, fte: 2 }, { path: "rows[4]" });
    expect(!row.ok && row.error.code === "VALIDATION" && row.error.field).toBe("rows[4].fte");
    for (const who of [adviser, funder]) {
      const refused = await saveAdviser(test.db, who, robin);
      expect(!refused.ok && refused.error.code).toBe("FORBIDDEN");
    }
    expect({ advisers: await advisers(), audit: await audit() }).toEqual(before);
  });

  it("never leaves recorded work outside the employment period", async () => {
    const delivered = await recordDelivery(test.db, adviser, { engagementId: ENG_COUNCIL, adviserId: "adv-2", date: "2011-02-01", days: "1" });
    expect(delivered.ok).toBe(true);
    const early = await saveAdviser(test.db, admin, { id: "adv-2", name: "Sam Okafor", fte: "1", employedFrom: "2010-04-01", employedTo: "2011-01-31" });
    expect(!early.ok && early.error.code === "VALIDATION" && early.error.field).toBe("input.employedTo");
    const late = await saveAdviser(test.db, admin, { id: "adv-2", name: "Sam Okafor", fte: "1", employedFrom: "2011-03-01", employedTo: null });
    expect(!late.ok && late.error.code === "VALIDATION" && late.error.field).toBe("input.employedFrom");
    const kept = await saveAdviser(test.db, admin, { id: "adv-2", name: "Sam Okafor", fte: "0.6", employedFrom: "2010-04-01", employedTo: "2011-02-01" });
    expect(kept.ok).toBe(true);
  });

  it("runs inside a caller's transaction: a later refusal leaves nothing of the earlier saves", async () => {
    const outcome = await withTransaction(test.db, async (trx) => {
      const first = await saveAdviser(trx, admin, robin, { path: "rows[0]" });
      if (!first.ok) return first;
      return saveAdviser(trx, admin, { ...robin, id: "adv-10", fte: "7" }, { path: "rows[1]" });
    });
    expect(!outcome.ok && outcome.error.code === "VALIDATION" && outcome.error.field).toBe("rows[1].fte");
    expect((await advisers()).map((a) => a.id)).toEqual(["adv-1", "adv-2"]);
    expect(await audit()).toEqual([]);
  });

  it("records leave on each working day of a range, replaces it, clears it, and keeps it inside employment", async () => {
    // 2010-12-20 to 2010-12-31: two weeks, with the Christmas bank holidays (27th, 28th) left out.
    const saved = await saveAdviserLeave(test.db, admin, { adviserId: "adv-1", startDate: "2010-12-20", endDate: "2010-12-31", days: "1", reason: "Christmas" });
    if (!saved.ok) throw new Error(saved.error.message);
    const dates = ["2010-12-20", "2010-12-21", "2010-12-22", "2010-12-23", "2010-12-24", "2010-12-29", "2010-12-30", "2010-12-31"];
    const leave = () => test.db.selectFrom("adviser_leave").select(["leave_on", "units"]).where("adviser_id", "=", "adv-1").orderBy("leave_on").execute();
    expect(await leave()).toEqual(dates.map((leave_on) => ({ leave_on, units: 2 })));
    const half = await saveAdviserLeave(test.db, admin, { adviserId: "adv-1", startDate: "2010-12-29", endDate: "2010-12-31", days: "0.5" });
    expect(half.ok && half.value.replaced.map((r) => r.leave_on)).toEqual(["2010-12-29", "2010-12-30", "2010-12-31"]);
    expect((await leave()).filter((l) => l.units === 1)).toHaveLength(3);
    const cleared = await saveAdviserLeave(test.db, admin, { adviserId: "adv-1", startDate: "2010-12-20", endDate: "2010-12-24", days: 0 });
    expect(cleared.ok && cleared.value.days).toEqual([]);
    expect((await leave()).map((l) => l.leave_on)).toEqual(["2010-12-29", "2010-12-30", "2010-12-31"]);
    expect((await audit()).map((a) => a.action)).toEqual(["saveAdviserLeave", "saveAdviserLeave", "saveAdviserLeave"]);

    const outside = await saveAdviserLeave(test.db, admin, { adviserId: "adv-1", startDate: "2012-03-26", endDate: "2012-04-05", days: "1" });
    expect(!outside.ok && outside.error.code === "VALIDATION" && outside.error.field).toBe("input.endDate");
    const unknown = await saveAdviserLeave(test.db, admin, { adviserId: "adv-77", startDate: "2010-12-20", days: "1" });
    expect(!unknown.ok && unknown.error.code === "NOT_FOUND" && unknown.error.field).toBe("input.adviserId");
    const byAdviser = await saveAdviserLeave(test.db, adviser, { adviserId: "adv-1", startDate: "2010-12-20", days: "1" });
    expect(!byAdviser.ok && byAdviser.error.code).toBe("FORBIDDEN");
  });
});
