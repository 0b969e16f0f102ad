import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { dayRateFor, defaultDayRatePence, isDayRatePence, MAX_DAY_RATE_PENCE } from "./day-rate.js";

describe("day rates (rule 5)", () => {
  it("a rate is whole pence from 1 to the exact bound; 0 is not a rate", () => {
    expect([1, 55_000, MAX_DAY_RATE_PENCE].map(isDayRatePence)).toEqual([true, true, true]);
    expect([0, -1, 1.5, MAX_DAY_RATE_PENCE + 1, Number.NaN, "550", null].map(isDayRatePence)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("agreed, else negotiated, else the default of the delivery's year", () => {
    expect(dayRateFor(westOfScotlandPolicy, 2011, 60_000, 45_000)).toBe(60_000);
    expect(dayRateFor(westOfScotlandPolicy, 2011, null, 45_000)).toBe(45_000);
    expect(dayRateFor(westOfScotlandPolicy, 2011, null, undefined)).toBe(49_500);
    expect(dayRateFor(westOfScotlandPolicy, 2010, null, undefined)).toBe(defaultDayRatePence(westOfScotlandPolicy, 2010));
    expect(defaultDayRatePence(westOfScotlandPolicy, 2010)).toBe(48_000);
  });
});
