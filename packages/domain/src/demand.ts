import type { EngagementStatus } from "./engagement.js";
import type { PlainDate } from "./plain-date.js";
import type { BasisPoints, Fraction, Units } from "./quantities.js";

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
  readonly demandUnits: Units;
  readonly bookableUnits: Units;
  /** demand / bookable; may exceed 1. 0/1 when there is no capacity and no demand. */
  readonly utilisation: Fraction;
  readonly utilisationBp: BasisPoints;
  /** demand / average bookable per week; null when there is no capacity. */
  readonly backlogWeeks: Fraction | null;
  readonly backlogWeeksRoundedUp: number | null;
}

/** Rule 14. */
export function demandAndCapacity(
  _engagements: readonly DemandEngagement[],
  _weeks: readonly HorizonWeek[],
): DemandAndCapacity {
  throw new Error("pending");
}
