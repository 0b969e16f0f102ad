import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { financialYearEndDate, financialYearOf, financialYearStartDate } from "./financial-year.js";
import { dateFromDayNumber } from "./plain-date.js";

describe("financial years (rule 1)", () => {
  it("2011-03-31 is in year 2010 and 2011-04-01 in year 2011 (London)", () => {
    expect(financialYearOf(workedExamplePolicy, "2011-03-31")).toBe(2010);
    expect(financialYearOf(workedExamplePolicy, "2011-04-01")).toBe(2011);
    expect(financialYearStartDate(workedExamplePolicy, 2010)).toBe("2010-04-01");
    expect(financialYearEndDate(workedExamplePolicy, 2010)).toBe("2011-03-31");
  });

  it("follows the policy's start day in another region", () => {
    expect(financialYearOf(westOfScotlandPolicy, "2011-06-30")).toBe(2010);
    expect(financialYearOf(westOfScotlandPolicy, "2011-07-01")).toBe(2011);
    expect(financialYearEndDate(westOfScotlandPolicy, 2011)).toBe("2012-06-30");
  });

  it("every date belongs to exactly one year, between its start and end", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(workedExamplePolicy, westOfScotlandPolicy), (n, policy) => {
        const date = dateFromDayNumber(n);
        const year = financialYearOf(policy, date);
        expect(financialYearStartDate(policy, year) <= date).toBe(true);
        expect(date <= financialYearEndDate(policy, year)).toBe(true);
      }),
    );
  });
});
