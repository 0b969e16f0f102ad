import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDays, parseDays, unitsFromDays } from "./days.js";

describe("days and units", () => {
  it("parses days exactly onto the granularity", () => {
    expect(unitsFromDays(1.5, 2)).toEqual({ ok: true, value: 3 });
    expect(unitsFromDays("0.25", 4)).toEqual({ ok: true, value: 1 });
    expect(unitsFromDays("2.75", 4)).toEqual({ ok: true, value: 11 });
    expect(parseDays("10", 2)).toEqual({ ok: true, value: 20 });
  });

  it("refuses zero, negative and off-granularity days, naming the field", () => {
    for (const bad of [0, -1, 0.25, "1.3", "abc", Number.NaN, "-0.5"]) {
      const r = unitsFromDays(bad, 2, "days");
      expect(r).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "days" } });
    }
    expect(unitsFromDays(0, 2, "commitment", true)).toEqual({ ok: true, value: 0 });
  });

  it("prints units as days and round-trips", () => {
    expect([formatDays(5, 2), formatDays(11, 4), formatDays(20, 2), formatDays(-3, 2), formatDays(1, 8)]).toEqual([
      "2.5",
      "2.75",
      "10",
      "-1.5",
      "0.125",
    ]);
    // Day counts are read up to 999,999 days (six whole digits); larger input is refused.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.constantFrom(1, 2, 4, 5, 8, 10), (units, perDay) => {
        expect(unitsFromDays(formatDays(units, perDay), perDay)).toEqual({ ok: true, value: units });
      }),
    );
  });

  it("refuses a day count beyond 999,999 days, naming the field", () => {
    expect(unitsFromDays("999999", 1)).toEqual({ ok: true, value: 999_999 });
    const refused = unitsFromDays("1000000", 1);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: "VALIDATION", field: "days" });
  });
});
