import { addDays, type PlainDate } from "../calendar/plain-date.js";
import { weekStartOf } from "../calendar/working-days.js";
import type { Adviser } from "../entities/adviser.js";
import { invalid, ok, type Result, type ValidationError } from "../result.js";

type Employment = Pick<Adviser, "employmentStart" | "employmentEnd">;

/** Whether `date` falls inside the adviser's employment (both ends inclusive; no end = still employed). */
export function isEmployedOn(adviser: Employment, date: PlainDate): boolean {
  return date >= adviser.employmentStart && (adviser.employmentEnd === null || date <= adviser.employmentEnd);
}

/**
 * Rule 16: work is only delivered by an adviser employed on its date. Refuses naming `field`
 * (the delivery's `date` by default), for recording and for correcting a delivery alike.
 */
export function checkEmployedOn(adviser: Employment, date: PlainDate, field = "date"): Result<PlainDate, ValidationError> {
  return isEmployedOn(adviser, date) ? ok(date) : invalid(field, "the adviser was not employed on that date");
}

/**
 * Rule 16: a booking's week must overlap the adviser's employment (a week in which employment
 * starts or ends can still be booked; capacity counts only the employed days). Returns the
 * week's Monday.
 */
export function checkEmployedInWeek(
  adviser: Employment,
  weekStart: PlainDate,
  field = "weekStart",
): Result<PlainDate, ValidationError> {
  const monday = weekStartOf(weekStart);
  const sunday = addDays(monday, 6);
  const overlaps = sunday >= adviser.employmentStart && (adviser.employmentEnd === null || monday <= adviser.employmentEnd);
  return overlaps ? ok(monday) : invalid(field, "the adviser is not employed in that week");
}
