import type { RegionPolicy } from "../policy/region-policy.js";
import { addDays, dateFromParts, partsFromDayNumber, type PlainDate } from "./plain-date.js";

/** The financial year a date belongs to, named by the calendar year it starts in (rule 1). */
export function financialYearOf(policy: Pick<RegionPolicy, "financialYearStart">, date: PlainDate): number {
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  const { month, day } = policy.financialYearStart;
  const start = `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return md >= start ? year : year - 1;
}

/** Same as financialYearOf, for a day number (used in the allocation hot loop). */
export function financialYearOfDayNumber(
  policy: Pick<RegionPolicy, "financialYearStart">,
  n: number,
): number {
  const { year, month, day } = partsFromDayNumber(n);
  const s = policy.financialYearStart;
  return month > s.month || (month === s.month && day >= s.day) ? year : year - 1;
}

export function financialYearStartDate(policy: Pick<RegionPolicy, "financialYearStart">, year: number): PlainDate {
  return dateFromParts(year, policy.financialYearStart.month, policy.financialYearStart.day);
}

/** The last day of the financial year (the day before the next year starts). */
export function financialYearEndDate(policy: Pick<RegionPolicy, "financialYearStart">, year: number): PlainDate {
  return addDays(financialYearStartDate(policy, year + 1), -1);
}
