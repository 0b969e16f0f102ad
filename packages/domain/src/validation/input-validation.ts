import { financialYearOf } from "../calendar/financial-year.js";
import { type EpochMs, isPlainDate, type PlainDate } from "../calendar/plain-date.js";
import { weekStartOf } from "../calendar/working-days.js";
import { BOOKING_STATUSES, type BookingStatus } from "../capacity/booking.js";
import type { Adviser } from "../entities/adviser.js";
import type { Engagement } from "../entities/engagement.js";
import type { HostArrangement } from "../hosting/host-arrangement.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import { isStrand, type Strand } from "../policy/strand.js";
import { type Units, unitsFromDays } from "../quantities/days.js";
import { BASIS_POINTS_ONE } from "../quantities/integer-arithmetic.js";
import type { Pence } from "../quantities/money.js";
import { MAX_DAY_RATE_PENCE } from "../quota/day-rate.js";
import { MAX_DELIVERY_UNITS } from "../quota/quota-allocation-types.js";
import { err, type FieldIssue, notFound, type NotFoundError, ok, type Result, validationError, type ValidationError } from "../result.js";

/** Collects every problem with one input, so a caller sees all of them at once. */
class Check {
  readonly issues: FieldIssue[] = [];
  fail(field: string, message: string): undefined {
    this.issues.push({ field, message });
    return undefined;
  }
  id(v: unknown, field: string): string | undefined {
    return typeof v === "string" && v.trim() !== "" ? v : this.fail(field, "is required");
  }
  date(v: unknown, field: string): PlainDate | undefined {
    return isPlainDate(v) ? v : this.fail(field, "must be a date YYYY-MM-DD");
  }
  optionalDate(v: unknown, field: string): PlainDate | null | undefined {
    return v === undefined || v === null ? null : this.date(v, field);
  }
  endNotBeforeStart(start: PlainDate | undefined, end: PlainDate | null | undefined, field: string): void {
    if (start !== undefined && end !== undefined && end !== null && end < start) this.fail(field, "must not be before the start");
  }
  days(v: DaysInput, upd: number, field: string, allowZero = false): Units | undefined {
    const r = unitsFromDays(v, upd, field, allowZero);
    if (!r.ok) {
      this.issues.push(...(r.error as ValidationError).issues);
      return undefined;
    }
    if (r.value > MAX_DELIVERY_UNITS) return this.fail(field, "is too large");
    return r.value;
  }
  basisPoints(v: unknown, field: string): number | undefined {
    if (typeof v !== "number" || !Number.isSafeInteger(v)) return this.fail(field, "must be whole basis points (10000 = 1)");
    if (v <= 0 || v > BASIS_POINTS_ONE) return this.fail(field, "must be above 0 and at most 10000 (1.0)");
    return v;
  }
  notes(v: unknown, field: string): string | null | undefined {
    if (v === undefined || v === null) return null;
    return typeof v === "string" ? v : this.fail(field, "must be text");
  }
  result<T>(build: () => T): Result<T, ValidationError> {
    return this.issues.length > 0 ? err(validationError(this.issues)) : ok(build());
  }
}

/*
 * Rule 16: every write's input is checked here before anything is written. Days arrive as
 * decimal numbers or strings ("1.5") and leave as integer units; each refusal names its field.
 */

export type DaysInput = number | string;

export interface EngagementInput {
  readonly organisationId: string;
  readonly strand: unknown;
  readonly themes?: readonly string[];
  readonly leadAdviserId?: string | null;
  readonly agreedDayRatePence?: number | null;
  readonly estimateDays: DaysInput;
  readonly startDate: unknown;
  readonly endDate?: unknown;
  readonly notes?: string | null;
}

export interface ValidEngagementInput {
  readonly organisationId: string;
  readonly strand: Strand;
  readonly themes: readonly string[];
  readonly leadAdviserId: string | null;
  readonly agreedDayRatePence: Pence | null;
  readonly estimateUnits: Units;
  readonly startDate: PlainDate;
  readonly endDate: PlainDate | null;
  readonly notes: string | null;
}

