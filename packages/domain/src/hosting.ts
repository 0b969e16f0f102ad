import type { HostArrangement } from "./host-arrangement.js";
import type { PlainDate } from "./plain-date.js";
import type { BasisPoints, Fraction, Units } from "./quantities.js";
import type { RegionPolicy } from "./region-policy.js";
import type { Result, ValidationError } from "./result.js";
import type { Strand } from "./strand.js";

/** Whether an arrangement covers `date`. */
export function isArrangementActive(a: Pick<HostArrangement, "startDate" | "endDate">, date: PlainDate): boolean {
  return a.startDate <= date && (a.endDate === null || date <= a.endDate);
}

/**
 * Rule 7: an adviser's concurrent salary shares sum to at most 10000 bp. Checks every date
 * where arrangements overlap; the error names `arrangements[i].salaryShareBp` of the one that
 * tips the sum over.
 */
export function checkSalaryShares(
  _arrangements: readonly HostArrangement[],
): Result<readonly HostArrangement[], ValidationError> {
  throw new Error("pending");
}

/** What a HOST_SUPPORT delivery must satisfy. */
export interface HostSupportCheck {
  readonly adviserId: string;
  readonly date: PlainDate;
  readonly organisationHomeAuthorityId: string | null;
  /** The delivering adviser's arrangements. */
  readonly arrangements: readonly HostArrangement[];
}

/**
 * Rule 7: host support is only for organisations in the area of an authority that hosts the
 * delivering adviser on that date. Returns the arrangement it counts against.
 */
export function checkHostSupport(_input: HostSupportCheck): Result<HostArrangement, ValidationError> {
  throw new Error("pending");
}

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

export function commitmentDelivered(
  _policy: RegionPolicy,
  _arrangement: HostArrangement,
  _year: number,
  _deliveries: readonly HostDelivery[],
): CommitmentDelivered {
  throw new Error("pending");
}
