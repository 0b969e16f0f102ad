import { addDays, isPlainDate, type PlainDate } from "../calendar/plain-date.js";
import type { Units } from "../quantities/days.js";
import { BASIS_POINTS_ONE, type BasisPoints } from "../quantities/integer-arithmetic.js";
import { err, type FieldIssue, invalid, ok, type Result, validationError, type ValidationError } from "../result.js";

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
