import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOutcomeIndicator } from "./create-outcome-indicator.js";
import { recordOutcomeMeasurement } from "./record-outcome-measurement.js";
import { ENG_COUNCIL, admin, adviser, insertFixture, southwark } from "./test-support/fixture.js";

const indicator = {
  id: "out-children-in-care",
  engagementId: ENG_COUNCIL,
  indicator: "Children entering care per quarter",
  unit: "children",
  goodDirection: "LOWER",
  baseline: 40,
  baselineOn: "2010-06-30",
  target: 30,
  periodEnd: "2011-03-31",
};

describe.each(backends())("createOutcomeIndicator on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  it("creates an indicator; each measurement then stores whether it meets the target beside its assessment", async () => {
    const created = await createOutcomeIndicator(test.db, adviser, indicator);
    expect(created.ok && created.value).toMatchObject({ id: indicator.id, baseline: "40", target: "30", periodStart: "2010-06-30", periodEnd: "2011-03-31", measurements: [] });
    const cases: [string, number, string, boolean][] = [
      ["2010-09-30", 35, "IMPROVED", false],
      ["2010-12-31", 30, "IMPROVED", true],
      ["2011-03-31", 44, "WORSENED", false],
    ];
    for (const [measuredOn, value, assessment, targetMet] of cases) {
      const recorded = await recordOutcomeMeasurement(test.db, adviser, { outcomeId: indicator.id, measuredOn, value });
      expect(recorded.ok && [recorded.value.assessment, recorded.value.targetMet]).toEqual([assessment, targetMet]);
    }
    const stored = await test.db.selectFrom("outcome_measurements").select(["measured_on", "assessment", "target_met"]).where("outcome_id", "=", indicator.id).orderBy("measured_on").execute();
    expect(stored.map((m) => [m.measured_on, m.assessment, m.target_met])).toEqual(cases.map(([on, , a, met]) => [on, a, met]));
    const outside = await recordOutcomeMeasurement(test.db, adviser, { outcomeId: indicator.id, measuredOn: "2011-04-01", value: 20 });
    expect(!outside.ok && outside.error.code === "VALIDATION" && outside.error.field).toBe("measuredOn");
    const audit = await test.db.selectFrom("audit_log").select(["action", "entity_id"]).orderBy("id").execute();
    expect(audit[0]).toEqual({ action: "createOutcomeIndicator", entity_id: indicator.id });
  });

  it("stores no target verdict for an indicator without a target, and generates a code when none is given", async () => {
    const created = await createOutcomeIndicator(test.db, admin, { ...indicator, id: undefined, target: null });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.id).toMatch(/^out-/);
    const recorded = await recordOutcomeMeasurement(test.db, adviser, { outcomeId: created.value.id, measuredOn: "2010-09-30", value: 35 });
    expect(recorded.ok && recorded.value.targetMet).toBeNull();
  });

  it("refuses a target on the wrong side, a taken code, an unknown engagement and an authority, writing nothing", async () => {
    expect((await createOutcomeIndicator(test.db, admin, indicator)).ok).toBe(true);
    const before = await test.db.selectFrom("outcomes").select("id").orderBy("id").execute();
    const cases: [object, string, string][] = [
      [{ ...indicator, id: "out-2", target: 45 }, "VALIDATION", "input.target"],
      [{ ...indicator, id: "out-2", goodDirection: "UP" }, "VALIDATION", "input.goodDirection"],
      [{ ...indicator, id: "out-2", periodEnd: "2010-01-01" }, "VALIDATION", "input.periodEnd"],
      [indicator, "VALIDATION", "input.id"],
      [{ ...indicator, id: "out-2", engagementId: "eng-nope" }, "NOT_FOUND", "input.engagementId"],
    ];
    for (const [input, code, field] of cases) {
      const result = await createOutcomeIndicator(test.db, admin, input as never);
      expect(!result.ok && [result.error.code, "field" in result.error && result.error.field], JSON.stringify(input)).toEqual([code, field]);
    }
    const byAuthority = await createOutcomeIndicator(test.db, southwark, { ...indicator, id: "out-3" });
    expect(!byAuthority.ok && byAuthority.error.code).toBe("FORBIDDEN");
    expect(await test.db.selectFrom("outcomes").select("id").orderBy("id").execute()).toEqual(before);
  });
});
