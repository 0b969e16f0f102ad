import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDays, formatDaysNumber } from "./format-days.js";

describe("formatDays", () => {
  it("keeps the gateway's exact decimals and names the unit", () => {
    expect(formatDays("606")).toBe("606 days");
    expect(formatDays("1")).toBe("1 day");
    expect(formatDays("0.5")).toBe("0.5 days");
    expect(formatDays("145.5")).toBe("145.5 days");
    expect(formatDays("0")).toBe("0 days");
    expect(formatDays("1056")).toBe("1,056 days");
    expect(formatDays("2.50")).toBe("2.5 days");
  });

  it("shows days that do not apply as n/a", () => {
    expect(formatDays(null)).toBe("n/a");
  });

  it("refuses text that is not a decimal", () => {
    expect(() => formatDays("1e3")).toThrow(RangeError);
    expect(() => formatDaysNumber("two")).toThrow(RangeError);
  });

  it("never changes the value: removing the grouping gives back the same number of units", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 * 4 }), fc.constantFrom(1, 2, 4), (units, perDay) => {
        const whole = Math.trunc(units / perDay);
        const fraction = (units % perDay) / perDay; // exact: a power of two over 1, 2 or 4
        const text = fraction === 0 ? `${whole}` : `${whole}${String(fraction).slice(1)}`;
        expect(formatDaysNumber(text).replace(/,/g, "")).toBe(text);
      }),
    );
  });
});
