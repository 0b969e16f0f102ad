import { addDays, daysBetween, type PlainDate } from "../calendar/plain-date.js";
import { isWorkingDay } from "../calendar/working-days.js";
import type { Adviser } from "../entities/adviser.js";
import { checkSalaryShares, type HostArrangement } from "../hosting/host-arrangement.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import type { DaysInput, Units } from "../quantities/days.js";
import type { BasisPoints } from "../quantities/integer-arithmetic.js";
import { err, invalid, ok, type Result, validationError, type ValidationError } from "../result.js";
import { EntityReader } from "./entity-input.js";

/*
 * Advisers, their leave and their host arrangements as an administrator enters them (rules 7, 8
 * and 16): FTE above 0 and at most 1, an employment period whose end is not before its start,
 * leave on working days inside employment, salary shares above 0 and at most 1 whose concurrent
 * sum stays at most 1. The database holds the same bounds (advisers_fte_range,
 * advisers_employment_end_after_start, host_arrangements_salary_share_range and the
 * host_arrangements_share_total trigger); these name the input's fields first.
 */

/** Leave is entered a year at most at a time. */
export const MAX_LEAVE_RANGE_DAYS = 366;

const at = (path: string, field: string) => (path === "" ? field : `${path}.${field}`);

export interface AdviserInput {
  readonly id: unknown;
  readonly name: unknown;
  /** Full-time equivalent, an exact decimal above 0 and at most 1 ("0.8"). */
  readonly fte: unknown;
  readonly employedFrom: unknown;
  /** Last day of employment; null while employed. Setting it ends the employment. */
  readonly employedTo?: unknown;
}

export interface ValidAdviser {
  readonly id: string;
  readonly name: string;
  readonly fteBp: BasisPoints;
  readonly employedFrom: PlainDate;
  readonly employedTo: PlainDate | null;
}

export function validateAdviserInput(input: AdviserInput, path = "input"): Result<ValidAdviser, ValidationError> {
  const c = new EntityReader(path);
  const id = c.code(input?.id, "id");
  const name = c.name(input?.name);
  const fteBp = c.share(input?.fte, "fte");
  const employedFrom = c.date(input?.employedFrom, c.at("employedFrom"));
  const employedTo = c.optionalDate(input?.employedTo, c.at("employedTo"));
  c.endNotBeforeStart(employedFrom, employedTo, c.at("employedTo"));
  return c.result(() => ({ id: id!, name: name!, fteBp: fteBp!, employedFrom: employedFrom!, employedTo: employedTo ?? null }));
}

/** The first and last dates of work already recorded for an adviser (deliveries, bookings, hosting). */
export interface RecordedWork {
  readonly firstOn: PlainDate;
  readonly lastOn: PlainDate;
}

/**
 * Rule 16 kept for history: work is only delivered by an adviser employed on its date, so a
 * changed employment period may not leave recorded work outside it.
 */
export function checkEmploymentKeepsWork(
  adviser: ValidAdviser,
  work: RecordedWork | null,
  path = "input",
): Result<ValidAdviser, ValidationError> {
  if (work === null) return ok(adviser);
  if (work.firstOn < adviser.employedFrom)
    return invalid(at(path, "employedFrom"), `must not be after recorded work on ${work.firstOn}`);
  if (adviser.employedTo !== null && work.lastOn > adviser.employedTo)
    return invalid(at(path, "employedTo"), `must not be before recorded work on ${work.lastOn}`);
  return ok(adviser);
}

export interface AdviserLeaveInput {
  readonly adviserId: unknown;
  readonly startDate: unknown;
  /** Inclusive; the start date when absent. */
  readonly endDate?: unknown;
  /** Days away on each working day of the range, at most one; 0 clears the range's leave. */
  readonly days: unknown;
  readonly reason?: unknown;
}

export interface ValidAdviserLeave {
  readonly adviserId: string;
  readonly startDate: PlainDate;
  readonly endDate: PlainDate;
  /** Units away on each working day; 0 clears. */
  readonly unitsPerDay: Units;
  readonly reason: string | null;
  /** The region's working days in the range (bank holidays are never leave): one row each. */
  readonly dates: readonly PlainDate[];
}

export function validateAdviserLeaveInput(
  policy: Pick<RegionPolicy, "unitsPerDay" | "bankHolidays" | "workingWeekdays">,
  input: AdviserLeaveInput,
  path = "input",
): Result<ValidAdviserLeave, ValidationError> {
  const c = new EntityReader(path);
  const adviserId = c.code(input?.adviserId, "adviserId");
  const startDate = c.date(input?.startDate, c.at("startDate"));
  const endDate = input?.endDate === undefined || input.endDate === null ? startDate : c.date(input.endDate, c.at("endDate"));
  c.endNotBeforeStart(startDate, endDate, c.at("endDate"));
  if (startDate !== undefined && endDate !== undefined && endDate >= startDate && daysBetween(startDate, endDate) >= MAX_LEAVE_RANGE_DAYS)
    c.add(c.at("endDate"), `leave is entered at most ${MAX_LEAVE_RANGE_DAYS} days at a time`);
  const units =
    typeof input?.days === "number" || typeof input?.days === "string"
      ? c.days(input.days as DaysInput, policy.unitsPerDay, c.at("days"), true)
      : c.add(c.at("days"), "is required");
  if (units !== undefined && units > policy.unitsPerDay) c.add(c.at("days"), "must be at most one day on each day");
  const reason = c.notes(input?.reason, c.at("reason"));
  return c.result(() => {
    const dates: PlainDate[] = [];
    for (let d = startDate!; d <= endDate!; d = addDays(d, 1)) if (isWorkingDay(policy, d)) dates.push(d);
    return { adviserId: adviserId!, startDate: startDate!, endDate: endDate!, unitsPerDay: units!, reason: reason ?? null, dates };
  });
}

