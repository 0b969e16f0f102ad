import { invalid, ok, type Result } from "../result.js";
import { type ExactDecimal, exactRatio, parseExactDecimal } from "./exact-decimal.js";

/** Days as integer units of the region's granularity (1 unit = 1/unitsPerDay day). */
export type Units = number;

/**
 * An exact decimal day count onto the granularity: scaled x unitsPerDay / scale must be a whole
 * number of units, else the value is refused naming `field`. Zero passes only with `allowZero`.
 */
export function unitsFromExactDecimal(
  decimal: ExactDecimal,
  unitsPerDay: number,
  field = "days",
  allowZero = false,
): Result<Units> {
  if (!Number.isSafeInteger(unitsPerDay) || unitsPerDay <= 0) throw new RangeError(`${unitsPerDay} units a day is not a granularity`);
  const numerator = decimal.scaled * BigInt(unitsPerDay);
  if (numerator % decimal.scale !== 0n)
    return invalid(field, `${decimal.text} days is not a multiple of 1/${unitsPerDay} day`);
  const units = numerator / decimal.scale;
  if (units === 0n && !allowZero) return invalid(field, "days must be more than zero");
  // A parsed day count (six whole digits, a granularity of at most 1000) stays far below 2^53;
  // a hand-made decimal might not, and would lose units as a number.
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) return invalid(field, "is too large");
  return ok(Number(units));
}

/**
 * Parses a decimal day count ("1.5", "0.25", "3") into units of the granularity, exactly,
 * without floating point. Refuses zero, negative and off-granularity values, naming `field`.
 */
export function parseDays(text: string, unitsPerDay: number, field = "days"): Result<Units> {
  const decimal = parseExactDecimal(text.trim());
  if (!decimal) return invalid(field, `"${text}" is not a positive decimal number of days`);
  return unitsFromExactDecimal(decimal, unitsPerDay, field);
}

/**
 * Days given as a number (1.5) or a decimal string ("1.5") to units, exactly: the number is read
 * through its shortest decimal form, never multiplied as a float. Zero is allowed only when
 * `allowZero` is set (e.g. a host commitment of no days).
 */
export function unitsFromDays(
  days: number | string,
  unitsPerDay: number,
  field = "days",
  allowZero = false,
): Result<Units> {
  if (typeof days === "number") {
    if (!Number.isFinite(days)) return invalid(field, "must be a number of days");
    if (days < 0) return invalid(field, "must not be negative");
    if (days === 0) return allowZero ? ok(0) : invalid(field, "must be more than zero");
  }
  const text = String(days).trim();
  if (text.startsWith("-")) return invalid(field, "must not be negative");
  if (allowZero && /^0+(\.0+)?$/.test(text)) return ok(0);
  return parseDays(text, unitsPerDay, field);
}

/**
 * Units as a decimal day string: 5 units at 2 per day -> "2.5"; at 4 per day 11 -> "2.75".
 * `unitsPerDay` may be a multiple of the granularity, so an exact fraction of a unit (a pro-rata
 * commitment, 8 units over 10 a day -> "0.8") prints exactly too; only a ratio with no exact
 * decimal (a third) is shown to four places, rounded half up. BigInt arithmetic, never a float.
 */
export function formatDays(units: Units, unitsPerDay: number): string {
  if (!Number.isSafeInteger(units) || !Number.isSafeInteger(unitsPerDay) || unitsPerDay <= 0) {
    throw new RangeError(`Cannot format ${units} units at ${unitsPerDay} units a day`);
  }
  return exactRatio(units, unitsPerDay);
}

/** Bounds that keep every product in allocation exact (units x rate stays below 2^53). */
export const MAX_DELIVERY_UNITS = 1_000_000;

/** Days arrive as numbers (1.5) or decimal strings ("1.5") and leave as integer units. */
export type DaysInput = number | string;
