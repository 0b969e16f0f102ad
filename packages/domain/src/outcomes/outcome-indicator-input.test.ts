import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessOutcome } from "./assess-outcome.js";
import { checkMeasuredInPeriod, validateOutcomeIndicatorInput } from "./outcome-indicator-input.js";

const input = {
  engagementId: "eng-1",
  indicator: "Average weeks of care proceedings",
  unit: "weeks",
  goodDirection: "LOWER",
  baseline: 56,
  baselineOn: "2026-06-30",
  target: 40,
  periodEnd: "2027-03-31",
};

describe("outcome indicator input", () => {
  it("takes a target only in the good direction from the baseline", () => {
    const r = validateOutcomeIndicatorInput(input);
    expect(r.ok && r.value).toMatchObject({ id: null, target: 40, periodStart: "2026-06-30", periodEnd: "2027-03-31" });
    const field = (x: object) => {
      const v = validateOutcomeIndicatorInput({ ...input, ...x });
      return v.ok ? null : v.error.field;
    };
    expect(field({ target: 56 })).toBe("input.target");
    expect(field({ goodDirection: "HIGHER" })).toBe("input.target");
    expect(field({ goodDirection: "HIGHER", target: 60 })).toBeNull();
    expect(field({ target: null })).toBeNull();
    expect(field({ baseline: 56.5 })).toBe("input.baseline");
    expect(field({ periodStart: "2026-01-01" })).toBe("input.periodStart");
    expect(field({ periodEnd: "2026-01-01" })).toBe("input.periodEnd");
    expect(field({ goodDirection: "SIDEWAYS" })).toBe("input.goodDirection");
  });

  it("a valid target is never met at the baseline itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom("LOWER", "HIGHER"), (baseline, target, goodDirection) => {
        const r = validateOutcomeIndicatorInput({ ...input, baseline, target, goodDirection });
        if (!r.ok) return;
        const indicator = { regionCode: "r", id: "o", engagementId: "e", name: "n", unit: "u", goodDirection: r.value.goodDirection, decimals: 0, baseline, baselineOn: "2026-06-30", target, notes: null };
        const atBaseline = assessOutcome(indicator, [{ regionCode: "r", id: "m", indicatorId: "o", measuredOn: "2026-07-01", value: baseline, recordedAt: 0, notes: null }]);
        expect(atBaseline.targetMet).toBe(false);
      }),
    );
  });

  it("keeps measurements inside the period", () => {
    const period = { periodStart: "2026-06-30", periodEnd: "2027-03-31" };
    expect(checkMeasuredInPeriod(period, "2026-06-30").ok).toBe(true);
    expect(checkMeasuredInPeriod(period, "2027-04-01").ok).toBe(false);
    expect(checkMeasuredInPeriod(period, "2026-06-29").ok).toBe(false);
    expect(checkMeasuredInPeriod({ periodStart: null, periodEnd: null }, "1999-01-01").ok).toBe(true);
  });
});
