import { invalid, ok, type Result } from "../result.js";

/** A calendar date as an ISO string 'YYYY-MM-DD', with no time zone. */
export type PlainDate = string;
/** An instant as epoch milliseconds (UTC). */
export type EpochMs = number;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== "string" || !DATE_SHAPE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function parsePlainDate(value: unknown, field: string): Result<PlainDate> {
  return isPlainDate(value) ? ok(value) : invalid(field, "must be a date YYYY-MM-DD");
}

/** Days since 1970-01-01 (civil calendar, integer algorithm; no Date objects, no zones). */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 of an ISO date; reads characters directly because it runs per delivery. */
export function dayNumber(date: PlainDate): number {
  // No helper closure here: this runs a million times per allocation.
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return dayNumberFromParts(year, month, day);
}

export function partsFromDayNumber(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function dateFromParts(year: number, month: number, day: number): PlainDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function dateFromDayNumber(n: number): PlainDate {
  const { year, month, day } = partsFromDayNumber(n);
  return dateFromParts(year, month, day);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(date: PlainDate): number {
  return isoWeekdayOfDayNumber(dayNumber(date));
}

export function isoWeekdayOfDayNumber(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates (ISO strings compare in calendar order). */
export function laterDate(a: PlainDate, b: PlainDate): PlainDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function earlierDate(a: PlainDate, b: PlainDate): PlainDate {
  return compareDates(a, b) <= 0 ? a : b;
}
