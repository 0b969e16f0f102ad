import type { PlainDate } from "../calendar/plain-date.js";
import type { Units } from "../quantities/days.js";
import type { BasisPoints } from "../quantities/integer-arithmetic.js";

export interface Adviser {
  readonly regionCode: string;
  readonly id: string;
  readonly name: string;
  /** Full-time equivalent in basis points: 10000 = full time. */
  readonly fteBp: BasisPoints;
  readonly employmentStart: PlainDate;
  /** Inclusive; null while employed. */
  readonly employmentEnd: PlainDate | null;
}

/**
 * Leave from `startDate` to `endDate` inclusive; on each working day in the range the adviser is
 * away for `unitsPerDay` units (a full day is policy.unitsPerDay; a morning off is half that).
 * Part-time advisers record leave on the days they would have worked.
 */
export interface Leave {
  readonly regionCode: string;
  readonly id: string;
  readonly adviserId: string;
  readonly startDate: PlainDate;
  readonly endDate: PlainDate;
  readonly unitsPerDay: Units;
}
