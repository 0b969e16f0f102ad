import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "./money.js";
import {
  ceilDiv,
  chargeForUnits,
  divideHalfUp,
  floorDiv,
  formatDays,
  fraction,
  fractionToBasisPoints,
  parseDays,
  unitsFromDays,
} from "./quantities.js";

describe("money", () => {
  it("formats pence as pounds with separators", () => {
    expect(formatMoney(120_000)).toBe("£1,200.00");
    expect(formatMoney(-120_000)).toBe("-£1,200.00");
    expect(formatMoney(82_500)).toBe("£825.00");
    expect(formatMoney(5)).toBe("£0.05");
    expect(formatMoney(0)).toBe("£0.00");
    expect(formatMoney(36_000_000)).toBe("£360,000.00");
    expect(formatMoney(123_456_789_012)).toBe("£1,234,567,890.12");
    expect(formatMoney(150_050, { code: "EUR", symbol: "€", thousandsSeparator: ".", decimalSeparator: "," })).toBe("€1.500,50");
  });
});

describe("exact integer arithmetic", () => {
  it("rounds half up", () => {
    expect([divideHalfUp(5, 2), divideHalfUp(7, 2), divideHalfUp(4, 3), divideHalfUp(-5, 2), divideHalfUp(5, -2)]).toEqual([3, 4, 1, -2, -2]);
    // 1.5 days at 550.00; 1 quarter day at 333.33 = 8333.25 -> 8333; 2 quarters = 16666.5 -> 16667
    expect([chargeForUnits(3, 55_000, 2), chargeForUnits(1, 33_333, 4), chargeForUnits(2, 33_333, 4)]).toEqual([82_500, 8_333, 16_667]);
  });

  it("floor and ceiling division agree with BigInt for all safe integers", () => {
    const safe = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(safe, safe.filter((b) => b !== 0), (a, b) => {
        const q = BigInt(a) / BigInt(b);
        const exactFloor = (BigInt(a) % BigInt(b) !== 0n && (a < 0) !== (b < 0)) ? q - 1n : q;
        expect(BigInt(floorDiv(a, b))).toBe(exactFloor);
        expect(ceilDiv(a, b)).toBe(-floorDiv(-a, b));
      }),
      { numRuns: 2_000 },
    );
  });

  it("reduces fractions and converts them to basis points", () => {
    expect(fraction(10, -4)).toEqual({ numerator: -5, denominator: 2 });
    expect(fractionToBasisPoints(fraction(2, 3))).toBe(6_667);
    expect(fractionToBasisPoints(fraction(0, 1))).toBe(0);
  });
});

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
