import { type Result, invalid, ok } from "./result.js";

/** Days as integer units of the region's granularity (1 unit = 1/unitsPerDay day). */
export type Units = number;
/** Money as integer pence. */
export type Pence = number;
/** Shares and FTE as integer basis points: 10000 = 1.0. */
export type BasisPoints = number;
export const BASIS_POINTS_ONE = 10_000;

/** An exact rational number; `denominator` is always positive and the pair is reduced. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

function assertSafe(value: number, what: string): void {
  // A value past 2^53 would silently lose pence or units: that is a bug, so it throws.
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is not a safe integer: ${value}`);
}

/** Floor division of integers, exact for all safe integers (corrects the float quotient). */
export function floorDiv(a: number, b: number): number {
  assertSafe(a, "dividend");
  assertSafe(b, "divisor");
  if (b === 0) throw new RangeError("division by zero");
  let q = Math.floor(a / b);
  let r = a - q * b;
  // The float quotient can be off by one near integer boundaries; fix it with the remainder.
  if (b > 0) {
    while (r < 0) {
      q -= 1;
      r += b;
    }
    while (r >= b) {
      q += 1;
      r -= b;
    }
  } else {
    while (r > 0) {
      q -= 1;
      r += b;
    }
    while (r <= b) {
      q += 1;
      r -= b;
    }
  }
  return q;
}

/** Ceiling division of integers. */
export function ceilDiv(a: number, b: number): number {
  return -floorDiv(-a, b);
}

/**
 * a / b rounded half up (towards +infinity at exactly .5), exact integer arithmetic.
 * Negative amounts therefore round -0.5 to 0; charges are never negative, adjustments are
 * differences of already-rounded charges, so this only matters for callers' own use.
 */
export function divideHalfUp(a: number, b: number): number {
  if (b < 0) return divideHalfUp(-a, -b);
  return floorDiv(2 * a + b, 2 * b);
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function fraction(numerator: number, denominator: number): Fraction {
  assertSafe(numerator, "numerator");
  assertSafe(denominator, "denominator");
  if (denominator === 0) throw new RangeError("zero denominator");
  const sign = denominator < 0 ? -1 : 1;
  const g = gcd(numerator, denominator) || 1;
  return { numerator: (sign * numerator) / g, denominator: (sign * denominator) / g };
}

/** A fraction as basis points (x 10000), rounded half up. 0/0 is reported as 0. */
export function fractionToBasisPoints(f: Fraction): BasisPoints {
  if (f.denominator === 0) return 0;
  return divideHalfUp(f.numerator * BASIS_POINTS_ONE, f.denominator);
}

/** Whole days to units. */
export function unitsFromWholeDays(days: number, unitsPerDay: number): Units {
  return days * unitsPerDay;
}

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

/** Checks a unit count given by a caller: a positive safe integer. */
export function checkPositiveUnits(units: unknown, field: string): Result<Units> {
  if (typeof units !== "number" || !Number.isSafeInteger(units))
    return invalid(field, "must be a whole number of units");
  if (units <= 0) return invalid(field, "must be more than zero");
  return ok(units);
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

/** Units as days for display (exact for granularities that are powers of two, like 2 and 4). */
export function unitsToDays(units: Units, unitsPerDay: number): number {
  return units / unitsPerDay;
}

/**
 * The charge for `units` at `dayRatePence` a day, rounded half up to the penny:
 * units x rate / unitsPerDay, all in integers.
 */
export function chargeForUnits(units: Units, dayRatePence: Pence, unitsPerDay: number): Pence {
  return divideHalfUp(units * dayRatePence, unitsPerDay);
}

/** Floors an exact fraction of units to whole units (the granularity), never below zero. */
export function floorUnits(f: Fraction): Units {
  const u = floorDiv(f.numerator, f.denominator);
  return Math.max(u, 0);
}
