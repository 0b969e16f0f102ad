import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { addDays, isoWeekday } from "./plain-date.js";
import { isBankHoliday, isWorkingDay, weekStartOf, workingDaysBetween, workingDaysInWeek } from "./working-days.js";

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

describe("counting working days in closed form", () => {
  /** The reference model: walk every day. */
  function workingDaysDayByDay(policy: Parameters<typeof workingDaysBetween>[0], from: string, to: string): number {
    let count = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(policy, d)) count += 1;
    return count;
  }

  const policyArb = fc
    .record({
      base: fc.constantFrom(workedExamplePolicy, westOfScotlandPolicy),
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      extraHolidays: fc.array(fc.nat(1200), { maxLength: 8 }),
    })
    .map(({ base, weekdays, extraHolidays }) => ({
      bankHolidays: [
        ...base.bankHolidays,
        // Holidays at weekends, repeated and out of order too: only working weekdays may count, once.
        ...extraHolidays.map((n) => ({ date: addDays("2009-12-01", n), name: "extra" })),
      ],
      workingWeekdays: [...weekdays].sort((a, b) => a - b),
    }));

  it("agrees with walking day by day, for any weekdays, holidays and range", () => {
    fc.assert(
      fc.property(policyArb, fc.nat(1300), fc.integer({ min: -10, max: 800 }), (policy, start, length) => {
        const from = addDays("2009-11-01", start);
        const to = addDays(from, length);
        expect(workingDaysBetween(policy, from, to)).toBe(length < 0 ? 0 : workingDaysDayByDay(policy, from, to));
      }),
      { numRuns: 300 },
    );
  });

  it("counts a policy changed after a first count afresh", () => {
    const policy = { bankHolidays: workedExamplePolicy.bankHolidays, workingWeekdays: [1, 2, 3, 4, 5] };
    expect(workingDaysBetween(policy, "2010-05-03", "2010-05-09")).toBe(4);
    expect(workingDaysBetween({ ...policy, workingWeekdays: [2, 3, 4, 5, 6] }, "2010-05-03", "2010-05-09")).toBe(5);
  });
});