export function validateEngagementInput(
  policy: RegionPolicy,
  input: EngagementInput,
): Result<ValidEngagementInput, ValidationError> {
  const c = new Check();
  const organisationId = c.id(input.organisationId, "organisationId");
  const strand = isStrand(input.strand) ? input.strand : c.fail("strand", `unknown strand ${String(input.strand)}`);
  const themes = input.themes ?? [];
  if (!Array.isArray(themes) || themes.some((t) => typeof t !== "string" || t.trim() === ""))
    c.fail("themes", "must be a list of non-empty names");
  const leadAdviserId = input.leadAdviserId ?? null;
  if (leadAdviserId !== null) c.id(leadAdviserId, "leadAdviserId");
  const rate = input.agreedDayRatePence ?? null;
  if (rate !== null && (!Number.isSafeInteger(rate) || rate <= 0 || rate > MAX_DAY_RATE_PENCE))
    c.fail("agreedDayRatePence", `must be null or whole pence from 1 to ${MAX_DAY_RATE_PENCE}`);
  const estimateUnits = c.days(input.estimateDays, policy.unitsPerDay, "estimateDays");
  const startDate = c.date(input.startDate, "startDate");
  const endDate = c.optionalDate(input.endDate, "endDate");
  c.endNotBeforeStart(startDate, endDate, "endDate");
  const notes = c.notes(input.notes, "notes");
  return c.result(() => ({
    organisationId: organisationId!,
    strand: strand!,
    themes: [...themes],
    leadAdviserId,
    agreedDayRatePence: rate,
    estimateUnits: estimateUnits!,
    startDate: startDate!,
    endDate: endDate ?? null,
    notes: notes ?? null,
  }));
}

export interface DeliveryInput {
  readonly engagementId: string;
  readonly adviserId: string;
  readonly date: unknown;
  readonly days: DaysInput;
  readonly onSiteAt?: EpochMs | null;
  readonly notes?: string | null;
}

export interface ValidDeliveryInput {
  readonly engagementId: string;
  readonly adviserId: string;
  readonly date: PlainDate;
  readonly units: Units;
  readonly financialYear: number;
  readonly onSiteAt: EpochMs | null;
  readonly notes: string | null;
}

/**
 * Checks a delivery against its engagement (null = unknown id -> NOT_FOUND on engagementId):
 * positive days on the granularity, a date inside the engagement, and an engagement that can
 * take deliveries (ACCEPTED or ACTIVE).
 */
export function validateDeliveryInput(
  policy: RegionPolicy,
  input: DeliveryInput,
  engagement: Pick<Engagement, "id" | "status" | "startDate" | "endDate" | "strand"> | null,
): Result<ValidDeliveryInput, ValidationError | NotFoundError> {
  if (engagement === null) return err(notFound("Engagement", String(input.engagementId), "engagementId"));
  const c = new Check();
  if (engagement.status !== "ACCEPTED" && engagement.status !== "ACTIVE")
    c.fail("engagementId", `the engagement is ${engagement.status}; deliveries need it ACCEPTED or ACTIVE`);
  const adviserId = c.id(input.adviserId, "adviserId");
  const date = c.date(input.date, "date");
  if (date !== undefined && (date < engagement.startDate || (engagement.endDate !== null && date > engagement.endDate)))
    c.fail("date", `is outside the engagement (${engagement.startDate} to ${engagement.endDate ?? "open"})`);
  const units = c.days(input.days, policy.unitsPerDay, "days");
  const onSiteAt = input.onSiteAt ?? null;
  if (onSiteAt !== null && !Number.isSafeInteger(onSiteAt)) c.fail("onSiteAt", "must be an instant in epoch milliseconds");
  const notes = c.notes(input.notes, "notes");
  return c.result(() => ({
    engagementId: engagement.id,
    adviserId: adviserId!,
    date: date!,
    units: units!,
    financialYear: financialYearOf(policy, date!),
    onSiteAt,
    notes: notes ?? null,
  }));
}

export interface BookingInput {
  readonly engagementId: string;
  readonly adviserId: string;
  readonly weekStart: unknown;
  readonly days: DaysInput;
  readonly status: unknown;
}

export interface ValidBookingInput {
  readonly engagementId: string;
  readonly adviserId: string;
  /** Normalised to the Monday of the week. */
  readonly weekStart: PlainDate;
  readonly units: Units;
  readonly status: BookingStatus;
}

