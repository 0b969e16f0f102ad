import { daysBetween, isPlainDate, type PlainDate } from "../calendar/plain-date.js";
import { weekStartOf, workingDaysInWeek } from "../calendar/working-days.js";
import type { Adviser, Leave } from "../entities/adviser.js";
import { type HostArrangement, isArrangementActive } from "../hosting/host-arrangement.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import { isStrand, type Strand } from "../policy/strand.js";
import { formatDays, type Units } from "../quantities/days.js";
import { BASIS_POINTS_ONE, ceilDiv, floorDiv, fraction, type Fraction } from "../quantities/integer-arithmetic.js";
import { type CapacityExceededError, err, type FieldIssue, ok, type Result, validationError, type ValidationError } from "../result.js";
import { BOOKING_STATUSES, type BookingStatus } from "./booking.js";

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

/**
 * Everything is computed over one common denominator, 10000 x (working weekdays per week), so
 * FTE in basis points and pro-rata host commitments stay exact integers until the final floor.
 */
function denominator(policy: RegionPolicy): number {
  return BASIS_POINTS_ONE * policy.workingWeekdays.length;
}

/**
 * Rule 8: available = FTE x working days (not bank holidays, inside employment) - leave;
 * bookable = available - host commitments (pro rata on short weeks) - the rapid-response
 * reserve, floored to the granularity, never negative. The reserve is not pro rata: it is held
 * back in full whenever the week has that much left after hosting, and capped otherwise.
 */
export function weekCapacity(policy: RegionPolicy, input: WeekCapacityInput): WeekCapacity {
  const { adviser } = input;
  const monday = weekStartOf(input.weekStart);
  const days = workingDaysInWeek(policy, monday).filter(
    (d) => d >= adviser.employmentStart && (adviser.employmentEnd === null || d <= adviser.employmentEnd),
  );
  const perWeek = policy.workingWeekdays.length;
  const D = denominator(policy);
  let leaveUnits = 0;
  for (const l of input.leave) {
    if (l.adviserId !== adviser.id) continue;
    for (const d of days) if (d >= l.startDate && d <= l.endDate) leaveUnits += l.unitsPerDay;
  }
  const availableN = Math.max(0, adviser.fteBp * days.length * policy.unitsPerDay * perWeek - leaveUnits * D);
  let hostN = 0;
  for (const a of input.arrangements) {
    if (a.adviserId !== adviser.id) continue;
    const activeDays = days.filter((d) => isArrangementActive(a, d)).length;
    hostN += a.commitmentUnitsPerWeek * activeDays * BASIS_POINTS_ONE;
  }
  const afterHostN = Math.max(0, availableN - hostN);
  const reserveN = Math.min(policy.rapidResponse.reserveUnitsPerAdviserWeek * D, afterHostN);
  return {
    adviserId: adviser.id,
    weekStart: monday,
    workingDays: days.length,
    available: fraction(availableN, D),
    availableUnits: floorDiv(availableN, D),
    hostCommitment: fraction(hostN, D),
    reserve: fraction(reserveN, D),
    bookableUnits: Math.max(0, floorDiv(afterHostN - reserveN, D)),
  };
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
  policy: RegionPolicy,
  capacity: WeekCapacity,
  existing: readonly CapacityBooking[],
  request: BookingRequest,
): Result<BookingCheck, CapacityExceededError | ValidationError> {
  const issues: FieldIssue[] = [];
  if (!Number.isSafeInteger(request.units) || request.units <= 0)
    issues.push({ field: "units", message: `must be more than 0 days, in whole units of 1/${policy.unitsPerDay} day` });
  if (!isStrand(request.strand)) issues.push({ field: "strand", message: `unknown strand ${String(request.strand)}` });
  if (!(BOOKING_STATUSES as readonly string[]).includes(request.status))
    issues.push({ field: "status", message: "must be TENTATIVE or CONFIRMED" });
  if (request.adviserId !== capacity.adviserId) issues.push({ field: "adviserId", message: "does not match the capacity given" });
  if (!isPlainDate(request.weekStart) || weekStartOf(request.weekStart) !== capacity.weekStart)
    issues.push({ field: "weekStart", message: "does not match the capacity given" });
  if (issues.length > 0) return err(validationError(issues));
  const { confirmed, tentative } = heldUnits(policy, existing);
  const held = policy.strands[request.strand].heldToCapacity;
  const bookable = capacity.bookableUnits;
  const days = (units: Units) => formatDays(units, policy.unitsPerDay);
  if (held && request.status === "CONFIRMED" && confirmed + request.units > bookable)
    return err({
      code: "CAPACITY_EXCEEDED",
      adviserId: capacity.adviserId,
      weekStart: capacity.weekStart,
      bookableUnits: bookable,
      alreadyBookedUnits: confirmed,
      requestedUnits: request.units,
      // Units are the policy's granularity; people read days.
      message: `adviser ${capacity.adviserId} has ${days(bookable)} bookable days in the week of ${capacity.weekStart}, ${days(confirmed)} already booked, ${days(request.units)} requested`,
    });
  return ok({
    heldToCapacity: held,
    bookableUnits: bookable,
    alreadyBookedUnits: confirmed,
    overbooked: held && request.status === "TENTATIVE" && confirmed + tentative + request.units > bookable,
  });
}

