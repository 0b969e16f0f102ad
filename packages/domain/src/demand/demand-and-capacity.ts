import type { PlainDate } from "../calendar/plain-date.js";
import type { EngagementStatus } from "../entities/engagement.js";
import type { Units } from "../quantities/days.js";
import { type BasisPoints, ceilDiv, fraction, type Fraction, fractionToBasisPoints } from "../quantities/integer-arithmetic.js";

export interface DemandEngagement {
  readonly id: string;
  readonly status: EngagementStatus;
  readonly estimateUnits: Units;
  readonly deliveredUnits: Units;
}

export interface HorizonWeek {
  readonly weekStart: PlainDate;
  /** Bookable units over all advisers that week. */
  readonly bookableUnits: Units;
}

export interface DemandAndCapacity {
  readonly horizonWeeks: number;
  /** Accepted or active estimates not yet delivered. */
  readonly acceptedOutstandingUnits: Units;
  readonly waitlistedUnits: Units;
  /** Requests not yet decided: shown, but not counted in demand until accepted or waitlisted. */
  readonly requestedUnits: Units;
  readonly demandUnits: Units;
  readonly bookableUnits: Units;
  /** demand / bookable; may exceed 1. 0/1 when there is no capacity and no demand. */
  readonly utilisation: Fraction;
  readonly utilisationBp: BasisPoints;
  /** demand / average bookable per week; null when there is no capacity. */
  readonly backlogWeeks: Fraction | null;
  readonly backlogWeeksRoundedUp: number | null;
}

/**
 * Rule 14: demand = accepted or active estimates not yet delivered + waitlisted requests;
 * capacity = bookable units over the horizon; backlog = demand / bookable per week.
 */
export function demandAndCapacity(
  engagements: readonly DemandEngagement[],
  weeks: readonly HorizonWeek[],
): DemandAndCapacity {
  let accepted = 0;
  let waitlisted = 0;
  let requested = 0;
  for (const e of engagements) {
    if (e.status === "ACCEPTED" || e.status === "ACTIVE") accepted += Math.max(0, e.estimateUnits - e.deliveredUnits);
    else if (e.status === "WAITLISTED") waitlisted += e.estimateUnits;
    else if (e.status === "REQUESTED") requested += e.estimateUnits;
  }
  const horizonWeeks = new Set(weeks.map((w) => w.weekStart)).size;
  const bookable = weeks.reduce((sum, w) => sum + w.bookableUnits, 0);
  const demand = accepted + waitlisted;
  const utilisation = bookable > 0 ? fraction(demand, bookable) : fraction(0, 1);
  const backlog = bookable > 0 ? fraction(demand * horizonWeeks, bookable) : null;
  return {
    horizonWeeks,
    acceptedOutstandingUnits: accepted,
    waitlistedUnits: waitlisted,
    requestedUnits: requested,
    demandUnits: demand,
    bookableUnits: bookable,
    utilisation,
    utilisationBp: fractionToBasisPoints(utilisation),
    backlogWeeks: backlog,
    backlogWeeksRoundedUp: backlog === null ? null : ceilDiv(backlog.numerator, backlog.denominator),
  };
}