export function validateBookingInput(
  policy: RegionPolicy,
  input: BookingInput,
): Result<ValidBookingInput, ValidationError> {
  const c = new Check();
  const engagementId = c.id(input.engagementId, "engagementId");
  const adviserId = c.id(input.adviserId, "adviserId");
  const weekStart = c.date(input.weekStart, "weekStart");
  const units = c.days(input.days, policy.unitsPerDay, "days");
  const status = (BOOKING_STATUSES as readonly unknown[]).includes(input.status)
    ? (input.status as BookingStatus)
    : c.fail("status", "must be TENTATIVE or CONFIRMED");
  return c.result(() => ({
    engagementId: engagementId!,
    adviserId: adviserId!,
    weekStart: weekStartOf(weekStart!),
    units: units!,
    status: status!,
  }));
}

export interface HostArrangementInput {
  readonly adviserId: string;
  readonly authorityId: string;
  readonly startDate: unknown;
  readonly endDate?: unknown;
  readonly salaryShareBp: unknown;
  readonly commitmentDaysPerWeek: DaysInput;
}

export type ValidHostArrangementInput = Omit<HostArrangement, "regionCode" | "id">;

export function validateHostArrangementInput(
  policy: RegionPolicy,
  input: HostArrangementInput,
): Result<ValidHostArrangementInput, ValidationError> {
  const c = new Check();
  const adviserId = c.id(input.adviserId, "adviserId");
  const authorityId = c.id(input.authorityId, "authorityId");
  const startDate = c.date(input.startDate, "startDate");
  const endDate = c.optionalDate(input.endDate, "endDate");
  c.endNotBeforeStart(startDate, endDate, "endDate");
  const salaryShareBp = c.basisPoints(input.salaryShareBp, "salaryShareBp");
  const commitment = c.days(input.commitmentDaysPerWeek, policy.unitsPerDay, "commitmentDaysPerWeek", true);
  if (commitment !== undefined && commitment > policy.workingWeekdays.length * policy.unitsPerDay)
    c.fail("commitmentDaysPerWeek", "is more than a working week");
  return c.result(() => ({
    adviserId: adviserId!,
    authorityId: authorityId!,
    startDate: startDate!,
    endDate: endDate ?? null,
    salaryShareBp: salaryShareBp!,
    commitmentUnitsPerWeek: commitment!,
  }));
}

export interface AdviserInput {
  readonly name: string;
  readonly fteBp: unknown;
  readonly employmentStart: unknown;
  readonly employmentEnd?: unknown;
}

export function validateAdviserInput(input: AdviserInput): Result<Omit<Adviser, "regionCode" | "id">, ValidationError> {
  const c = new Check();
  const name = c.id(input.name, "name");
  const fteBp = c.basisPoints(input.fteBp, "fteBp");
  const employmentStart = c.date(input.employmentStart, "employmentStart");
  const employmentEnd = c.optionalDate(input.employmentEnd, "employmentEnd");
  c.endNotBeforeStart(employmentStart, employmentEnd, "employmentEnd");
  return c.result(() => ({ name: name!, fteBp: fteBp!, employmentStart: employmentStart!, employmentEnd: employmentEnd ?? null }));
}

export interface LeaveInput {
  readonly adviserId: string;
  readonly startDate: unknown;
  readonly endDate: unknown;
  readonly daysPerDay?: DaysInput;
}

/** Leave defaults to whole days; `daysPerDay` of 0.5 records mornings or afternoons off. */
export function validateLeaveInput(
  policy: RegionPolicy,
  input: LeaveInput,
): Result<{ adviserId: string; startDate: PlainDate; endDate: PlainDate; unitsPerDay: Units }, ValidationError> {
  const c = new Check();
  const adviserId = c.id(input.adviserId, "adviserId");
  const startDate = c.date(input.startDate, "startDate");
  const endDate = c.date(input.endDate, "endDate");
  c.endNotBeforeStart(startDate, endDate, "endDate");
  const unitsPerDay = c.days(input.daysPerDay ?? 1, policy.unitsPerDay, "daysPerDay");
  if (unitsPerDay !== undefined && unitsPerDay > policy.unitsPerDay) c.fail("daysPerDay", "must be at most 1");
  return c.result(() => ({ adviserId: adviserId!, startDate: startDate!, endDate: endDate!, unitsPerDay: unitsPerDay! }));
}

