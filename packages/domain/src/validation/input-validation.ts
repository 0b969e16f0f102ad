import { financialYearOf } from "../calendar/financial-year.js";
import type { EpochMs, PlainDate } from "../calendar/plain-date.js";
import { weekStartOf } from "../calendar/working-days.js";
import { BOOKING_STATUSES, type BookingStatus } from "../capacity/booking.js";
import type { Engagement } from "../entities/engagement.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import { isStrand, type Strand } from "../policy/strand.js";
import type { DaysInput, Units } from "../quantities/days.js";
import type { Pence } from "../quantities/money.js";
import { err, notFound, type NotFoundError, type Result, type ValidationError } from "../result.js";
import { Reader } from "./field-reader.js";

/*
 * Rule 16: every write's input is checked here before anything is written. Days arrive as
 * decimal numbers or strings ("1.5") and leave as integer units; each refusal names its field.
 */

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
  const c = new Reader();
  const organisationId = c.id(input.organisationId, "organisationId");
  const strand = isStrand(input.strand) ? input.strand : c.add("strand", `unknown strand ${String(input.strand)}`);
  const themes = input.themes ?? [];
  if (!Array.isArray(themes) || themes.some((t) => typeof t !== "string" || t.trim() === ""))
    c.add("themes", "must be a list of non-empty names");
  const leadAdviserId = input.leadAdviserId ?? null;
  if (leadAdviserId !== null) c.id(leadAdviserId, "leadAdviserId");
  // An agreed rate of 0 is refused here, where it enters: allocation would refuse it later.
  const rate = c.optionalDayRate(input.agreedDayRatePence, "agreedDayRatePence");
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
    agreedDayRatePence: rate ?? null,
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
  const c = new Reader();
  if (engagement.status !== "ACCEPTED" && engagement.status !== "ACTIVE")
    c.add("engagementId", `the engagement is ${engagement.status}; deliveries need it ACCEPTED or ACTIVE`);
  const adviserId = c.id(input.adviserId, "adviserId");
  const date = c.date(input.date, "date");
  if (date !== undefined && (date < engagement.startDate || (engagement.endDate !== null && date > engagement.endDate)))
    c.add("date", `is outside the engagement (${engagement.startDate} to ${engagement.endDate ?? "open"})`);
  const units = c.days(input.days, policy.unitsPerDay, "days");
  const onSiteAt = input.onSiteAt ?? null;
  if (onSiteAt !== null && !Number.isSafeInteger(onSiteAt)) c.add("onSiteAt", "must be an instant in epoch milliseconds");
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
  const c = new Reader();
  const engagementId = c.id(input.engagementId, "engagementId");
  const adviserId = c.id(input.adviserId, "adviserId");
  const weekStart = c.date(input.weekStart, "weekStart");
  const units = c.days(input.days, policy.unitsPerDay, "days");
  const status = (BOOKING_STATUSES as readonly unknown[]).includes(input.status)
    ? (input.status as BookingStatus)
    : c.add("status", "must be TENTATIVE or CONFIRMED");
  return c.result(() => ({
    engagementId: engagementId!,
    adviserId: adviserId!,
    weekStart: weekStartOf(weekStart!),
    units: units!,
    status: status!,
  }));
}
