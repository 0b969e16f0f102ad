import { isPlainDate, type PlainDate } from "../calendar/plain-date.js";
import { type DaysInput, MAX_DELIVERY_UNITS, type Units, unitsFromDays } from "../quantities/days.js";
import type { Pence } from "../quantities/money.js";
import { DAY_RATE_RULE, isDayRatePence } from "../quota/day-rate.js";
import { err, type FieldIssue, ok, type Result, validationError, type ValidationError } from "../result.js";

/*
 * The one field reader: reads untyped input (JSON, a region's policy, a command's arguments)
 * field by field, collecting every problem with its path instead of stopping at the first, so
 * one validation reports everything that is wrong. Each read returns undefined when the field
 * is at fault; `result` then refuses the whole input with every issue.
 */

export type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export class Reader {
  readonly issues: FieldIssue[] = [];
  add(field: string, message: string): undefined {
    this.issues.push({ field, message });
    return undefined;
  }
  obj(v: unknown, field: string): Obj | undefined {
    if (isObj(v)) return v;
    return this.add(field, v === undefined ? "is required" : "must be an object");
  }
  arr(v: unknown, field: string): unknown[] | undefined {
    if (Array.isArray(v)) return v;
    return this.add(field, v === undefined ? "is required" : "must be an array");
  }
  str(v: unknown, field: string, pattern?: RegExp, hint?: string): string | undefined {
    if (typeof v !== "string" || v.trim() === "")
      return this.add(field, v === undefined ? "is required" : "must be a non-empty string");
    if (pattern && !pattern.test(v)) return this.add(field, hint ?? `must match ${pattern}`);
    return v;
  }
  /** An id or name: a non-empty string. */
  id(v: unknown, field: string): string | undefined {
    return typeof v === "string" && v.trim() !== "" ? v : this.add(field, "is required");
  }
  int(v: unknown, field: string, min: number, max: number = Number.MAX_SAFE_INTEGER): number | undefined {
    if (typeof v !== "number" || !Number.isSafeInteger(v))
      return this.add(field, v === undefined ? "is required" : "must be a whole number");
    if (v < min || v > max)
      return this.add(field, max === Number.MAX_SAFE_INTEGER ? `must be at least ${min}` : `must be between ${min} and ${max}`);
    return v;
  }
  bool(v: unknown, field: string): boolean | undefined {
    if (typeof v === "boolean") return v;
    return this.add(field, v === undefined ? "is required" : "must be true or false");
  }
  oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[]): T | undefined {
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    return this.add(field, `must be one of ${allowed.join(", ")}`);
  }
  unknownKeys(o: Obj, field: string, known: readonly string[]): void {
    for (const k of Object.keys(o))
      if (!known.includes(k)) this.add(field === "" ? k : `${field}.${k}`, "is not a known field");
  }
  date(v: unknown, field: string): PlainDate | undefined {
    return isPlainDate(v) ? v : this.add(field, "must be a date YYYY-MM-DD");
  }
  optionalDate(v: unknown, field: string): PlainDate | null | undefined {
    return v === undefined || v === null ? null : this.date(v, field);
  }
  endNotBeforeStart(start: PlainDate | undefined, end: PlainDate | null | undefined, field: string): void {
    if (start !== undefined && end !== undefined && end !== null && end < start) this.add(field, "must not be before the start");
  }
  /** Days on the granularity, more than zero (or zero when `allowZero`), at most MAX_DELIVERY_UNITS units. */
  days(v: DaysInput, unitsPerDay: number, field: string, allowZero = false): Units | undefined {
    const r = unitsFromDays(v, unitsPerDay, field, allowZero);
    if (!r.ok) {
      this.issues.push(...(r.error as ValidationError).issues);
      return undefined;
    }
    if (r.value > MAX_DELIVERY_UNITS) return this.add(field, "is too large");
    return r.value;
  }
  /** A day rate (rule 5): whole pence from 1 to MAX_DAY_RATE_PENCE. */
  dayRate(v: unknown, field: string): Pence | undefined {
    return isDayRatePence(v) ? v : this.add(field, v === undefined ? "is required" : DAY_RATE_RULE);
  }
  optionalDayRate(v: unknown, field: string): Pence | null | undefined {
    if (v === undefined || v === null) return null;
    return isDayRatePence(v) ? v : this.add(field, `must be null or ${DAY_RATE_RULE.replace(/^must be /, "")}`);
  }
  /** Free text for the region's own staff (rule 17). */
  notes(v: unknown, field: string): string | null | undefined {
    if (v === undefined || v === null) return null;
    return typeof v === "string" ? v : this.add(field, "must be text");
  }
  /** Every issue at once, or the value `build` makes from the fields read. */
  result<T>(build: () => T): Result<T, ValidationError> {
    return this.issues.length > 0 ? err(validationError(this.issues)) : ok(build());
  }
}
