import type { PlainDate } from "./plain-date.js";
import type { AllocationLine } from "./quota.js";
import type { RegionPolicy } from "./region-policy.js";
import type { Result, ValidationError } from "./result.js";
import type {
  BillingPeriod,
  Statement,
  StatementAdjustment,
  StatementDraft,
  StatementReconciliation,
} from "./statement.js";
import type { Actor } from "./lifecycle.js";

/** The billing period containing `date`, from the policy's billing period kind. */
export function billingPeriodOf(_policy: RegionPolicy, _date: PlainDate): BillingPeriod {
  throw new Error("pending");
}

/** The billing period with this key ('2010-07' or '2010-Q2'), or a VALIDATION error naming `field`. */
export function parseBillingPeriod(
  _policy: RegionPolicy,
  _key: string,
  _field?: string,
): Result<BillingPeriod, ValidationError> {
  throw new Error("pending");
}

export interface StatementInput {
  readonly organisationId: string;
  readonly period: BillingPeriod;
  /** The organisation's allocation lines recomputed from scratch (all periods). */
  readonly lines: readonly AllocationLine[];
  /** The organisation's issued statements. */
  readonly issued: readonly Statement[];
}

/**
 * Rule 6: the statement for `period`: lines for its deliveries, and one adjustment for every
 * earlier period whose recomputed charge differs from what was billed. Refuses a period that is
 * not after the latest issued one.
 */
export function draftStatement(
  _policy: RegionPolicy,
  _input: StatementInput,
): Result<StatementDraft, ValidationError> {
  throw new Error("pending");
}

/** Freezes a draft as issued. */
export function issueStatement(_draft: StatementDraft, _id: string, _actor: Actor): Statement {
  throw new Error("pending");
}

/** Adjustments the next statement would carry for already-billed periods. */
export function pendingAdjustments(
  _policy: RegionPolicy,
  _input: Omit<StatementInput, "period">,
): StatementAdjustment[] {
  throw new Error("pending");
}

export function reconcileStatements(
  _policy: RegionPolicy,
  _input: Omit<StatementInput, "period">,
): StatementReconciliation {
  throw new Error("pending");
}
