import type { RegionPolicy } from "../policy/region-policy.js";
import { floorDiv } from "../quantities/integer-arithmetic.js";
import { addDays, dayNumber, isoWeekday, isoWeekdayOfDayNumber, type PlainDate } from "./plain-date.js";

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

/**
 * The policy's bank holidays that fall on a working weekday, as sorted day numbers: computed
 * once per holiday list (a policy is immutable data) and kept beside it, so counting working
 * days costs two binary searches instead of a pass over the holidays.
 */
const workingHolidayCache = new WeakMap<object, { readonly weekdays: readonly number[]; readonly days: Float64Array }>();

function workingHolidays(policy: CalendarPolicy): Float64Array {
  const cached = workingHolidayCache.get(policy.bankHolidays);
  if (cached !== undefined && cached.weekdays === policy.workingWeekdays) return cached.days;
  const days = new Set<number>();
  for (const h of policy.bankHolidays) {
    const n = dayNumber(h.date);
    if (policy.workingWeekdays.includes(isoWeekdayOfDayNumber(n))) days.add(n);
  }
  const sorted = Float64Array.from(days).sort();
  workingHolidayCache.set(policy.bankHolidays, { weekdays: policy.workingWeekdays, days: sorted });
  return sorted;
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: Float64Array, limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Working days (the region's working weekdays that are not bank holidays) from `from` to `to`
 * inclusive; 0 when `to` is before `from`. Closed form: whole weeks times the working weekdays,
 * plus the working weekdays of the last partial week, minus the bank holidays on working
 * weekdays in the range.
 */
export function workingDaysBetween(policy: CalendarPolicy, from: PlainDate, to: PlainDate): number {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) return 0;
  const length = last - first + 1;
  const wholeWeeks = floorDiv(length, 7);
  let count = wholeWeeks * policy.workingWeekdays.length;
  for (let n = first + wholeWeeks * 7; n <= last; n += 1)
    if (policy.workingWeekdays.includes(isoWeekdayOfDayNumber(n))) count += 1;
  const holidays = workingHolidays(policy);
  return count - (countBelow(holidays, last + 1) - countBelow(holidays, first));
}
