import { invalid, ok, type Result } from "../result.js";
import { floorDiv } from "./integer-arithmetic.js";

/** Days as integer units of the region's granularity (1 unit = 1/unitsPerDay day). */
export type Units = number;
/**
 * Parses a decimal day count ("1.5", "0.25", "3") into units of the granularity, exactly,
 * without floating point. Refuses zero, negative and off-granularity values, naming `field`.
 */
export function parseDays(text: string, unitsPerDay: number, field = "days"): Result<Units> {
  const match = /^(\d{1,6})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) return invalid(field, `"${text}" is not a positive decimal number of days`);
  const whole = Number(match[1]);
  const digits = match[2] ?? "";
  const scale = 10 ** digits.length;
  const scaled = whole * scale + (digits === "" ? 0 : Number(digits));
  // units = scaled * unitsPerDay / scale must be a whole number of units.
  const numerator = scaled * unitsPerDay;
  if (numerator % scale !== 0)
    return invalid(field, `${text} days is not a multiple of 1/${unitsPerDay} day`);
  const units = numerator / scale;
  if (units <= 0) return invalid(field, "days must be more than zero");
  return ok(units);
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
 * Requires unitsPerDay to divide a power of ten up to 1000 (the policy validator checks).
 */
export function formatDays(units: Units, unitsPerDay: number): string {
  const sign = units < 0 ? "-" : "";
  const abs = Math.abs(units);
  const whole = floorDiv(abs, unitsPerDay);
  let rest = abs - whole * unitsPerDay;
  if (rest === 0) return `${sign}${whole}`;
  let digits = "";
  // Long division in base ten; terminates because unitsPerDay divides 1000.
  for (let i = 0; i < 3 && rest !== 0; i += 1) {
    rest *= 10;
    const d = floorDiv(rest, unitsPerDay);
    digits += String(d);
    rest -= d * unitsPerDay;
  }
  return `${sign}${whole}.${digits}`;
}

/** Bounds that keep every product in allocation exact (units x rate stays below 2^53). */
export const MAX_DELIVERY_UNITS = 1_000_000;

/** Days arrive as numbers (1.5) or decimal strings ("1.5") and leave as integer units. */
export type DaysInput = number | string;
