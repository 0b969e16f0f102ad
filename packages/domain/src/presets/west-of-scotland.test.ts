import { describe, expect, it } from "vitest";
import { isWorkingDay } from "../calendar/working-days.js";
import { SCOTLAND_2010_2012, scottishBankHolidays, westOfScotlandPolicy } from "./west-of-scotland.js";

describe("the West of Scotland preset's bank holidays", () => {
  it("derives from the England and Wales list exactly the days GOV.UK published for Scotland in 2010-2012", () => {
    expect(scottishBankHolidays(2010, 2012).map((h) => h.date)).toEqual(SCOTLAND_2010_2012.map((h) => h.date));
  });

  it("knows current years: substitute days, St Andrew's Day, the first Monday of August, the UK-wide one-offs", () => {
    const days = new Set(westOfScotlandPolicy.bankHolidays.map((h) => h.date));
    // 2026: Christmas Friday, Boxing Day Saturday (substitute Monday 28); St Andrew's a Monday.
    for (const d of ["2026-12-25", "2026-12-28", "2026-11-30", "2026-08-03", "2026-01-01", "2026-01-02"]) expect(days.has(d), d).toBe(true);
    // No Easter Monday, no late-August holiday in Scotland.
    for (const d of ["2026-04-06", "2026-08-31"]) expect(days.has(d), d).toBe(false);
    // 2022: both jubilee days and the state funeral; 2023: the coronation.
    for (const d of ["2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"]) expect(days.has(d), d).toBe(true);
    // 2022: 1 January a Saturday, 2 January a Sunday: Monday 3 and Tuesday 4.
    for (const d of ["2022-01-03", "2022-01-04"]) expect(days.has(d), d).toBe(true);
    expect(isWorkingDay(westOfScotlandPolicy, "2026-12-25")).toBe(false);
    expect(isWorkingDay(westOfScotlandPolicy, "2030-12-25")).toBe(false);
    expect(new Set(westOfScotlandPolicy.bankHolidays.map((h) => h.date)).size).toBe(westOfScotlandPolicy.bankHolidays.length);
  });
});
