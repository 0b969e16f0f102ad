import type { PlainDate } from "../calendar/plain-date.js";
import { EntityReader } from "../administration/entity-input.js";
import { invalid, ok, type Result, type ValidationError } from "../result.js";
import { GOOD_DIRECTIONS, type GoodDirection } from "./outcome-indicator.js";

/*
 * Rule 11: an indicator on an engagement, as staff define it: what is measured, its unit, its
 * baseline (a whole number in the unit, as measurements are), an optional target in the good
 * direction from the baseline, and the period its measurements are taken in.
 */

export interface OutcomeIndicatorInput {
  /** The indicator's code; generated when absent. */
  readonly id?: unknown;
  readonly engagementId: unknown;
  readonly indicator: unknown;
  readonly unit: unknown;
  readonly goodDirection: unknown;
  readonly baseline: unknown;
  readonly baselineOn: unknown;
  readonly target?: unknown;
  /** First day measurements are taken; the baseline date when absent. */
  readonly periodStart?: unknown;
  /** Last day measurements are taken; open-ended when absent. */
  readonly periodEnd?: unknown;
}

export interface ValidOutcomeIndicator {
  readonly id: string | null;
  readonly engagementId: string;
  readonly indicator: string;
  readonly unit: string;
  readonly goodDirection: GoodDirection;
  readonly baseline: number;
  readonly baselineOn: PlainDate;
  readonly target: number | null;
  readonly periodStart: PlainDate;
  readonly periodEnd: PlainDate | null;
}

const wholeValue = (c: EntityReader, v: unknown, field: string): number | undefined =>
  typeof v === "number" && Number.isSafeInteger(v) ? v : c.add(c.at(field), v === undefined ? "is required" : "must be a whole number in the indicator's unit");

export function validateOutcomeIndicatorInput(input: OutcomeIndicatorInput, path = "input"): Result<ValidOutcomeIndicator, ValidationError> {
  const c = new EntityReader(path);
  const id = input?.id === undefined || input.id === null ? null : c.code(input.id, "id");
  const engagementId = c.code(input?.engagementId, "engagementId");
  const indicator = c.name(input?.indicator, "indicator");
  const unit = c.name(input?.unit, "unit");
  const goodDirection = c.oneOf(input?.goodDirection, c.at("goodDirection"), GOOD_DIRECTIONS);
  const baseline = wholeValue(c, input?.baseline, "baseline");
  const baselineOn = c.date(input?.baselineOn, c.at("baselineOn"));
  const target = input?.target === undefined || input.target === null ? null : wholeValue(c, input.target, "target");
  // A target no better than the baseline would be met before any work: it is not a target.
  if (target !== null && target !== undefined && baseline !== undefined && goodDirection !== undefined) {
    const better = goodDirection === "LOWER" ? target < baseline : target > baseline;
    if (!better) c.add(c.at("target"), `must be ${goodDirection === "LOWER" ? "below" : "above"} the baseline (${baseline})`);
  }
  const periodStart = input?.periodStart === undefined || input.periodStart === null ? baselineOn : c.date(input.periodStart, c.at("periodStart"));
  const periodEnd = c.optionalDate(input?.periodEnd, c.at("periodEnd"));
  if (periodStart !== undefined && baselineOn !== undefined && periodStart < baselineOn)
    c.add(c.at("periodStart"), "must not be before the baseline date");
  c.endNotBeforeStart(periodStart, periodEnd, c.at("periodEnd"));
  return c.result(() => ({
    id: id ?? null,
    engagementId: engagementId!,
    indicator: indicator!,
    unit: unit!,
    goodDirection: goodDirection!,
    baseline: baseline!,
    baselineOn: baselineOn!,
    target: target ?? null,
    periodStart: periodStart!,
    periodEnd: periodEnd ?? null,
  }));
}

/** A measurement is taken inside its indicator's measurement period (both ends inclusive). */
export function checkMeasuredInPeriod(
  period: { readonly periodStart: PlainDate | null; readonly periodEnd: PlainDate | null },
  measuredOn: PlainDate,
  field = "measuredOn",
): Result<PlainDate, ValidationError> {
  if (period.periodStart !== null && measuredOn < period.periodStart)
    return invalid(field, `must not be before the measurement period starts (${period.periodStart})`);
  if (period.periodEnd !== null && measuredOn > period.periodEnd)
    return invalid(field, `must not be after the measurement period ends (${period.periodEnd})`);
  return ok(measuredOn);
}
