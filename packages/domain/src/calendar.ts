import type { PlainDate } from "./plain-date.js";
import {
  addDays,
  dateFromParts,
  dayNumber,
  isoWeekday,
  partsFromDayNumber,
} from "./plain-date.js";
import type { RegionPolicy } from "./region-policy.js";

type CalendarPolicy = Pick<RegionPolicy, "financialYearStart" | "bankHolidays" | "workingWeekdays">;

/** The financial year a date belongs to, named by the calendar year it starts in (rule 1). */
export function financialYearOf(policy: Pick<RegionPolicy, "financialYearStart">, date: PlainDate): number {
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  const { month, day } = policy.financialYearStart;
  const start = `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return md >= start ? year : year - 1;
}

/** Same as financialYearOf, for a day number (used in the allocation hot loop). */
export function financialYearOfDayNumber(
  policy: Pick<RegionPolicy, "financialYearStart">,
  n: number,
): number {
  const { year, month, day } = partsFromDayNumber(n);
  const s = policy.financialYearStart;
  return month > s.month || (month === s.month && day >= s.day) ? year : year - 1;
}

export function financialYearStartDate(policy: Pick<RegionPolicy, "financialYearStart">, year: number): PlainDate {
  return dateFromParts(year, policy.financialYearStart.month, policy.financialYearStart.day);
}

/** The last day of the financial year (the day before the next year starts). */
export function financialYearEndDate(policy: Pick<RegionPolicy, "financialYearStart">, year: number): PlainDate {
  return addDays(financialYearStartDate(policy, year + 1), -1);
}

/** The Monday that starts the week containing `date`. */
export function weekStartOf(date: PlainDate): PlainDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function isBankHoliday(policy: Pick<RegionPolicy, "bankHolidays">, date: PlainDate): boolean {
  return policy.bankHolidays.some((h) => h.date === date);
}

export function isWorkingDay(policy: CalendarPolicy, date: PlainDate): boolean {
  return policy.workingWeekdays.includes(isoWeekday(date)) && !isBankHoliday(policy, date);
}

/** The region's working weekdays in the week starting `weekStart` that are not bank holidays. */
export function workingDaysInWeek(policy: CalendarPolicy, weekStart: PlainDate): PlainDate[] {
  const monday = weekStartOf(weekStart);
  const days: PlainDate[] = [];
  for (let i = 0; i < 7; i += 1) {
    const d = addDays(monday, i);
    if (isWorkingDay(policy, d)) days.push(d);
  }
  return days;
}

/** Working days (not bank holidays) from `from` to `to` inclusive. */
export function workingDaysBetween(policy: CalendarPolicy, from: PlainDate, to: PlainDate): number {
  let count = 0;
  for (let n = dayNumber(from), end = dayNumber(to); n <= end; n += 1) {
    const { year, month, day } = partsFromDayNumber(n);
    if (isWorkingDay(policy, dateFromParts(year, month, day))) count += 1;
  }
  return count;
}
