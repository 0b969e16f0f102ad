import { financialYearEndDate, financialYearStartDate, workingDaysBetween } from "./calendar.js";
import type { HostArrangement } from "./host-arrangement.js";
import { addDays, earlierDate, isPlainDate, laterDate, type PlainDate } from "./plain-date.js";
import { BASIS_POINTS_ONE, type BasisPoints, type Fraction, divideHalfUp, fraction, fractionToBasisPoints, type Units } from "./quantities.js";
import type { RegionPolicy } from "./region-policy.js";
import { type FieldIssue, type Result, type ValidationError, err, invalid, ok, validationError } from "./result.js";
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
  arrangements: readonly HostArrangement[],
): Result<readonly HostArrangement[], ValidationError> {
  const issues: FieldIssue[] = [];
  arrangements.forEach((a, i) => {
    const at = `arrangements[${i}]`;
    if (!Number.isSafeInteger(a.salaryShareBp) || a.salaryShareBp <= 0 || a.salaryShareBp > BASIS_POINTS_ONE)
      issues.push({ field: `${at}.salaryShareBp`, message: "must be from 1 to 10000 basis points (a share above 1 is refused)" });
    if (!isPlainDate(a.startDate)) issues.push({ field: `${at}.startDate`, message: "must be a date YYYY-MM-DD" });
    if (a.endDate !== null && !isPlainDate(a.endDate)) issues.push({ field: `${at}.endDate`, message: "must be a date YYYY-MM-DD" });
    else if (a.endDate !== null && a.endDate < a.startDate) issues.push({ field: `${at}.endDate`, message: "must not be before startDate" });
  });
  if (issues.length > 0) return err(validationError(issues));
  // Sweep each adviser's arrangements in date order; an arrangement ends after its endDate.
  const byAdviser = new Map<string, number[]>();
  arrangements.forEach((a, i) => {
    byAdviser.set(a.adviserId, [...(byAdviser.get(a.adviserId) ?? []), i]);
  });
  for (const indices of byAdviser.values()) {
    const events: { date: PlainDate; delta: number; index: number }[] = [];
    for (const i of indices) {
      const a = arrangements[i]!;
      events.push({ date: a.startDate, delta: a.salaryShareBp, index: i });
      if (a.endDate !== null) events.push({ date: addDays(a.endDate, 1), delta: -a.salaryShareBp, index: i });
    }
    // Ends before starts on the same day: back-to-back arrangements do not overlap.
    events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.delta - y.delta));
    let sum = 0;
    for (const e of events) {
      sum += e.delta;
      if (sum > BASIS_POINTS_ONE)
        return invalid(
          `arrangements[${e.index}].salaryShareBp`,
          `concurrent salary shares reach ${sum} basis points on ${e.date}; they may not exceed 10000`,
        );
    }
  }
  return ok(arrangements);
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
export function checkHostSupport(input: HostSupportCheck): Result<HostArrangement, ValidationError> {
  const home = input.organisationHomeAuthorityId;
  if (home === null)
    return invalid("organisationId", "host support is only for organisations in a host authority's area; this one is region-wide");
  const withHost = input.arrangements.filter((a) => a.adviserId === input.adviserId && a.authorityId === home);
  if (withHost.length === 0)
    return invalid("organisationId", "host support is only for organisations in the area of an authority that hosts the adviser");
  const active = withHost.find((a) => isArrangementActive(a, input.date));
  if (!active) return invalid("date", "is outside the adviser's host arrangement with this authority");
  return ok(active);
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
