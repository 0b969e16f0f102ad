import { financialYearEndDate, financialYearStartDate } from "../calendar/financial-year.js";
import { earlierDate, laterDate, type PlainDate } from "../calendar/plain-date.js";
import { workingDaysBetween } from "../calendar/working-days.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import type { Strand } from "../policy/strand.js";
import type { Units } from "../quantities/days.js";
import { type BasisPoints, divideHalfUp, fraction, type Fraction, fractionToBasisPoints } from "../quantities/integer-arithmetic.js";
import type { HostArrangement } from "./host-arrangement.js";

export interface HostDelivery {
  readonly adviserId: string;
  readonly date: PlainDate;
  readonly units: Units;
  readonly strand: Strand;
  readonly organisationHomeAuthorityId: string | null;
}

/** Commitment delivered for one arrangement and financial year. */
export interface CommitmentDelivered {
  readonly arrangementId: string;
  readonly adviserId: string;
  readonly authorityId: string;
  readonly year: number;
  /** Units committed: commitment per full week, pro rata over the working days covered. */
  readonly committed: Fraction;
  /** `committed` rounded half up to whole units, for display. */
  readonly committedUnits: Units;
  readonly deliveredUnits: Units;
  /** delivered / committed exactly (0/1 when nothing was committed). */
  readonly ratio: Fraction;
  readonly ratioBp: BasisPoints;
}

/**
 * Rule 7: days delivered / days committed for one arrangement and financial year. The
 * commitment is per full working week, so it is pro rata per working day (bank holidays and
 * days outside the arrangement commit nothing). Only HOST_SUPPORT deliveries by the hosted
 * adviser to organisations in the host's area, inside the arrangement, count.
 */
export function commitmentDelivered(
  policy: RegionPolicy,
  arrangement: HostArrangement,
  year: number,
  deliveries: readonly HostDelivery[],
): CommitmentDelivered {
  const yearStart = financialYearStartDate(policy, year);
  const yearEnd = financialYearEndDate(policy, year);
  const from = laterDate(arrangement.startDate, yearStart);
  const to = arrangement.endDate === null ? yearEnd : earlierDate(arrangement.endDate, yearEnd);
  const days = from <= to ? workingDaysBetween(policy, from, to) : 0;
  const perWeek = policy.workingWeekdays.length;
  const committedNumerator = arrangement.commitmentUnitsPerWeek * days;
  let deliveredUnits = 0;
  for (const d of deliveries)
    if (
      d.strand === "HOST_SUPPORT" &&
      d.adviserId === arrangement.adviserId &&
      d.organisationHomeAuthorityId === arrangement.authorityId &&
      d.date >= from &&
      d.date <= to
    )
      deliveredUnits += d.units;
  const ratio = committedNumerator === 0 ? fraction(0, 1) : fraction(deliveredUnits * perWeek, committedNumerator);
  return {
    arrangementId: arrangement.id,
    adviserId: arrangement.adviserId,
    authorityId: arrangement.authorityId,
    year,
    committed: fraction(committedNumerator, perWeek),
    committedUnits: divideHalfUp(committedNumerator, perWeek),
    deliveredUnits,
    ratio,
    ratioBp: fractionToBasisPoints(ratio),
  };
}
