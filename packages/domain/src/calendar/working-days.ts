import type { RegionPolicy } from "../policy/region-policy.js";
import { addDays, dateFromParts, dayNumber, isoWeekday, partsFromDayNumber, type PlainDate } from "./plain-date.js";

type CalendarPolicy = Pick<RegionPolicy, "bankHolidays" | "workingWeekdays">;

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
