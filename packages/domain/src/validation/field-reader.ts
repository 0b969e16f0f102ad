import type { FieldIssue } from "../result.js";

/*
 * Reads untyped data (JSON, table rows) field by field, collecting every problem with its path
 * instead of stopping at the first, so one validation reports everything that is wrong.
 */

export type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export class Reader {
  readonly issues: FieldIssue[] = [];
  add(field: string, message: string): void {
    this.issues.push({ field, message });
  }
  obj(v: unknown, field: string): Obj | undefined {
    if (isObj(v)) return v;
    this.add(field, v === undefined ? "is required" : "must be an object");
    return undefined;
  }
  arr(v: unknown, field: string): unknown[] | undefined {
    if (Array.isArray(v)) return v;
    this.add(field, v === undefined ? "is required" : "must be an array");
    return undefined;
  }
  str(v: unknown, field: string, pattern?: RegExp, hint?: string): string | undefined {
    if (typeof v !== "string" || v.trim() === "") {
      this.add(field, v === undefined ? "is required" : "must be a non-empty string");
      return undefined;
    }
    if (pattern && !pattern.test(v)) {
      this.add(field, hint ?? `must match ${pattern}`);
      return undefined;
    }
    return v;
  }
  int(v: unknown, field: string, min: number, max: number = Number.MAX_SAFE_INTEGER): number | undefined {
    if (typeof v !== "number" || !Number.isSafeInteger(v)) {
      this.add(field, v === undefined ? "is required" : "must be a whole number");
      return undefined;
    }
    if (v < min || v > max) {
      this.add(field, max === Number.MAX_SAFE_INTEGER ? `must be at least ${min}` : `must be between ${min} and ${max}`);
      return undefined;
    }
    return v;
  }
  bool(v: unknown, field: string): boolean | undefined {
    if (typeof v === "boolean") return v;
    this.add(field, v === undefined ? "is required" : "must be true or false");
    return undefined;
  }
  oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[]): T | undefined {
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    this.add(field, `must be one of ${allowed.join(", ")}`);
    return undefined;
  }
  unknownKeys(o: Obj, field: string, known: readonly string[]): void {
    for (const k of Object.keys(o))
      if (!known.includes(k)) this.add(field === "" ? k : `${field}.${k}`, "is not a known field");
  }
}
