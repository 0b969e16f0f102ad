import { isPlainDate, type PlainDate } from "../calendar/plain-date.js";
import type { Units } from "../quantities/days.js";
import type { CurrencyFormat, Pence } from "../quantities/money.js";
import { err, ok, type Result, validationError, type ValidationError } from "../result.js";
import { type Obj, Reader } from "../validation/field-reader.js";
import { type Strand, STRANDS } from "./strand.js";

/** What one strand costs and whether it is planned against capacity (rule 4). */
export interface StrandPolicy {
  /** Its days draw down the quota holder's free allowance. */
  readonly consumesQuota: boolean;
  /** Days not covered by the allowance are charged. With consumesQuota false, every day is. */
  readonly chargedAfterQuota: boolean;
  /** Confirmed bookings may not exceed the adviser's bookable days. */
  readonly heldToCapacity: boolean;
}

/** AREA: organisations share their home authority's allowance. ORGANISATION: each its own. */
export type QuotaPooling = "AREA" | "ORGANISATION";
export const QUOTA_POOLINGS = ["AREA", "ORGANISATION"] as const;

/** Statements cover calendar months, or quarters of the financial year. */
export type BillingPeriodKind = "MONTH" | "QUARTER";
export const BILLING_PERIOD_KINDS = ["MONTH", "QUARTER"] as const;

export interface YearUnits {
  readonly year: number;
  readonly units: Units;
}
export interface HolderYearUnits {
  readonly holderId: string;
  readonly year: number;
  readonly units: Units;
}
export interface YearPence {
  readonly year: number;
  readonly pence: Pence;
}
export interface BankHoliday {
  readonly date: PlainDate;
  readonly name: string;
}

/**
 * Everything that differs between regions (rule 15). Quantities of days are integer units of
 * `unitsPerDay`; money is integer pence; a financial year is named by the year it starts in.
 */
export interface RegionPolicy {
  readonly code: string;
  readonly name: string;
  readonly financialYearStart: { readonly month: number; readonly day: number };
  /** Granularity: 1 whole days, 2 half days, 4 quarter days. Must divide 1000. */
  readonly unitsPerDay: number;
  readonly freeDaysPerYear: {
    readonly defaultUnits: Units;
    readonly byYear: readonly YearUnits[];
    readonly byHolderYear: readonly HolderYearUnits[];
  };
  readonly quotaPooling: QuotaPooling;
  readonly strands: Readonly<Record<Strand, StrandPolicy>>;
  readonly defaultDayRate: { readonly pence: Pence; readonly byYear: readonly YearPence[] };
  readonly consultantBenchmarkDayRate: { readonly pence: Pence; readonly byYear: readonly YearPence[] };
  readonly rapidResponse: {
    /** Held back from every adviser-week for rapid response (rule 8). */
    readonly reserveUnitsPerAdviserWeek: Units;
    /** Response within this many hours counts as within target (rule 10). */
    readonly targetHours: number;
  };
  readonly bankHolidays: readonly BankHoliday[];
  /** ISO weekdays worked: 1 = Monday ... 7 = Sunday. */
  readonly workingWeekdays: readonly number[];
  readonly currency: CurrencyFormat;
  readonly billingPeriod: BillingPeriodKind;
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2999;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function yearList<T>(
  r: Reader,
  v: unknown,
  field: string,
  item: (o: Obj, path: string) => T | undefined,
  key: (t: T) => string,
): T[] {
  const list = r.arr(v, field) ?? [];
  const out: T[] = [];
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    const path = `${field}[${i}]`;
    const o = r.obj(entry, path);
    if (!o) return;
    const t = item(o, path);
    if (t === undefined) return;
    if (seen.has(key(t))) r.add(path, "repeats an earlier entry");
    seen.add(key(t));
    out.push(t);
  });
  return out;
}

function ratePolicy(r: Reader, v: unknown, field: string) {
  const o = r.obj(v, field);
  if (!o) return undefined;
  r.unknownKeys(o, field, ["pence", "byYear"]);
  const pence = r.dayRate(o.pence, `${field}.pence`);
  const byYear = yearList(
    r,
    o.byYear ?? [],
    `${field}.byYear`,
    (e, p) => {
      const year = r.int(e.year, `${p}.year`, YEAR_MIN, YEAR_MAX);
      const pn = r.dayRate(e.pence, `${p}.pence`);
      return year === undefined || pn === undefined ? undefined : { year, pence: pn };
    },
    (t) => String(t.year),
  );
  return pence === undefined ? undefined : { pence, byYear };
}

