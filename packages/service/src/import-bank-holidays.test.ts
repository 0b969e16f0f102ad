import { englandAndWalesBankHolidays } from "@adviser-hub/domain";
import { loadPolicy, withTransaction } from "@adviser-hub/persistence";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { capacityForecast } from "./capacity-forecast.js";
import { importBankHolidays } from "./import-bank-holidays.js";
import { createPolicySource } from "./policy-source.js";
import { REGION, admin, adviser, funder, insertFixture, operator } from "./test-support/fixture.js";

const json = readFileSync(new URL("../../domain/data/bank-holidays-england-and-wales-2010-2030.json", import.meta.url), "utf8");

describe.each(backends())("importBankHolidays on %s", (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
    // Advisers still employed in 2026, for a capacity week then.
    await test.db.updateTable("advisers").set({ employed_to: null }).execute();
    await test.db.updateTable("host_arrangements").set({ ends_on: "2030-03-31" }).execute();
  });
  afterEach(async () => {
    await test?.close();
  });

  const christmasWeek = async () => {
    const weeks = await capacityForecast(test.db, createPolicySource(test.db), admin, { region: REGION, from: "2026-12-21", weeks: 1, maxWeeks: 52 });
    if (!weeks.ok) throw new Error(weeks.error.message);
    return weeks.value.map((w) => ({ adviser: w.adviser.id, available: w.week.availableUnits, bookable: w.week.bookableUnits }));
  };

  it("puts the GOV.UK holidays into a policy version: a 2026 week with Christmas has fewer bookable units", async () => {
    const before = await christmasWeek();
    const imported = await importBankHolidays(test.db, admin, { region: REGION, division: "england-and-wales", json, fromFinancialYear: 2026 });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value).toMatchObject({ fromFinancialYear: 2026, replaced: false, importedHolidays: 173, reallocatedYears: [] });
    const after = await christmasWeek();
    expect(after).toHaveLength(2);
    for (const [i, week] of after.entries()) {
      // Christmas Day, Friday 25 December: one working day fewer for a full-time adviser.
      expect(week.available).toBe(before[i]!.available - 2);
      expect(week.bookable).toBeLessThan(before[i]!.bookable);
    }
    const policy = await withTransaction(test.db, (trx) => loadPolicy(trx, REGION, 2026));
    expect(policy.ok && policy.value.bankHolidays).toEqual(englandAndWalesBankHolidays);
    const audit = await test.db.selectFrom("audit_log").select(["action", "entity", "entity_id"]).execute();
    expect(audit).toEqual([{ action: "importBankHolidays", entity: "regionPolicy", entity_id: `${REGION}/2026` }]);
  });

  it("keeps the holidays outside the document's span, and names a bad event by its path", async () => {
    const one = JSON.stringify({ "england-and-wales": { division: "england-and-wales", events: [{ title: "Christmas Day", date: "2011-12-26", notes: "Substitute day", bunting: true }] } });
    const set = await importBankHolidays(test.db, operator, { region: REGION, division: "england-and-wales", json: one });
    if (!set.ok) throw new Error(set.error.message);
    // The newest version (2010) is the one replaced; its 2010 holidays stay.
    expect(set.value).toMatchObject({ fromFinancialYear: 2010, replaced: true });
    expect(set.value.policy.bankHolidays.find((h) => h.date === "2011-12-26")).toEqual({ date: "2011-12-26", name: "Christmas Day (Substitute day)" });
    expect(set.value.policy.bankHolidays.some((h) => h.date === "2010-12-27")).toBe(true);

    const bad = JSON.parse(json);
    bad["england-and-wales"].events[3].date = "2010-05-32";
    const refused = await importBankHolidays(test.db, admin, { region: REGION, division: "england-and-wales", json: JSON.stringify(bad) });
    expect(!refused.ok && refused.error).toMatchObject({ code: "VALIDATION", field: "json.england-and-wales.events[3].date" });
    expect(await importBankHolidays(test.db, admin, { region: REGION, division: "wales", json })).toMatchObject({ ok: false, error: { field: "division" } });
    expect(await importBankHolidays(test.db, admin, { region: REGION, division: "scotland", json: "{" })).toMatchObject({ ok: false, error: { field: "json" } });
    expect(await importBankHolidays(test.db, admin, { region: REGION, division: "scotland", json })).toMatchObject({ ok: false, error: { field: "json.scotland" } });
    for (const actor of [adviser, funder, { ...admin, regionCode: "elsewhere" }])
      expect(await importBankHolidays(test.db, actor, { region: REGION, division: "england-and-wales", json })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await test.db.selectFrom("audit_log").select("action").execute()).toHaveLength(1);
  });
});
