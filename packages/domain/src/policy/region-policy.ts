import type { PlainDate } from "../calendar/plain-date.js";
import type { DaysInput, Units } from "../quantities/days.js";
import type { CurrencyFormat, Pence } from "../quantities/money.js";
import { err, ok, type Result, validationError, type ValidationError } from "../result.js";
import { Reader } from "../validation/field-reader.js";
import { optional, readSpec, required, type Spec } from "./policy-spec.js";
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

const year: Spec = { kind: "integer", description: "A financial year, named by the calendar year it starts in.", minimum: YEAR_MIN, maximum: YEAR_MAX };
const days = (description: string): Spec => ({ kind: "days", description: `${description} In days (a number or a decimal string such as "0.5"), on the granularity of unitsPerDay.` });
const units = (description: string): Spec => ({
  kind: "integer",
  description: `${description} In units of 1/unitsPerDay of a day; give the days field instead unless you mean units.`,
  minimum: 0,
});
const byYearEntry = (e: unknown) => String((e as { year: number }).year);

const rateSpec = (what: string): Spec => ({
  kind: "object",
  description: `${what}: a default and overrides by financial year, in whole pence.`,
  fields: {
    pence: required({ kind: "dayRate", description: `The ${what.toLowerCase()} in whole pence (48000 is 480.00).` }),
    byYear: optional(
      {
        kind: "array",
        description: "Overrides for particular financial years.",
        items: {
          kind: "object",
          description: "The rate for one financial year.",
          fields: { year: required(year), pence: required({ kind: "dayRate", description: "The rate that year, in whole pence." }) },
        },
        unique: { key: byYearEntry, message: "repeats an earlier entry", whole: true },
      },
      [],
    ),
  },
});

const strandSpec = (strand: Strand): Spec => ({
  kind: "object",
  description: `What ${strand} work costs and whether it is planned against capacity (rule 4).`,
  fields: {
    consumesQuota: required({ kind: "boolean", description: "Its days draw down the quota holder's free allowance." }),
    chargedAfterQuota: required({ kind: "boolean", description: "Days the allowance does not cover are charged (every day, when consumesQuota is false)." }),
    heldToCapacity: required({ kind: "boolean", description: "Confirmed bookings may not exceed the adviser's bookable days." }),
  },
});

/**
 * The policy document, field by field: what parseRegionPolicy reads and what
 * `regionPolicyJsonSchema()` publishes. Quantities of days may be written in days (converted with
 * `unitsPerDay`) or, as stored, in units.
 */
