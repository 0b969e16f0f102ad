import { financialYearOf, financialYearStartDate } from "../calendar/financial-year.js";
import { addDays, dateFromParts, type PlainDate } from "../calendar/plain-date.js";
import type { BillingPeriodKind, RegionPolicy } from "../policy/region-policy.js";
import { invalid, ok, type Result, type ValidationError } from "../result.js";

function addMonths(date: PlainDate, months: number): PlainDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  // Quarter boundaries keep the financial year's start day, which the policy caps at 28 in
  // February, so the day always exists except for 29-31 in shorter months: clamp those.
  const lastDay = Number(addDays(dateFromParts(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1).slice(8));
  return dateFromParts(year, month, Math.min(Number(date.slice(8)), lastDay));
}

/** The billing period containing `date`, from the policy's billing period kind. */
export function billingPeriodOf(policy: RegionPolicy, date: PlainDate): BillingPeriod {
  if (policy.billingPeriod === "MONTH") {
    const start = `${date.slice(0, 7)}-01`;
    return { kind: "MONTH", key: date.slice(0, 7), start, end: addDays(addMonths(start, 1), -1) };
  }
  // Quarters of the financial year: Q1 starts on the year's first day.
  const year = financialYearOf(policy, date);
  const yearStart = financialYearStartDate(policy, year);
  let q = 0;
  while (q < 3 && addMonths(yearStart, 3 * (q + 1)) <= date) q += 1;
  const start = addMonths(yearStart, 3 * q);
  return { kind: "QUARTER", key: `${year}-Q${q + 1}`, start, end: addDays(addMonths(yearStart, 3 * (q + 1)), -1) };
}

/** The billing period with this key ('2010-07' or '2010-Q2'), or a VALIDATION error naming `field`. */
export function parseBillingPeriod(
  policy: RegionPolicy,
  key: string,
  field = "period",
): Result<BillingPeriod, ValidationError> {
  if (policy.billingPeriod === "MONTH") {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return invalid(field, "must be a month YYYY-MM");
    return ok(billingPeriodOf(policy, `${key}-01`));
  }
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return invalid(field, "must be a financial-year quarter YYYY-Qn");
  const start = addMonths(financialYearStartDate(policy, Number(m[1])), 3 * (Number(m[2]) - 1));
  return ok(billingPeriodOf(policy, start));
}

/** A billing period: a calendar month ('2010-07') or a financial-year quarter ('2010-Q2'). */
export interface BillingPeriod {
  readonly kind: BillingPeriodKind;
  readonly key: string;
  readonly start: PlainDate;
  /** Inclusive. */
  readonly end: PlainDate;
}
