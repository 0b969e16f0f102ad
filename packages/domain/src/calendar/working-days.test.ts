import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { isoWeekday } from "./plain-date.js";
import { isBankHoliday, weekStartOf, workingDaysBetween, workingDaysInWeek } from "./working-days.js";

describe("weeks and working days", () => {
  it("weeks start on Monday", () => {
    expect(weekStartOf("2010-05-09")).toBe("2010-05-03"); // a Sunday
    expect(weekStartOf("2010-05-03")).toBe("2010-05-03");
    expect(isoWeekday("2010-05-03")).toBe(1);
  });

  it("working days skip the region's bank holidays", () => {
    expect(workingDaysInWeek(workedExamplePolicy, "2010-05-03")).toEqual(["2010-05-04", "2010-05-05", "2010-05-06", "2010-05-07"]);
    expect(workingDaysInWeek(workedExamplePolicy, "2010-12-27")).toHaveLength(3);
    // St Andrew's Day is a holiday in the second region only.
    expect(workingDaysInWeek(westOfScotlandPolicy, "2010-11-29")).toHaveLength(4);
    expect(workingDaysInWeek(workedExamplePolicy, "2010-11-29")).toHaveLength(5);
    expect(isBankHoliday(workedExamplePolicy, "2011-04-29")).toBe(true);
    expect(workingDaysBetween(workedExamplePolicy, "2010-04-01", "2011-03-31")).toBe(253);
  });
});