export const REGION_POLICY_SPEC: Spec = {
  kind: "object",
  description: "Everything that differs between regions running the adviser service (rule 15).",
  fields: {
    $schema: optional({ kind: "string", description: "The JSON Schema this document follows, for editors." }),
    code: required({
      kind: "string",
      description: "The region's code: a lower-case letter, then lower-case letters, digits and dashes.",
      pattern: /^[a-z][a-z0-9-]*$/,
      hint: "must start with a lower-case letter, then lower-case letters, digits and dashes",
    }),
    name: required({ kind: "string", description: "The region's name as people say it." }),
    financialYearStart: required({
      kind: "object",
      description: "The day the financial year starts (29 February is refused: some years would have no start).",
      fields: {
        month: required({ kind: "integer", description: "Month, 1-12.", minimum: 1, maximum: 12 }),
        day: required({ kind: "integer", description: "Day of the month.", minimum: 1, maximum: 31 }),
      },
    }),
    unitsPerDay: required({
      kind: "integer",
      description: "Granularity: 1 whole days, 2 half days, 4 quarter days. Must divide 1000 so every quantity prints exactly.",
      minimum: 1,
      maximum: 1000,
      divisorOf: 1000,
    }),
    freeDaysPerYear: required({
      kind: "object",
      description: "The free allowance of project days each quota holder has a year (rule 3).",
      fields: {
        defaultDays: optional(days("The allowance every holder has unless overridden.")),
        defaultUnits: optional(units("The allowance every holder has unless overridden.")),
        byYear: optional(
          {
            kind: "array",
            description: "Allowances for particular financial years.",
            items: {
              kind: "object",
              description: "The allowance in one financial year.",
              fields: { year: required(year), days: optional(days("The allowance that year.")), units: optional(units("The allowance that year.")) },
              exactlyOne: [["days", "units"]],
            },
            unique: { key: byYearEntry, message: "repeats an earlier entry", whole: true },
          },
          [],
        ),
        byHolderYear: optional(
          {
            kind: "array",
            description: "Allowances for one quota holder in one financial year.",
            items: {
              kind: "object",
              description: "One holder's allowance in one financial year.",
              fields: {
                holderId: required({ kind: "string", description: "The quota holder: a home authority's GSS code (area pooling) or an organisation id." }),
                year: required(year),
                days: optional(days("The holder's allowance that year.")),
                units: optional(units("The holder's allowance that year.")),
              },
              exactlyOne: [["days", "units"]],
            },
            unique: { key: (e) => `${(e as { holderId: string }).holderId}|${(e as { year: number }).year}`, message: "repeats an earlier entry", whole: true },
          },
          [],
        ),
      },
      exactlyOne: [["defaultDays", "defaultUnits"]],
    }),
    quotaPooling: required({
      kind: "enum",
      description: "AREA: organisations share their home authority's allowance. ORGANISATION: each has its own.",
      values: QUOTA_POOLINGS,
    }),
    strands: required({
      kind: "object",
      description: "For every kind of work, what it costs and whether it is held to capacity (rules 4, 7, 8).",
      fields: Object.fromEntries(STRANDS.map((s) => [s, required(strandSpec(s))])),
    }),
    defaultDayRate: required(rateSpec("Default day rate")),
    consultantBenchmarkDayRate: required(rateSpec("Consultant benchmark day rate")),
    rapidResponse: required({
      kind: "object",
      description: "Rapid response: the reserve held back each adviser-week (rule 8) and the response target (rule 10).",
      fields: {
        reserveDaysPerAdviserWeek: optional(days("Held back from every adviser-week for rapid response.")),
        reserveUnitsPerAdviserWeek: optional(units("Held back from every adviser-week for rapid response.")),
        targetHours: required({ kind: "integer", description: "Response within this many hours counts as within target.", minimum: 1 }),
      },
      exactlyOne: [["reserveDaysPerAdviserWeek", "reserveUnitsPerAdviserWeek"]],
    }),
    bankHolidays: required({
      kind: "array",
      description: "Days nobody works. Import the GOV.UK bank-holidays layout rather than typing them.",
      items: {
        kind: "object",
        description: "One bank holiday.",
        fields: {
          date: required({ kind: "date", description: "The date, YYYY-MM-DD." }),
          name: required({ kind: "string", description: "Its name, e.g. Christmas Day." }),
        },
      },
      unique: { key: (e) => (e as { date: string }).date, message: "repeats an earlier entry", whole: true },
    }),
    workingWeekdays: required({
      kind: "array",
      description: "ISO weekdays worked: 1 = Monday ... 7 = Sunday.",
      items: { kind: "integer", description: "An ISO weekday, 1-7.", minimum: 1, maximum: 7 },
      minItems: { count: 1, message: "must list at least one weekday" },
      unique: { key: String, message: "repeats an earlier weekday", whole: false },
    }),
    currency: required({
      kind: "object",
      description: "How money is written in this region.",
      fields: {
        code: required({ kind: "string", description: "ISO 4217 code.", pattern: /^[A-Z]{3}$/, hint: "must be an ISO 4217 code such as GBP" }),
        symbol: required({ kind: "string", description: "The symbol, e.g. £." }),
        thousandsSeparator: required({ kind: "string", description: "Between groups of thousands (may be empty).", allowEmpty: true }),
        decimalSeparator: required({ kind: "string", description: "Before the pence." }),
      },
    }),
    billingPeriod: required({ kind: "enum", description: "Statements cover calendar months, or quarters of the financial year.", values: BILLING_PERIOD_KINDS }),
  },
};

/** The document as the walk reads it: quantities still as written, days or units. */
interface PolicyDocument {
  code?: string;
  name?: string;
  financialYearStart?: { month?: number; day?: number };
  unitsPerDay?: number;
  freeDaysPerYear?: {
    defaultDays?: DaysInput;
    defaultUnits?: number;
    byYear?: { year?: number; days?: DaysInput; units?: number }[];
    byHolderYear?: { holderId?: string; year?: number; days?: DaysInput; units?: number }[];
  };
  quotaPooling?: QuotaPooling;
  strands?: Partial<Record<Strand, StrandPolicy>>;
  defaultDayRate?: { pence?: Pence; byYear?: YearPence[] };
  consultantBenchmarkDayRate?: { pence?: Pence; byYear?: YearPence[] };
  rapidResponse?: { reserveDaysPerAdviserWeek?: DaysInput; reserveUnitsPerAdviserWeek?: number; targetHours?: number };
  bankHolidays?: BankHoliday[];
  workingWeekdays?: number[];
  currency?: CurrencyFormat;
  billingPeriod?: BillingPeriodKind;
}

