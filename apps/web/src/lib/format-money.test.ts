import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money.js";

describe("formatMoney", () => {
  it("shows integer pence as pounds with the pence and grouped thousands", () => {
    expect(formatMoney(0)).toBe("£0.00");
    expect(formatMoney(5)).toBe("£0.05");
    expect(formatMoney(123456)).toBe("£1,234.56");
    expect(formatMoney({ pence: 36_000_000 })).toBe("£360,000.00");
    expect(formatMoney(-500)).toBe("−£5.00");
  });

  it("shows money that does not apply as n/a, never as £0.00", () => {
    expect(formatMoney(null)).toBe("n/a");
    expect(formatMoney(undefined)).toBe("n/a");
  });

  it("refuses a fraction of a penny instead of rounding it", () => {
    expect(() => formatMoney(12.5)).toThrow(RangeError);
  });

  it("agrees with the gateway's formatting for every amount (en-GB pounds, two places)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }), (pence) => {
        const pounds = `${BigInt(Math.abs(pence)) / 100n}`.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        const expected = `${pence < 0 ? "−" : ""}£${pounds}.${String(Math.abs(pence) % 100).padStart(2, "0")}`;
        expect(formatMoney(pence)).toBe(expected);
      }),
    );
  });
});