/**
 * Rule 8: the units a week's bookings hold against capacity, confirmed and tentative, counting
 * only strands the policy holds to capacity. A new confirmed booking must fit beside
 * `confirmed`; a booking being confirmed from tentative is left out of `bookings` by the caller.
 */
export function heldUnits(
  policy: Pick<RegionPolicy, "strands">,
  bookings: readonly CapacityBooking[],
): { readonly confirmed: Units; readonly tentative: Units } {
  let confirmed = 0;
  let tentative = 0;
  for (const b of bookings) {
    if (!policy.strands[b.strand]?.heldToCapacity) continue;
    if (b.status === "CONFIRMED") confirmed += b.units;
    else tentative += b.units;
  }
  return { confirmed, tentative };
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
  policy: RegionPolicy,
  capacity: WeekCapacity,
  bookings: readonly CapacityBooking[],
  rapidResponseUnits: Units,
): AdviserWeek {
  const { confirmed, tentative } = heldUnits(policy, bookings);
  const D = denominator(policy);
  // Work in the exact denominator: the reserve may be a capped, fractional amount.
  const reserveN = (capacity.reserve.numerator * D) / capacity.reserve.denominator;
  const overflowN = Math.max(0, rapidResponseUnits * D - reserveN);
  const freeRoomN = Math.max(0, capacity.bookableUnits - confirmed) * D;
  return {
    ...capacity,
    confirmedUnits: confirmed,
    tentativeUnits: tentative,
    overbookedUnits: Math.max(0, confirmed + tentative - capacity.bookableUnits),
    rapidResponseUnits,
    rapidResponseOverflowUnits: ceilDiv(overflowN, D),
    // A partly displaced unit counts as displaced: it no longer fits the week.
    displacedUnits: Math.min(confirmed, ceilDiv(Math.max(0, overflowN - freeRoomN), D)),
  };
}

export interface FreeWeek {
  readonly adviserId: string;
  readonly weekStart: PlainDate;
  readonly bookableUnits: Units;
  /** Confirmed units on held strands already booked. */
  readonly confirmedUnits: Units;
}

/** A week's room as waitlisting sees it: bookable units and the confirmed units held against them. */
export function freeWeekOf(
  policy: Pick<RegionPolicy, "strands">,
  capacity: Pick<WeekCapacity, "adviserId" | "weekStart" | "bookableUnits">,
  bookings: readonly CapacityBooking[],
): FreeWeek {
  return {
    adviserId: capacity.adviserId,
    weekStart: capacity.weekStart,
    bookableUnits: capacity.bookableUnits,
    confirmedUnits: heldUnits(policy, bookings).confirmed,
  };
}

/**
 * Rule 9: the units a week a request needs free to start: its estimate spread evenly over the
 * weeks from its first week to its end (one week when open-ended), rounded up, at least a day
 * and at most the whole estimate. 0 for a strand the policy does not hold to capacity, which
 * always fits.
 */
export function requestWeeklyUnits(
  policy: Pick<RegionPolicy, "strands" | "unitsPerDay">,
  request: { readonly strand: Strand; readonly estimateUnits: Units; readonly startDate: PlainDate; readonly endDate: PlainDate | null },
): Units {
  if (!policy.strands[request.strand].heldToCapacity) return 0;
  const firstWeek = weekStartOf(request.startDate);
  const weeks = request.endDate === null ? 1 : Math.max(1, floorDiv(daysBetween(firstWeek, request.endDate), 7) + 1);
  return Math.min(request.estimateUnits, Math.max(policy.unitsPerDay, ceilDiv(request.estimateUnits, weeks)));
}

/**
 * Rule 9: the earliest week (then lowest adviser id) with room for `requestedUnits`, or null.
 */
export function earliestFittingWeek(
  weeks: readonly FreeWeek[],
  requestedUnits: Units,
): { readonly adviserId: string; readonly weekStart: PlainDate } | null {
  let best: FreeWeek | null = null;
  for (const w of weeks) {
    if (w.bookableUnits - w.confirmedUnits < requestedUnits) continue;
    if (best === null || w.weekStart < best.weekStart || (w.weekStart === best.weekStart && w.adviserId < best.adviserId))
      best = w;
  }
  return best === null ? null : { adviserId: best.adviserId, weekStart: best.weekStart };
}

/**
 * Rule 9: whether a request for `requestedUnits` in `wantedWeek` fits now, and if not the
 * earliest later week it could start (for the waitlist). Weeks before `wantedWeek` are ignored.
 */
export function fitRequest(
  weeks: readonly FreeWeek[],
  requestedUnits: Units,
  wantedWeek: PlainDate,
): { readonly fits: boolean; readonly earliestWeek: PlainDate | null; readonly adviserId: string | null } {
  const from = weekStartOf(wantedWeek);
  const found = earliestFittingWeek(
    weeks.filter((w) => w.weekStart >= from),
    requestedUnits,
  );
  return {
    fits: found !== null && found.weekStart === from,
    earliestWeek: found?.weekStart ?? null,
    adviserId: found?.adviserId ?? null,
  };
}
