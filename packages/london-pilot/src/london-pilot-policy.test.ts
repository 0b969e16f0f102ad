import { isWorkingDay } from "@adviser-hub/domain";
import { describe, expect, it } from "vitest";
import { londonPilotPolicy } from "./london-pilot-policy.js";

// The preset's facts as the article and GOV.UK give them (DOMAIN.md, "The London pilot preset").
describe("London pilot preset", () => {
  it("the London preset carries the pilot's facts", () => {
    expect(londonPilotPolicy).toMatchObject({
      code: "london",
      unitsPerDay: 2,
      freeDaysPerYear: { defaultUnits: 20 },
      quotaPooling: "AREA",
      defaultDayRate: { pence: 55_000 },
      consultantBenchmarkDayRate: { pence: 80_000 },
    });
    const holidays = londonPilotPolicy.bankHolidays.map((h) => h.date);
    expect(holidays).toEqual(expect.arrayContaining(["2011-04-29", "2012-06-04", "2012-06-05"]));
    expect(holidays).not.toContain("2012-05-28");
    expect(holidays.filter((d) => d.startsWith("2010"))).toHaveLength(8);
    expect(holidays.filter((d) => d.startsWith("2011"))).toHaveLength(9);
    expect(holidays.filter((d) => d.startsWith("2012"))).toHaveLength(9);
  });

  it("knows the bank holidays of current years, so capacity is right for dates after the pilot", () => {
    expect(isWorkingDay(londonPilotPolicy, "2026-12-25")).toBe(false);
    expect(isWorkingDay(londonPilotPolicy, "2026-12-28")).toBe(false); // Boxing Day (substitute day)
    expect(isWorkingDay(londonPilotPolicy, "2026-12-29")).toBe(true);
    expect(londonPilotPolicy.bankHolidays.at(-1)?.date.slice(0, 4)).toBe("2030");
  });
});
