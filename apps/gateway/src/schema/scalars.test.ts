import {
  decimalRatio,
  formatDays,
  formatMoney,
  formatMoneyAmount as decimalPounds,
  parseDays,
  parseExactDecimal as parseDecimalDays,
  shareFromBasisPoints,
} from "@adviser-hub/domain";
import fc from "fast-check";
import { GraphQLScalarType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "./index.js";
import { int32Pence } from "./money.js";

// The scalars print through the domain's formatters (one home); these are the gateway's own
// assertions from when it kept copies, unchanged, so the API's output is pinned where it is served.
describe("exact formatting", () => {
  it("prints units as exact decimal days", () => {
    expect(formatDays(5, 2)).toBe("2.5");
    expect(formatDays(8, 2)).toBe("4");
    expect(formatDays(3, 4)).toBe("0.75");
    expect(formatDays(-3, 2)).toBe("-1.5");
    expect(formatDays(0, 2)).toBe("0");
    // A pro-rata commitment: 8/5 units at half-day granularity is 0.8 days.
    expect(formatDays(8, 10)).toBe("0.8");
    for (let units = 0; units < 2000; units++) expect(Number(formatDays(units, 4)) * 4).toBe(units);
  });

  it("serves a Days figure exactly as the domain formats it, kept or not, twice over", () => {
    const days = schema.getType("Days");
    if (!(days instanceof GraphQLScalarType)) throw new Error("Days is a scalar");
    fc.assert(
      fc.property(fc.integer({ min: -5_000, max: 5_000 }), fc.integer({ min: 1, max: 40 }), (units, unitsPerDay) => {
        const value = { units, unitsPerDay };
        expect(days.serialize(value)).toBe(formatDays(units, unitsPerDay));
        expect(days.serialize(value)).toBe(formatDays(units, unitsPerDay));
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads typed days on the granularity and refuses the rest", () => {
    // The scalar checks the form; the domain's parseDays (the use cases') puts it on the granularity.
    expect(parseDays(parseDecimalDays("2.5")!.text, 2)).toEqual({ ok: true, value: 5 });
    expect(parseDays(parseDecimalDays("0.25")!.text, 4)).toEqual({ ok: true, value: 1 });
    expect(parseDays(parseDecimalDays("0.3")!.text, 2).ok).toBe(false);
    expect(parseDays(parseDecimalDays("0.25")!.text, 2).ok).toBe(false);
    for (const bad of ["", "-1", "1e3", "2,5", " 2", "0x10", "1.2345678"]) expect(parseDecimalDays(bad)).toBeNull();
  });

  it("prints pence and shares with integer arithmetic", () => {
    expect(formatMoney(120_000)).toBe("£1,200.00");
    expect(formatMoney(-82_550)).toBe("-£825.50");
    expect(formatMoney(5)).toBe("£0.05");
    expect(decimalPounds(36_000_000)).toBe("360000.00");
    expect(decimalPounds(Number.MAX_SAFE_INTEGER)).toBe("90071992547409.91");
    expect(decimalRatio(1290, 60, 2)).toBe("21.50");
    expect(decimalRatio(1, 3, 4)).toBe("0.3333");
    expect(decimalRatio(2, 3, 4)).toBe("0.6667");
    expect(shareFromBasisPoints(8788)).toBe("0.8788");
    expect(shareFromBasisPoints(7500)).toBe("0.75");
    expect(shareFromBasisPoints(10_000)).toBe("1");
    expect(shareFromBasisPoints(0)).toBe("0");
  });

  it("guards GraphQL's 32-bit pence: an error, never a wrapped value", () => {
    expect(int32Pence(2_147_483_647)).toBe(2_147_483_647);
    expect(int32Pence(-2_147_483_647)).toBe(-2_147_483_647);
    expect(() => int32Pence(2_147_483_648)).toThrow(/21474836\.48.*Money\.amount/);
    expect(() => int32Pence(1.5)).toThrow();
  });
});
