import { addDays, type PlainDate } from "../calendar/plain-date.js";
import type { Actor } from "../lifecycle/engagement-lifecycle.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import type { AllocationLine } from "../quota/allocate-quota.js";
import { invalid, ok, type Result, type ValidationError } from "../result.js";
import { type BillingPeriod, billingPeriodOf } from "./billing-period.js";
import type { Statement, StatementAdjustment, StatementDraft, StatementLine, StatementReconciliation } from "./statement.js";

export interface StatementInput {
  readonly organisationId: string;
  readonly period: BillingPeriod;
  /** The organisation's allocation lines recomputed from scratch (all periods). */
  readonly lines: readonly AllocationLine[];
  /** The organisation's issued statements. */
  readonly issued: readonly Statement[];
}

interface PeriodTotals {
  period: BillingPeriod;
  recomputed: number;
  billed: number;
}

/** Per billing period: the charge recomputed now and what statements billed for it so far. */
function periodTotals(
  policy: RegionPolicy,
  organisationId: string,
  lines: readonly AllocationLine[],
  issued: readonly Statement[],
): Map<string, PeriodTotals> {
  const totals = new Map<string, PeriodTotals>();
  const at = (period: BillingPeriod) => {
    let t = totals.get(period.key);
    if (!t) {
      t = { period, recomputed: 0, billed: 0 };
      totals.set(period.key, t);
    }
    return t;
  };
  for (const line of lines) {
    if (line.organisationId !== organisationId) continue;
    at(billingPeriodOf(policy, line.date)).recomputed += line.chargePence;
  }
  for (const s of issued) {
    if (s.organisationId !== organisationId) continue;
    at(s.period).billed += s.chargesPence;
    for (const a of s.adjustments)
      at({ kind: s.period.kind, key: a.periodKey, start: a.periodStart, end: a.periodEnd }).billed += a.amountPence;
  }
  return totals;
}

function adjustmentsBefore(totals: Map<string, PeriodTotals>, before: PlainDate): StatementAdjustment[] {
  return [...totals.values()]
    .filter((t) => t.period.end < before && t.recomputed !== t.billed)
    .sort((a, b) => (a.period.start < b.period.start ? -1 : 1))
    .map((t) => ({
      periodKey: t.period.key,
      periodStart: t.period.start,
      periodEnd: t.period.end,
      billedPence: t.billed,
      recomputedPence: t.recomputed,
      amountPence: t.recomputed - t.billed,
    }));
}

function billedThrough(organisationId: string, issued: readonly Statement[]): PlainDate | null {
  let latest: PlainDate | null = null;
  for (const s of issued)
    if (s.organisationId === organisationId && (latest === null || s.period.end > latest)) latest = s.period.end;
  return latest;
}

/**
 * Rule 6: the statement for `period`: lines for its deliveries, and one adjustment for every
 * earlier period whose recomputed charge differs from what was billed (a period that never had
 * a statement is caught up the same way, billed 0). Refuses a period that is not after the
 * latest issued one, so an issued period is never billed twice.
 */
export function draftStatement(policy: RegionPolicy, input: StatementInput): Result<StatementDraft, ValidationError> {
  const { organisationId, period, lines, issued } = input;
  if (period.kind !== policy.billingPeriod) return invalid("period", `must be a ${policy.billingPeriod} period`);
  const expected = billingPeriodOf(policy, period.start);
  if (expected.key !== period.key || expected.end !== period.end) return invalid("period", "is not a billing period of this region");
  const through = billedThrough(organisationId, issued);
  if (through !== null && period.start <= through)
    return invalid("period", `statements are issued up to ${through}; the next must start after it`);

  const statementLines: StatementLine[] = [];
  let chargesPence = 0;
  for (const l of lines) {
    if (l.organisationId !== organisationId || l.date < period.start || l.date > period.end) continue;
    statementLines.push({
      deliveryId: l.deliveryId,
      date: l.date,
      strand: l.strand,
      units: l.units,
      freeUnits: l.freeUnits,
      chargeableUnits: l.chargeableUnits,
      dayRatePence: l.dayRatePence,
      chargePence: l.chargePence,
    });
    chargesPence += l.chargePence;
  }
  statementLines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const adjustments = adjustmentsBefore(periodTotals(policy, organisationId, lines, issued), period.start);
  const adjustmentsPence = adjustments.reduce((sum, a) => sum + a.amountPence, 0);
  return ok({
    regionCode: policy.code,
    organisationId,
    period,
    lines: statementLines,
    adjustments,
    chargesPence,
    adjustmentsPence,
    totalPence: chargesPence + adjustmentsPence,
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Issues a draft: the returned statement is frozen, and nothing ever rewrites it. */
export function issueStatement(draft: StatementDraft, id: string, actor: Actor): Statement {
  return deepFreeze({ ...structuredCloneDraft(draft), id, issuedAt: actor.at, issuedBy: actor.by });
}

function structuredCloneDraft(d: StatementDraft): StatementDraft {
  return {
    ...d,
    period: { ...d.period },
    lines: d.lines.map((l) => ({ ...l })),
    adjustments: d.adjustments.map((a) => ({ ...a })),
  };
}

/** Adjustments the next statement would carry for periods already billed (up to billedThrough). */
export function pendingAdjustments(
  policy: RegionPolicy,
  input: Omit<StatementInput, "period">,
): StatementAdjustment[] {
  const through = billedThrough(input.organisationId, input.issued);
  if (through === null) return [];
  return adjustmentsBefore(periodTotals(policy, input.organisationId, input.lines, input.issued), addDays(through, 1));
}

/**
 * Where an organisation's account stands. Rule 6's invariant:
 * issuedPence + pendingAdjustmentsPence === recomputedThroughBilledPence, and
 * recomputedThroughBilledPence + unbilledPence === recomputedPence.
 */
export function reconcileStatements(
  policy: RegionPolicy,
  input: Omit<StatementInput, "period">,
): StatementReconciliation {
  const { organisationId, issued } = input;
  const through = billedThrough(organisationId, issued);
  const totals = periodTotals(policy, organisationId, input.lines, issued);
  let recomputed = 0;
  let recomputedThrough = 0;
  for (const t of totals.values()) {
    recomputed += t.recomputed;
    if (through !== null && t.period.end <= through) recomputedThrough += t.recomputed;
  }
  const issuedPence = issued.filter((s) => s.organisationId === organisationId).reduce((sum, s) => sum + s.totalPence, 0);
  const pending = pendingAdjustments(policy, input).reduce((sum, a) => sum + a.amountPence, 0);
  return {
    organisationId,
    billedThrough: through,
    issuedPence,
    pendingAdjustmentsPence: pending,
    unbilledPence: recomputed - recomputedThrough,
    recomputedPence: recomputed,
    recomputedThroughBilledPence: recomputedThrough,
  };
}

