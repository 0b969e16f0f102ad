import type { PlainDate } from "./plain-date.js";
import type { BasisPoints, Units } from "./quantities.js";

/**
 * Adviser x authority x period: the host funds `salaryShareBp` of the salary and receives
 * `commitmentUnitsPerWeek` of regular local-priority work (in a full working week).
 */
export interface HostArrangement {
  readonly regionCode: string;
  readonly id: string;
  readonly adviserId: string;
  readonly authorityId: string;
  readonly startDate: PlainDate;
  /** Inclusive; null while open-ended. */
  readonly endDate: PlainDate | null;
  readonly salaryShareBp: BasisPoints;
  readonly commitmentUnitsPerWeek: Units;
}
