import type { PlainDate } from "../calendar/plain-date.js";
import type { NegotiatedRate } from "../entities/organisation.js";
import type { Strand } from "../policy/strand.js";
import type { Units } from "../quantities/days.js";
import type { Pence } from "../quantities/money.js";

/** What allocation needs of a delivery: flat, so a million of them stay cheap. */
export interface QuotaDelivery {
  readonly id: string;
  readonly date: PlainDate;
  readonly recordedSeq: number;
  readonly units: Units;
  readonly organisationId: string;
  readonly strand: Strand;
  /** The engagement's agreed day rate, or null. */
  readonly agreedDayRatePence: Pence | null;
}

export interface QuotaOrganisation {
  readonly id: string;
  readonly homeAuthorityId: string | null;
}

export interface QuotaInput {
  readonly deliveries: readonly QuotaDelivery[];
  /** Every organisation the deliveries name. */
  readonly organisations: readonly QuotaOrganisation[];
  readonly negotiatedRates?: readonly NegotiatedRate[];
}

/** One holder's allowance and its use in one financial year. */
export interface HolderYearSummary {
  readonly holderId: string;
  readonly year: number;
  readonly allowanceUnits: Units;
  /** Allowance taken by quota-consuming strands (never above allowanceUnits). */
  readonly usedFreeUnits: Units;
  readonly remainingFreeUnits: Units;
  /** Units not charged, on every strand (includes usedFreeUnits). */
  readonly freeUnits: Units;
  /** All units delivered to the holder's organisations, on every strand. */
  readonly deliveredUnits: Units;
  readonly chargeableUnits: Units;
  readonly chargePence: Pence;
}

/**
 * The allocation of every input delivery, column by column, so that a million deliveries
 * allocate without a million result objects. Columns are in allocation order (date, then
 * recordedSeq): position k describes the input delivery at `order[k]`.
 */
export interface QuotaAllocation {
  readonly count: number;
  readonly order: Uint32Array;
  readonly financialYear: Int32Array;
  /** Units drawn from the holder's allowance. */
  readonly quotaUnits: Int32Array;
  /** Units not charged: quotaUnits plus work on strands that are free. units = free + chargeable. */
  readonly freeUnits: Int32Array;
  readonly chargeableUnits: Int32Array;
  /** The rate the chargeable part is priced at (rule 5); 0 when nothing is chargeable. */
  readonly dayRatePence: Int32Array;
  readonly chargePence: Float64Array;
  /** Index into `holderIds`. */
  readonly holderIndex: Int32Array;
  readonly holderIds: readonly string[];
  readonly holderYears: readonly HolderYearSummary[];
  readonly totalChargePence: Pence;
}

/** One delivery's allocation as a plain object, for statements and reports. */
export interface AllocationLine {
  readonly deliveryId: string;
  readonly organisationId: string;
  readonly holderId: string;
  readonly strand: Strand;
  readonly date: PlainDate;
  readonly recordedSeq: number;
  readonly financialYear: number;
  readonly units: Units;
  readonly quotaUnits: Units;
  readonly freeUnits: Units;
  readonly chargeableUnits: Units;
  readonly dayRatePence: Pence;
  readonly chargePence: Pence;
}
