import type { Adviser, Leave } from "./adviser.js";
import type { BookingStatus } from "./booking.js";
import type { HostArrangement } from "./host-arrangement.js";
import type { PlainDate } from "./plain-date.js";
import type { Fraction, Units } from "./quantities.js";
import type { RegionPolicy } from "./region-policy.js";
import type { CapacityExceededError, Result, ValidationError } from "./result.js";
import type { Strand } from "./strand.js";

/** One adviser's capacity in one week (rule 8), exact before flooring. */
export interface WeekCapacity {
  readonly adviserId: string;
  readonly weekStart: PlainDate;
  /** Working weekdays that are not bank holidays and fall inside employment. */
  readonly workingDays: number;
  /** FTE x working days - leave, in units, exact (never negative). */
  readonly available: Fraction;
  /** `available` floored to the granularity. */
  readonly availableUnits: Units;
  /** Host commitments pro rata on short weeks, in units, exact. */
  readonly hostCommitment: Fraction;
  /** The rapid-response reserve held back this week, capped at what is left after hosting. */
  readonly reserve: Fraction;
  /** available - host - reserve, floored to the granularity, never negative. */
  readonly bookableUnits: Units;
}

export interface WeekCapacityInput {
  readonly adviser: Adviser;
  readonly weekStart: PlainDate;
  readonly leave: readonly Leave[];
  readonly arrangements: readonly HostArrangement[];
}

export function weekCapacity(_policy: RegionPolicy, _input: WeekCapacityInput): WeekCapacity {
  throw new Error("pending");
}

/** What capacity rules need of a booking. */
export interface CapacityBooking {
  readonly units: Units;
  readonly status: BookingStatus;
  readonly strand: Strand;
}

export interface BookingRequest extends CapacityBooking {
  readonly adviserId: string;
  readonly weekStart: PlainDate;
}

export interface BookingCheck {
  readonly heldToCapacity: boolean;
  readonly bookableUnits: Units;
  /** Confirmed units already booked on capacity-held strands. */
  readonly alreadyBookedUnits: Units;
  /** True for a tentative booking that takes confirmed + tentative past bookable. */
  readonly overbooked: boolean;
}

/**
 * Rule 8: a confirmed booking on a capacity-held strand must fit bookable days, else
 * CAPACITY_EXCEEDED naming adviser, week, bookable, already booked and requested. Tentative
 * bookings always pass and are flagged when over. Strands not held to capacity always pass.
 */
export function checkBooking(
  _policy: RegionPolicy,
  _capacity: WeekCapacity,
  _existing: readonly CapacityBooking[],
  _request: BookingRequest,
): Result<BookingCheck, CapacityExceededError | ValidationError> {
  throw new Error("pending");
}

/** A week as the capacity forecast shows it. */
export interface AdviserWeek extends WeekCapacity {
  readonly confirmedUnits: Units;
  readonly tentativeUnits: Units;
  /** Confirmed + tentative units on held strands beyond bookable. */
  readonly overbookedUnits: Units;
  readonly rapidResponseUnits: Units;
  /** Rapid-response units beyond the reserve. */
  readonly rapidResponseOverflowUnits: Units;
  /** Confirmed project days pushed out because the overflow exceeded the free bookable room. */
  readonly displacedUnits: Units;
}

/**
 * Rule 8: rapid response uses the reserve first; the overflow takes unbooked bookable room next,
 * and what still does not fit displaces confirmed capacity-held days.
 */
export function adviserWeek(
  _policy: RegionPolicy,
  _capacity: WeekCapacity,
  _bookings: readonly CapacityBooking[],
  _rapidResponseUnits: Units,
): AdviserWeek {
  throw new Error("pending");
}

export interface FreeWeek {
  readonly adviserId: string;
  readonly weekStart: PlainDate;
  readonly bookableUnits: Units;
  /** Confirmed units on held strands already booked. */
  readonly confirmedUnits: Units;
}

/**
 * Rule 9: the earliest week (then lowest adviser id) with room for `requestedUnits`, or null.
 */
export function earliestFittingWeek(
  _weeks: readonly FreeWeek[],
  _requestedUnits: Units,
): { readonly adviserId: string; readonly weekStart: PlainDate } | null {
  throw new Error("pending");
}