/** Leave is taken inside employment: outside it there is no capacity to take it from. */
export function checkLeaveWithinEmployment(
  adviser: Pick<Adviser, "employmentStart" | "employmentEnd">,
  leave: ValidAdviserLeave,
  path = "input",
): Result<ValidAdviserLeave, ValidationError> {
  if (leave.unitsPerDay === 0) return ok(leave);
  if (leave.startDate < adviser.employmentStart)
    return invalid(at(path, "startDate"), `must not be before employment starts (${adviser.employmentStart})`);
  if (adviser.employmentEnd !== null && leave.endDate > adviser.employmentEnd)
    return invalid(at(path, leave.endDate === leave.startDate ? "startDate" : "endDate"), `must not be after employment ends (${adviser.employmentEnd})`);
  return ok(leave);
}

export interface HostArrangementInput {
  readonly id: unknown;
  readonly adviserId: unknown;
  readonly authorityId: unknown;
  readonly startDate: unknown;
  /** Inclusive; null while open-ended. Setting it ends the arrangement. */
  readonly endDate?: unknown;
  /** The host's share of the salary, an exact decimal above 0 and at most 1 ("0.5"). */
  readonly salaryShare: unknown;
  /** Regular local-priority work a full week, on the granularity; 0 for none. */
  readonly commitmentDaysPerWeek: unknown;
}

/** A host arrangement as validated input: the rule's own shape, before a region owns it. */
export type ValidHostArrangement = Omit<HostArrangement, "regionCode">;

export function validateHostArrangementInput(
  policy: Pick<RegionPolicy, "unitsPerDay" | "workingWeekdays">,
  input: HostArrangementInput,
  path = "input",
): Result<ValidHostArrangement, ValidationError> {
  const c = new EntityReader(path);
  const id = c.code(input?.id, "id");
  const adviserId = c.code(input?.adviserId, "adviserId");
  const authorityId = c.code(input?.authorityId, "authorityId");
  const startDate = c.date(input?.startDate, c.at("startDate"));
  const endDate = c.optionalDate(input?.endDate, c.at("endDate"));
  c.endNotBeforeStart(startDate, endDate, c.at("endDate"));
  const salaryShareBp = c.share(input?.salaryShare, "salaryShare");
  const commitment =
    typeof input?.commitmentDaysPerWeek === "number" || typeof input?.commitmentDaysPerWeek === "string"
      ? c.days(input.commitmentDaysPerWeek as DaysInput, policy.unitsPerDay, c.at("commitmentDaysPerWeek"), true)
      : c.add(c.at("commitmentDaysPerWeek"), "is required");
  const weekUnits = policy.workingWeekdays.length * policy.unitsPerDay;
  if (commitment !== undefined && commitment > weekUnits)
    c.add(c.at("commitmentDaysPerWeek"), `must be at most a working week (${policy.workingWeekdays.length} days)`);
  return c.result(() => ({
    id: id!,
    adviserId: adviserId!,
    authorityId: authorityId!,
    startDate: startDate!,
    endDate: endDate ?? null,
    salaryShareBp: salaryShareBp!,
    commitmentUnitsPerWeek: commitment!,
  }));
}

/**
 * Rules 7 and 16 for a saved arrangement: inside the adviser's employment, and with the
 * adviser's other arrangements its concurrent salary shares sum to at most 1 (the domain's
 * checkSalaryShares, its refusal named on this input's salaryShare).
 */
export function checkHostArrangement(
  arrangement: ValidHostArrangement,
  adviser: Pick<Adviser, "employmentStart" | "employmentEnd">,
  others: readonly HostArrangement[],
  path = "input",
): Result<ValidHostArrangement, ValidationError> {
  if (arrangement.startDate < adviser.employmentStart)
    return invalid(at(path, "startDate"), `must not be before the adviser's employment starts (${adviser.employmentStart})`);
  const end = adviser.employmentEnd;
  if (end !== null && (arrangement.endDate === null || arrangement.endDate > end))
    return invalid(at(path, "endDate"), `must be set and not after the adviser's employment ends (${end})`);
  const mine: HostArrangement = { regionCode: "", ...arrangement };
  const rest = others.filter((o) => o.id !== arrangement.id && o.adviserId === arrangement.adviserId);
  const shares = checkSalaryShares([...rest, mine]);
  if (!shares.ok) {
    const issue = shares.error.issues[0]!;
    return err(validationError({ field: at(path, "salaryShare"), message: issue.message }));
  }
  return ok(arrangement);
}