/**
 * Validates unknown input (JSON from a file or a table) as a region policy. Every problem is
 * reported with the path of its field, e.g. `strands.PROJECT_SUPPORT.consumesQuota`.
 */
export function parseRegionPolicy(input: unknown): Result<RegionPolicy, ValidationError> {
  const r = new Reader();
  const o = r.obj(input, "policy");
  if (!o) return err(validationError(r.issues));
  r.unknownKeys(o, "", [
    "code",
    "name",
    "financialYearStart",
    "unitsPerDay",
    "freeDaysPerYear",
    "quotaPooling",
    "strands",
    "defaultDayRate",
    "consultantBenchmarkDayRate",
    "rapidResponse",
    "bankHolidays",
    "workingWeekdays",
    "currency",
    "billingPeriod",
  ]);
  // The same shape as the regions table's CHECK: a letter first, then letters, digits, dashes.
  const code = r.str(o.code, "code", /^[a-z][a-z0-9-]*$/, "must start with a lower-case letter, then lower-case letters, digits and dashes");
  const name = r.str(o.name, "name");

  let financialYearStart: RegionPolicy["financialYearStart"] | undefined;
  const fys = r.obj(o.financialYearStart, "financialYearStart");
  if (fys) {
    r.unknownKeys(fys, "financialYearStart", ["month", "day"]);
    const month = r.int(fys.month, "financialYearStart.month", 1, 12);
    // 29 February would leave some years without a start day.
    const day = month === undefined ? undefined : r.int(fys.day, "financialYearStart.day", 1, MONTH_DAYS[month - 1]);
    if (month !== undefined && day !== undefined) financialYearStart = { month, day };
  }

  let unitsPerDay = r.int(o.unitsPerDay, "unitsPerDay", 1, 1000);
  if (unitsPerDay !== undefined && 1000 % unitsPerDay !== 0) {
    r.add("unitsPerDay", "must divide 1000 so days print exactly (1, 2, 4, 5, 8, 10, ...)");
    unitsPerDay = undefined;
  }

  let freeDaysPerYear: RegionPolicy["freeDaysPerYear"] | undefined;
  const fd = r.obj(o.freeDaysPerYear, "freeDaysPerYear");
  if (fd) {
    r.unknownKeys(fd, "freeDaysPerYear", ["defaultUnits", "byYear", "byHolderYear"]);
    const defaultUnits = r.int(fd.defaultUnits, "freeDaysPerYear.defaultUnits", 0);
    const byYear = yearList(
      r,
      fd.byYear ?? [],
      "freeDaysPerYear.byYear",
      (e, p) => {
        const year = r.int(e.year, `${p}.year`, YEAR_MIN, YEAR_MAX);
        const units = r.int(e.units, `${p}.units`, 0);
        return year === undefined || units === undefined ? undefined : { year, units };
      },
      (t) => String(t.year),
    );
    const byHolderYear = yearList(
      r,
      fd.byHolderYear ?? [],
      "freeDaysPerYear.byHolderYear",
      (e, p) => {
        const holderId = r.str(e.holderId, `${p}.holderId`);
        const year = r.int(e.year, `${p}.year`, YEAR_MIN, YEAR_MAX);
        const units = r.int(e.units, `${p}.units`, 0);
        return holderId === undefined || year === undefined || units === undefined
          ? undefined
          : { holderId, year, units };
      },
      (t) => `${t.holderId}|${t.year}`,
    );
    if (defaultUnits !== undefined) freeDaysPerYear = { defaultUnits, byYear, byHolderYear };
  }

  const quotaPooling = r.oneOf(o.quotaPooling, "quotaPooling", QUOTA_POOLINGS);

  let strands: Record<Strand, StrandPolicy> | undefined;
  const so = r.obj(o.strands, "strands");
  if (so) {
    r.unknownKeys(so, "strands", STRANDS);
    const out: Partial<Record<Strand, StrandPolicy>> = {};
    for (const s of STRANDS) {
      const path = `strands.${s}`;
      const e = r.obj(so[s], path);
      if (!e) continue;
      r.unknownKeys(e, path, ["consumesQuota", "chargedAfterQuota", "heldToCapacity"]);
      const consumesQuota = r.bool(e.consumesQuota, `${path}.consumesQuota`);
      const chargedAfterQuota = r.bool(e.chargedAfterQuota, `${path}.chargedAfterQuota`);
      const heldToCapacity = r.bool(e.heldToCapacity, `${path}.heldToCapacity`);
      // Rules 7 and 8 fix these two regardless of region.
      if (s === "HOST_SUPPORT" && consumesQuota === true)
        r.add(`${path}.consumesQuota`, "host support never consumes quota (rule 7)");
      if (s === "RAPID_RESPONSE" && heldToCapacity === true)
        r.add(`${path}.heldToCapacity`, "rapid response is never refused for capacity (rule 8)");
      if (consumesQuota !== undefined && chargedAfterQuota !== undefined && heldToCapacity !== undefined)
        out[s] = { consumesQuota, chargedAfterQuota, heldToCapacity };
    }
    if (STRANDS.every((s) => out[s] !== undefined)) strands = out as Record<Strand, StrandPolicy>;
  }

  const defaultDayRate = ratePolicy(r, o.defaultDayRate, "defaultDayRate");
  const consultantBenchmarkDayRate = ratePolicy(r, o.consultantBenchmarkDayRate, "consultantBenchmarkDayRate");

  let rapidResponse: RegionPolicy["rapidResponse"] | undefined;
  const rr = r.obj(o.rapidResponse, "rapidResponse");
  if (rr) {
    r.unknownKeys(rr, "rapidResponse", ["reserveUnitsPerAdviserWeek", "targetHours"]);
    const reserveUnitsPerAdviserWeek = r.int(rr.reserveUnitsPerAdviserWeek, "rapidResponse.reserveUnitsPerAdviserWeek", 0);
    const targetHours = r.int(rr.targetHours, "rapidResponse.targetHours", 1);
    if (reserveUnitsPerAdviserWeek !== undefined && targetHours !== undefined)
      rapidResponse = { reserveUnitsPerAdviserWeek, targetHours };
  }

  const bankHolidays = yearList(
    r,
    o.bankHolidays,
    "bankHolidays",
    (e, p) => {
      r.unknownKeys(e, p, ["date", "name"]);
      const date = isPlainDate(e.date) ? e.date : undefined;
      if (date === undefined) r.add(`${p}.date`, "must be a date YYYY-MM-DD");
      const hname = r.str(e.name, `${p}.name`);
      return date === undefined || hname === undefined ? undefined : { date, name: hname };
    },
    (t) => t.date,
  );

  let workingWeekdays: number[] | undefined;
  const ww = r.arr(o.workingWeekdays, "workingWeekdays");
  if (ww) {
    const days: number[] = [];
    ww.forEach((d, i) => {
      const v = r.int(d, `workingWeekdays[${i}]`, 1, 7);
      if (v === undefined) return;
      if (days.includes(v)) r.add(`workingWeekdays[${i}]`, "repeats an earlier weekday");
      else days.push(v);
    });
    if (ww.length === 0) r.add("workingWeekdays", "must list at least one weekday");
    workingWeekdays = days.sort((a, b) => a - b);
  }

  let currency: CurrencyFormat | undefined;
  const co = r.obj(o.currency, "currency");
  if (co) {
    r.unknownKeys(co, "currency", ["code", "symbol", "thousandsSeparator", "decimalSeparator"]);
    const ccode = r.str(co.code, "currency.code", /^[A-Z]{3}$/, "must be an ISO 4217 code such as GBP");
    const symbol = r.str(co.symbol, "currency.symbol");
    const thousandsSeparator = typeof co.thousandsSeparator === "string" ? co.thousandsSeparator : undefined;
    if (thousandsSeparator === undefined) r.add("currency.thousandsSeparator", "must be a string");
    const decimalSeparator = r.str(co.decimalSeparator, "currency.decimalSeparator");
    if (ccode && symbol && thousandsSeparator !== undefined && decimalSeparator)
      currency = { code: ccode, symbol, thousandsSeparator, decimalSeparator };
  }

  const billingPeriod = r.oneOf(o.billingPeriod, "billingPeriod", BILLING_PERIOD_KINDS);

  if (r.issues.length > 0) return err(validationError(r.issues));
  return ok({
    code: code!,
    name: name!,
    financialYearStart: financialYearStart!,
    unitsPerDay: unitsPerDay!,
    freeDaysPerYear: freeDaysPerYear!,
    quotaPooling: quotaPooling!,
    strands: strands!,
    defaultDayRate: defaultDayRate!,
    consultantBenchmarkDayRate: consultantBenchmarkDayRate!,
    rapidResponse: rapidResponse!,
    bankHolidays,
    workingWeekdays: workingWeekdays!,
    currency: currency!,
    billingPeriod: billingPeriod!,
  });
}
