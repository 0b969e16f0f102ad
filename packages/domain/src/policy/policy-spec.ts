import type { Reader } from "../validation/field-reader.js";

/*
 * The shape of a region's policy document, written once as data. The validator walks it to read
 * untyped input (so every structural problem is reported with its field path), and the JSON
 * Schema people use for editor help is generated from it, so the two cannot disagree about a
 * field, a bound or a required key. Rules that tie fields together (a day within its month,
 * rules 7 and 8, days on the granularity) are checked after the walk, in region-policy.ts.
 */

export type Spec =
  | {
      readonly kind: "object";
      readonly description: string;
      readonly fields: Readonly<Record<string, FieldSpec>>;
      /** Pairs of which exactly one must be given: a quantity in days, or the same in units. */
      readonly exactlyOne?: readonly (readonly [string, string])[];
    }
  | {
      readonly kind: "array";
      readonly description: string;
      readonly items: Spec;
      readonly minItems?: { readonly count: number; readonly message: string };
      /** Items must differ by this key; a repeat is reported at its index and left out. */
      readonly unique?: { readonly key: (item: unknown) => string; readonly message: string; readonly whole: boolean };
    }
  | { readonly kind: "integer"; readonly description: string; readonly minimum: number; readonly maximum?: number; readonly divisorOf?: number }
  | { readonly kind: "boolean"; readonly description: string }
  | { readonly kind: "string"; readonly description: string; readonly pattern?: RegExp; readonly hint?: string; readonly allowEmpty?: boolean }
  | { readonly kind: "enum"; readonly description: string; readonly values: readonly string[] }
  | { readonly kind: "date"; readonly description: string }
  | { readonly kind: "dayRate"; readonly description: string }
  | { readonly kind: "days"; readonly description: string };

export interface FieldSpec {
  readonly spec: Spec;
  /** Absent optional fields read as `fallback` (an empty list for the year overrides). */
  readonly required: boolean;
  readonly fallback?: unknown;
}

export const required = (spec: Spec): FieldSpec => ({ spec, required: true });
export const optional = (spec: Spec, fallback?: unknown): FieldSpec => ({ spec, required: false, fallback });

const childPath = (prefix: string, key: string) => (prefix === "" ? key : `${prefix}.${key}`);

/**
 * Reads `value` as `spec` says, reporting every problem to the reader. Returns what could be
 * read: fields at fault are left undefined, so the caller builds nothing until the reader is
 * clean. `path` names the value in messages; `prefix` is what its fields' paths start with
 * (they differ only at the root, where the object is "policy" and its fields have no prefix).
 */
export function readSpec(r: Reader, spec: Spec, value: unknown, path: string, prefix = path): unknown {
  switch (spec.kind) {
    case "object": {
      const o = r.obj(value, path);
      if (!o) return undefined;
      r.unknownKeys(o, prefix, Object.keys(spec.fields));
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(spec.fields)) {
        const raw = o[key];
        if (raw === undefined || raw === null) {
          if (field.required) r.add(childPath(prefix, key), "is required");
          else if (field.fallback !== undefined) out[key] = field.fallback;
          continue;
        }
        out[key] = readSpec(r, field.spec, raw, childPath(prefix, key));
      }
      for (const [a, b] of spec.exactlyOne ?? []) {
        const given = [a, b].filter((k) => o[k] !== undefined && o[k] !== null);
        if (given.length === 0) r.add(childPath(prefix, a), `is required (or ${b})`);
        if (given.length === 2) r.add(childPath(prefix, b), `give ${a} or ${b}, not both`);
      }
      return out;
    }
    case "array": {
      const list = r.arr(value, path);
      if (!list) return undefined;
      if (spec.minItems && list.length < spec.minItems.count) r.add(path, spec.minItems.message);
      const out: unknown[] = [];
      const seen = new Set<string>();
      list.forEach((entry, i) => {
        const item = readSpec(r, spec.items, entry, `${path}[${i}]`);
        if (item === undefined || (spec.unique?.whole && hasHole(item))) return;
        if (spec.unique) {
          const key = spec.unique.key(item);
          if (seen.has(key)) {
            r.add(`${path}[${i}]`, spec.unique.message);
            return;
          }
          seen.add(key);
        }
        out.push(item);
      });
      return out;
    }
    case "integer": {
      const n = r.int(value, path, spec.minimum, spec.maximum);
      if (n !== undefined && spec.divisorOf !== undefined && spec.divisorOf % n !== 0)
        return r.add(path, `must divide ${spec.divisorOf} so days print exactly (${divisorsOf(spec.divisorOf).slice(0, 6).join(", ")}, ...)`);
      return n;
    }
    case "boolean":
      return r.bool(value, path);
    case "string":
      if (spec.allowEmpty) return typeof value === "string" ? value : r.add(path, "must be a string");
      return r.str(value, path, spec.pattern, spec.hint);
    case "enum":
      return r.oneOf(value, path, spec.values);
    case "date":
      return r.date(value, path);
    case "dayRate":
      return r.dayRate(value, path);
    case "days":
      // Converted to units once the granularity is known (region-policy.ts).
      return typeof value === "number" || typeof value === "string"
        ? value
        : r.add(path, "must be a number of days, e.g. 10 or \"0.5\"");
  }
}

/** An item whose own fields were at fault: reported already, and not compared for repeats. */
const hasHole = (item: unknown) =>
  typeof item === "object" && item !== null && Object.values(item).some((v) => v === undefined);

export function divisorsOf(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}
