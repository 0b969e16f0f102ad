import type { EpochMs, PlainDate } from "../calendar/plain-date.js";
import type { Strand } from "../policy/strand.js";
import type { Units } from "../quantities/days.js";
import type { Pence } from "../quantities/money.js";
import type { BillingPeriod } from "./billing-period.js";

/** A delivery's charge as billed: a frozen copy, never recomputed. */
export interface StatementLine {
  readonly deliveryId: string;
  readonly date: PlainDate;
  readonly strand: Strand;
  readonly units: Units;
  readonly freeUnits: Units;
  readonly chargeableUnits: Units;
  readonly dayRatePence: Pence;
  readonly chargePence: Pence;
}

/**
 * A correction to an earlier period: what that period's deliveries cost now, recomputed from
 * scratch, minus what was billed for it so far (its statement plus earlier adjustments). For a
 * period that never had a statement of its own, billedPence is 0.
 */
export interface StatementAdjustment {
  readonly periodKey: string;
  readonly periodStart: PlainDate;
  readonly periodEnd: PlainDate;
  readonly billedPence: Pence;
  readonly recomputedPence: Pence;
  readonly amountPence: Pence;
}

/** The charges to one organisation for one billing period. */
export interface StatementDraft {
  readonly regionCode: string;
  readonly organisationId: string;
  readonly period: BillingPeriod;
  readonly lines: readonly StatementLine[];
  readonly adjustments: readonly StatementAdjustment[];
  readonly chargesPence: Pence;
  readonly adjustmentsPence: Pence;
  readonly totalPence: Pence;
}

/** An issued statement: frozen (rule 6). */
export interface Statement extends StatementDraft {
  readonly id: string;
  readonly issuedAt: EpochMs;
  readonly issuedBy: string;
}

/** Where an organisation's account stands (rule 6's invariant, checkable at any time). */
export interface StatementReconciliation {
  readonly organisationId: string;
  /** The end of the latest issued period, or null if nothing was issued. */
  readonly billedThrough: PlainDate | null;
  readonly issuedPence: Pence;
  /** Adjustments the next statement will carry for periods up to billedThrough. */
  readonly pendingAdjustmentsPence: Pence;
  /** Charges for periods after billedThrough, not billed yet. */
  readonly unbilledPence: Pence;
  /** The charge recomputed from scratch over all periods. */
  readonly recomputedPence: Pence;
  /** The charge recomputed from scratch over periods up to billedThrough. */
  readonly recomputedThroughBilledPence: Pence;
}
