import type { Adviser } from "./adviser.js";
import type { BookingStatus } from "./booking.js";
import type { Engagement } from "./engagement.js";
import type { HostArrangement } from "./host-arrangement.js";
import type { EpochMs, PlainDate } from "./plain-date.js";
import type { Pence, Units } from "./quantities.js";
import type { RegionPolicy } from "./region-policy.js";
import type { NotFoundError, Result, ValidationError } from "./result.js";
import type { Strand } from "./strand.js";

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
  _policy: RegionPolicy,
  _input: EngagementInput,
): Result<ValidEngagementInput, ValidationError> {
  throw new Error("pending");
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
  _policy: RegionPolicy,
  _input: DeliveryInput,
  _engagement: Pick<Engagement, "id" | "status" | "startDate" | "endDate" | "strand"> | null,
): Result<ValidDeliveryInput, ValidationError | NotFoundError> {
  throw new Error("pending");
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
  _policy: RegionPolicy,
  _input: BookingInput,
): Result<ValidBookingInput, ValidationError> {
  throw new Error("pending");
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
  _policy: RegionPolicy,
  _input: HostArrangementInput,
): Result<ValidHostArrangementInput, ValidationError> {
  throw new Error("pending");
}

export interface AdviserInput {
  readonly name: string;
  readonly fteBp: unknown;
  readonly employmentStart: unknown;
  readonly employmentEnd?: unknown;
}

export function validateAdviserInput(
  _input: AdviserInput,
): Result<Omit<Adviser, "regionCode" | "id">, ValidationError> {
  throw new Error("pending");
}

export interface LeaveInput {
  readonly adviserId: string;
  readonly startDate: unknown;
  readonly endDate: unknown;
  readonly daysPerDay?: DaysInput;
}

export function validateLeaveInput(
  _policy: RegionPolicy,
  _input: LeaveInput,
): Result<{ adviserId: string; startDate: PlainDate; endDate: PlainDate; unitsPerDay: Units }, ValidationError> {
  throw new Error("pending");
}

