import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  financialYearEndDate,
  financialYearOf,
  financialYearStartDate,
  isBankHoliday,
  weekStartOf,
  workingDaysBetween,
  workingDaysInWeek,
} from "./calendar.js";
import { addDays, dateFromDayNumber, dayNumber, isoWeekday, isPlainDate, parsePlainDate } from "./plain-date.js";
import { londonPilotPolicy } from "./presets/london-pilot.js";
import { westOfScotlandPolicy } from "./presets/west-of-scotland.js";

describe("financial years (rule 1)", () => {
  it("2011-03-31 is in year 2010 and 2011-04-01 in year 2011 (London)", () => {
    expect(financialYearOf(londonPilotPolicy, "2011-03-31")).toBe(2010);
    expect(financialYearOf(londonPilotPolicy, "2011-04-01")).toBe(2011);
    expect(financialYearStartDate(londonPilotPolicy, 2010)).toBe("2010-04-01");
    expect(financialYearEndDate(londonPilotPolicy, 2010)).toBe("2011-03-31");
  });

  it("follows the policy's start day in another region", () => {
    expect(financialYearOf(westOfScotlandPolicy, "2011-06-30")).toBe(2010);
    expect(financialYearOf(westOfScotlandPolicy, "2011-07-01")).toBe(2011);
    expect(financialYearEndDate(westOfScotlandPolicy, 2011)).toBe("2012-06-30");
  });

  it("every date belongs to exactly one year, between its start and end", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(londonPilotPolicy, westOfScotlandPolicy), (n, policy) => {
        const date = dateFromDayNumber(n);
        const year = financialYearOf(policy, date);
        expect(financialYearStartDate(policy, year) <= date).toBe(true);
        expect(date <= financialYearEndDate(policy, year)).toBe(true);
      }),
    );
  });
});

describe("weeks and working days", () => {
  it("weeks start on Monday", () => {
    expect(weekStartOf("2010-05-09")).toBe("2010-05-03"); // a Sunday
    expect(weekStartOf("2010-05-03")).toBe("2010-05-03");
    expect(isoWeekday("2010-05-03")).toBe(1);
  });

  it("working days skip the region's bank holidays", () => {
    expect(workingDaysInWeek(londonPilotPolicy, "2010-05-03")).toEqual(["2010-05-04", "2010-05-05", "2010-05-06", "2010-05-07"]);
    expect(workingDaysInWeek(londonPilotPolicy, "2010-12-27")).toHaveLength(3);
    // St Andrew's Day is a holiday in the second region only.
    expect(workingDaysInWeek(westOfScotlandPolicy, "2010-11-29")).toHaveLength(4);
    expect(workingDaysInWeek(londonPilotPolicy, "2010-11-29")).toHaveLength(5);
    expect(isBankHoliday(londonPilotPolicy, "2011-04-29")).toBe(true);
    expect(workingDaysBetween(londonPilotPolicy, "2010-04-01", "2011-03-31")).toBe(253);
  });
});

describe("plain dates", () => {
  it("round-trips day numbers and validates dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const date = dateFromDayNumber(n);
        expect(dayNumber(date)).toBe(n);
        expect(isPlainDate(date)).toBe(true);
        expect(addDays(date, 1)).toBe(dateFromDayNumber(n + 1));
      }),
    );
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(isPlainDate("2012-02-29")).toBe(true);
    expect(isPlainDate("2011-02-29")).toBe(false);
    expect(parsePlainDate("2010-13-01", "date")).toMatchObject({ ok: false, error: { field: "date" } });
  });
});
