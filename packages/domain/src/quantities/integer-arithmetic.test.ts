import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ceilDiv, divideHalfUp, floorDiv, fraction, fractionToBasisPoints } from "./integer-arithmetic.js";
import { chargeForUnits } from "./money.js";

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