/**
 * Validates unknown input (JSON from a file or a table) as a region policy. Every problem is
 * reported with the path of its field, e.g. `strands.PROJECT_SUPPORT.consumesQuota`. Quantities
 * of days may be given in days (`freeDaysPerYear.defaultDays: 8`, `rapidResponse.
 * reserveDaysPerAdviserWeek: "0.5"`), converted with `unitsPerDay`, or in units as stored; the
 * result always holds units.
 */
export function parseRegionPolicy(input: unknown): Result<RegionPolicy, ValidationError> {
  const r = new Reader();
  const doc = readSpec(r, REGION_POLICY_SPEC, input, "policy", "") as PolicyDocument | undefined;
  if (!doc) return err(validationError(r.issues));

  const fys = doc.financialYearStart;
  // 29 February would leave some years without a start day.
  if (fys?.month !== undefined && fys.day !== undefined && fys.day > MONTH_DAYS[fys.month - 1]!)
    r.add("financialYearStart.day", `must be between 1 and ${MONTH_DAYS[fys.month - 1]}`);

  const unitsPerDay = doc.unitsPerDay;
  /** A quantity given in days or in units, as units; undefined when at fault or not yet known. */
  const unitsOf = (q: { days?: DaysInput; units?: number }, daysField: string): Units | undefined => {
    if (q.units !== undefined) return q.units;
    if (q.days === undefined || unitsPerDay === undefined) return undefined;
    return r.days(q.days, unitsPerDay, daysField, true);
  };

  const fd = doc.freeDaysPerYear;
  const defaultUnits = fd && unitsOf({ days: fd.defaultDays, units: fd.defaultUnits }, "freeDaysPerYear.defaultDays");
  const byYear = (fd?.byYear ?? []).map((e, i) => ({ year: e.year, units: unitsOf(e, `freeDaysPerYear.byYear[${i}].days`) }));
  const byHolderYear = (fd?.byHolderYear ?? []).map((e, i) => ({
    holderId: e.holderId,
    year: e.year,
    units: unitsOf(e, `freeDaysPerYear.byHolderYear[${i}].days`),
  }));

  const rr = doc.rapidResponse;
  const reserveUnitsPerAdviserWeek =
    rr && unitsOf({ days: rr.reserveDaysPerAdviserWeek, units: rr.reserveUnitsPerAdviserWeek }, "rapidResponse.reserveDaysPerAdviserWeek");

  // Rules 7 and 8 fix these two regardless of region.
  for (const s of STRANDS) {
    const e = doc.strands?.[s];
    if (s === "HOST_SUPPORT" && e?.consumesQuota === true) r.add(`strands.${s}.consumesQuota`, "host support never consumes quota (rule 7)");
    if (s === "RAPID_RESPONSE" && e?.heldToCapacity === true)
      r.add(`strands.${s}.heldToCapacity`, "rapid response is never refused for capacity (rule 8)");
  }

  if (r.issues.length > 0) return err(validationError(r.issues));
  // The walk and the checks above found nothing at fault, so every field is present.
  const d = doc as Required<PolicyDocument>;
  return ok({
    code: d.code,
    name: d.name,
    financialYearStart: d.financialYearStart as RegionPolicy["financialYearStart"],
    unitsPerDay: d.unitsPerDay,
    freeDaysPerYear: {
      defaultUnits: defaultUnits!,
      byYear: byYear as YearUnits[],
      byHolderYear: byHolderYear as HolderYearUnits[],
    },
    quotaPooling: d.quotaPooling,
    strands: d.strands as Record<Strand, StrandPolicy>,
    defaultDayRate: d.defaultDayRate as RegionPolicy["defaultDayRate"],
    consultantBenchmarkDayRate: d.consultantBenchmarkDayRate as RegionPolicy["consultantBenchmarkDayRate"],
    rapidResponse: { reserveUnitsPerAdviserWeek: reserveUnitsPerAdviserWeek!, targetHours: rr!.targetHours! },
    bankHolidays: d.bankHolidays,
    workingWeekdays: [...d.workingWeekdays].sort((a, b) => a - b),
    currency: d.currency,
    billingPeriod: d.billingPeriod,
  });
}
