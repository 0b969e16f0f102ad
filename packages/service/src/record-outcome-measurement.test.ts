import { assessOutcome } from "@adviser-hub/domain";
import { outcomeRowToIndicator } from "@adviser-hub/persistence";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordOutcomeMeasurement } from "./record-outcome-measurement.js";
import { OUTCOME, REGION, adviser, funder, insertFixture, rowCounts } from "./test-support/fixture.js";

describe.each(backends())("recordOutcomeMeasurement on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  it("records a measurement with an audit row", async () => {
    const result = await recordOutcomeMeasurement(test.db, adviser, { outcomeId: OUTCOME, measuredOn: "2010-12-31", value: 53 });
    expect(result.ok && result.value).toMatchObject({ measuredOn: "2010-12-31", value: 53 });
    const rows = await test.db.selectFrom("outcome_measurements").select(["measured_on", "value"]).execute();
    expect(rows).toEqual([{ measured_on: "2010-12-31", value: 53 }]);
    const audit = await test.db.selectFrom("audit_log").select(["action", "entity_id"]).execute();
    expect(audit).toEqual([{ action: "recordOutcomeMeasurement", entity_id: OUTCOME }]);
  });

  it("stores the domain's assessment of each measurement against the baseline (56 weeks, lower is better)", async () => {
    const cases: [string, number, string][] = [
      ["2010-09-30", 53, "IMPROVED"],
      ["2010-10-31", 56, "UNCHANGED"],
      ["2010-11-30", 60, "WORSENED"],
    ];
    for (const [measuredOn, value, assessment] of cases) {
      const result = await recordOutcomeMeasurement(test.db, adviser, { outcomeId: OUTCOME, measuredOn, value });
      expect(result.ok && result.value.assessment).toBe(assessment);
    }
    const rows = await test.db.selectFrom("outcome_measurements").select(["measured_on", "assessment"]).orderBy("measured_on").execute();
    expect(rows.map((r) => [r.measured_on, r.assessment])).toEqual(cases.map(([on, , assessment]) => [on, assessment]));
  });

  it("stores what assessOutcome decides for any value: the assessment and whether the target is met", async () => {
    const outcome = await test.db.selectFrom("outcomes").selectAll().where("id", "=", OUTCOME).executeTakeFirstOrThrow();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 28 }), async (value, day) => {
        const measuredOn = `2011-01-${String(day).padStart(2, "0")}`;
        await test.db.deleteFrom("outcome_measurements").execute();
        const result = await recordOutcomeMeasurement(test.db, adviser, { outcomeId: OUTCOME, measuredOn, value });
        const expected = assessOutcome(outcomeRowToIndicator(outcome), [
          { regionCode: REGION, id: "m", indicatorId: OUTCOME, measuredOn, value, recordedAt: 0, notes: null },
        ]);
        const stored = await test.db.selectFrom("outcome_measurements").select(["assessment", "target_met"]).executeTakeFirstOrThrow();
        expect(result.ok && [result.value.assessment, result.value.targetMet]).toEqual([expected.assessment, expected.targetMet]);
        expect([stored.assessment, stored.target_met]).toEqual([expected.assessment, expected.targetMet]);
      }),
      { numRuns: 15 },
    );
  });

  it("refuses bad input with a typed error naming the field, writing nothing", async () => {
    expect((await recordOutcomeMeasurement(test.db, adviser, { outcomeId: OUTCOME, measuredOn: "2010-12-31", value: 53 })).ok).toBe(true);
    const before = await rowCounts(test.db);
    const cases: [object, string, string][] = [
      [{ outcomeId: OUTCOME, measuredOn: "2010-12-31", value: 50 }, "VALIDATION", "measuredOn"],
      [{ outcomeId: OUTCOME, measuredOn: "2010-01-31", value: 50 }, "VALIDATION", "measuredOn"],
      [{ outcomeId: OUTCOME, measuredOn: "31/12/2010", value: 50 }, "VALIDATION", "measuredOn"],
      [{ outcomeId: OUTCOME, measuredOn: "2011-03-31", value: 50.5 }, "VALIDATION", "value"],
      [{ outcomeId: OUTCOME, measuredOn: "2011-03-31", value: "50" }, "VALIDATION", "value"],
      [{ outcomeId: "out-nope", measuredOn: "2011-03-31", value: 50 }, "NOT_FOUND", "outcomeId"],
    ];
    for (const [input, code, field] of cases) {
      const result = await recordOutcomeMeasurement(test.db, adviser, input as never);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, JSON.stringify(input)).toBe(code);
      expect((result.error as { field: string }).field, JSON.stringify(input)).toBe(field);
    }
    const byFunder = await recordOutcomeMeasurement(test.db, funder, { outcomeId: OUTCOME, measuredOn: "2011-03-31", value: 50 });
    expect(!byFunder.ok && byFunder.error.code).toBe("FORBIDDEN");
    expect(await rowCounts(test.db)).toEqual(before);
  });
});
