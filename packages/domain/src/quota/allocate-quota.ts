import { financialYearOfDayNumber, financialYearStartDate } from "../calendar/financial-year.js";
import { dayNumber, type PlainDate } from "../calendar/plain-date.js";
import type { NegotiatedRate } from "../entities/organisation.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import { type Strand, STRANDS } from "../policy/strand.js";
import { MAX_DELIVERY_UNITS, type Units } from "../quantities/days.js";
import { chargeForUnits, type Pence } from "../quantities/money.js";
import { err, invalid, notFound, type NotFoundError, ok, type Result, type ValidationError } from "../result.js";
import { allocationOrder, dayNumberOrNaN, REC, REC_AGREED, REC_DAY, REC_ORG_FLAGS, REC_UNITS } from "./allocation-order.js";
import { DAY_RATE_RULE, defaultDayRatePence, isDayRatePence } from "./day-rate.js";
import { allowanceUnits, quotaHolderOf } from "./quota-holder.js";

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

/**
 * Rules 3 to 5: allocates free days per quota holder and year in (date, recordedSeq) order,
 * splits deliveries across the end of the allowance, and prices chargeable parts by agreed
 * rate, else negotiated rate for the year, else the policy's default for the year.
 *
 * Deliveries with equal (date, recordedSeq) keep their input order; recordedSeq comes from a
 * sequence, so that does not happen with stored data.
 *
 * To follow the rule, read the plain loop in test-support/reference-allocation.ts: this is the
 * same rule as a kernel over packed records (the plain loop misses 1 s for 1,000,000
 * deliveries), and a property test holds it to exactly the plain loop's results. Input comes
 * from stored data, so a bad field refuses the whole input at the first one found.
 */
export function allocateQuota(
  policy: RegionPolicy,
  input: QuotaInput,
): Result<QuotaAllocation, ValidationError | NotFoundError> {
  const { deliveries, organisations } = input;
  const n = deliveries.length;
  const upd = policy.unitsPerDay;

  // Organisations and holders get small integer indices, so the loop below touches no maps.
  const orgIndex = new Map<string, number>();
  const holderIndexOf = new Map<string, number>();
  const holderIds: string[] = [];
  const orgHolder: number[] = [];
  for (const org of organisations) {
    if (orgIndex.has(org.id)) continue;
    const holderId = quotaHolderOf(policy, org);
    let h = holderIndexOf.get(holderId);
    if (h === undefined) {
      h = holderIds.length;
      holderIds.push(holderId);
      holderIndexOf.set(holderId, h);
    }
    orgIndex.set(org.id, orgHolder.length);
    orgHolder.push(h);
  }
  const negotiated = new Map<number, number>();
  for (const [i, r] of (input.negotiatedRates ?? []).entries()) {
    if (!isDayRatePence(r.dayRatePence)) return invalid(`negotiatedRates[${i}].dayRatePence`, DAY_RATE_RULE);
    const o = orgIndex.get(r.organisationId);
    // Years are below 10000, so org x 10000 + year is a unique numeric key.
    if (o !== undefined) negotiated.set(o * 10_000 + r.year, r.dayRatePence);
  }

  // Strand flags: bit 0 consumes quota, bit 1 charged after quota.
  const strandFlags = new Map<string, number>();
  for (const strand of STRANDS) {
    const p = policy.strands[strand];
    strandFlags.set(strand, (p.consumesQuota ? 1 : 0) + (p.chargedAfterQuota ? 2 : 0));
  }

  const rec = new Int32Array(n * REC);
  let sorted = true;
  let seqAscending = true;
  let prevDay = Number.NEGATIVE_INFINITY;
  let prevSeq = Number.NEGATIVE_INFINITY;
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  let minSeq = Number.POSITIVE_INFINITY;
  let maxSeq = 0;
  for (let i = 0; i < n; i += 1) {
    const d = deliveries[i] as QuotaDelivery;
    const dn = dayNumberOrNaN(d.date);
    if (Number.isNaN(dn)) return invalid(`deliveries[${i}].date`, "must be a date YYYY-MM-DD");
    const u = d.units;
    if (!Number.isSafeInteger(u) || u <= 0 || u > MAX_DELIVERY_UNITS)
      return invalid(`deliveries[${i}].units`, `must be a whole number of units from 1 to ${MAX_DELIVERY_UNITS}`);
    const s = d.recordedSeq;
    if (!Number.isSafeInteger(s) || s < 0)
      return invalid(`deliveries[${i}].recordedSeq`, "must be a whole number, zero or more");
    const f = strandFlags.get(d.strand);
    if (f === undefined) return invalid(`deliveries[${i}].strand`, `unknown strand ${String(d.strand)}`);
    const o = orgIndex.get(d.organisationId);
    if (o === undefined) return err(notFound("Organisation", String(d.organisationId), `deliveries[${i}].organisationId`));
    const rate = d.agreedDayRatePence;
    if (rate !== null && !isDayRatePence(rate))
      return invalid(`deliveries[${i}].agreedDayRatePence`, `must be null or ${DAY_RATE_RULE.replace(/^must be /, "")}`);
    const r = i * REC;
    rec[r + REC_DAY] = dn;
    rec[r + REC_ORG_FLAGS] = o * 4 + f;
    rec[r + REC_UNITS] = u;
    rec[r + REC_AGREED] = rate ?? 0;
    if (s < prevSeq) seqAscending = false;
    if (dn < prevDay || (dn === prevDay && s < prevSeq)) sorted = false;
    prevDay = dn;
    prevSeq = s;
    if (dn < minDay) minDay = dn;
    if (dn > maxDay) maxDay = dn;
    if (s > maxSeq) maxSeq = s;
    if (s < minSeq) minSeq = s;
  }
  const { order, sortedRec } = allocationOrder(deliveries, rec, {
    minDay,
    dayRange: n > 0 ? maxDay - minDay + 1 : 0,
    minSeq,
    maxSeq,
    sorted,
    seqAscending,
  });
  const financialYear = new Int32Array(n);
  const quotaUnits = new Int32Array(n);
  const freeUnits = new Int32Array(n);
  const chargeableUnits = new Int32Array(n);
  const dayRatePence = new Int32Array(n);
  const chargePence = new Float64Array(n);
  const holderIndex = new Int32Array(n);

  // Per holder, for the year being processed: allocation runs in date order, so years only move
  // forward and each holder's counters restart at its first delivery of a new year.
  const hc = holderIds.length;
  const holderYear = new Int32Array(hc).fill(-1);
  const remaining = new Float64Array(hc);
  const allowance = new Float64Array(hc);
  const delivered = new Float64Array(hc);
  const free = new Float64Array(hc);
  const charged = new Float64Array(hc);
  const charges = new Float64Array(hc);
  const summaries: HolderYearSummary[] = [];
  function flush(h: number): void {
    if (holderYear[h]! < 0) return;
    summaries.push({
      holderId: holderIds[h]!,
      year: holderYear[h]!,
      allowanceUnits: allowance[h]!,
      usedFreeUnits: allowance[h]! - remaining[h]!,
      remainingFreeUnits: remaining[h]!,
      freeUnits: free[h]!,
      deliveredUnits: delivered[h]!,
      chargeableUnits: charged[h]!,
      chargePence: charges[h]!,
    });
  }

  let year = n > 0 ? financialYearOfDayNumber(policy, minDay) : 0;
  let nextYearStart = n > 0 ? dayNumber(financialYearStartDate(policy, year + 1)) : 0;
  let defaultRate = defaultDayRatePence(policy, year);
  let total = 0;
  for (let k = 0; k < n; k += 1) {
    const r = k * REC;
    const dn = sortedRec[r + REC_DAY]!;
    while (dn >= nextYearStart) {
      year += 1;
      nextYearStart = dayNumber(financialYearStartDate(policy, year + 1));
      defaultRate = defaultDayRatePence(policy, year);
    }
    const orgFlags = sortedRec[r + REC_ORG_FLAGS]!;
    const f = orgFlags & 3;
    const o = orgFlags >> 2;
    const h = orgHolder[o]!;
    if (holderYear[h] !== year) {
      flush(h);
      holderYear[h] = year;
      const a = allowanceUnits(policy, holderIds[h]!, year);
      allowance[h] = a;
      remaining[h] = a;
      delivered[h] = 0;
      free[h] = 0;
      charged[h] = 0;
      charges[h] = 0;
    }
    const units = sortedRec[r + REC_UNITS]!;
    let fromQuota = 0;
    if (f & 1) {
      const left = remaining[h]!;
      fromQuota = Math.min(units, left);
      remaining[h] = left - fromQuota;
    }
    // Charged strands pay for what the allowance did not cover; free strands pay nothing.
    const chargeable = f & 2 ? units - fromQuota : 0;
    financialYear[k] = year;
    holderIndex[k] = h;
    quotaUnits[k] = fromQuota;
    freeUnits[k] = units - chargeable;
    chargeableUnits[k] = chargeable;
    delivered[h]! += units;
    free[h]! += units - chargeable;
    if (chargeable > 0) {
      const agreed = sortedRec[r + REC_AGREED]!;
      // Rule 5 (dayRateFor): agreed rates are never 0 (isDayRatePence), so 0 in the record means none.
      const rate = agreed > 0 ? agreed : (negotiated.get(o * 10_000 + year) ?? defaultRate);
      const charge = chargeForUnits(chargeable, rate, upd);
      dayRatePence[k] = rate;
      chargePence[k] = charge;
      charged[h]! += chargeable;
      charges[h]! += charge;
      total += charge;
    }
  }
  for (let h = 0; h < hc; h += 1) flush(h);
  summaries.sort((a, b) => (a.holderId < b.holderId ? -1 : a.holderId > b.holderId ? 1 : a.year - b.year));

  return ok({
    count: n,
    order,
    financialYear,
    quotaUnits,
    freeUnits,
    chargeableUnits,
    dayRatePence,
    chargePence,
    holderIndex,
    holderIds,
    holderYears: summaries,
    totalChargePence: total,
  });
}

/** The allocation as plain lines in allocation order (optionally only some organisations). */
export function allocationLines(
  input: QuotaInput,
  allocation: QuotaAllocation,
  organisationIds?: ReadonlySet<string>,
): AllocationLine[] {
  const lines: AllocationLine[] = [];
  for (let k = 0; k < allocation.count; k += 1) {
    const d = input.deliveries[allocation.order[k]!]!;
    if (organisationIds && !organisationIds.has(d.organisationId)) continue;
    lines.push({
      deliveryId: d.id,
      organisationId: d.organisationId,
      holderId: allocation.holderIds[allocation.holderIndex[k]!]!,
      strand: d.strand,
      date: d.date,
      recordedSeq: d.recordedSeq,
      financialYear: allocation.financialYear[k]!,
      units: d.units,
      quotaUnits: allocation.quotaUnits[k]!,
      freeUnits: allocation.freeUnits[k]!,
      chargeableUnits: allocation.chargeableUnits[k]!,
      dayRatePence: allocation.dayRatePence[k]!,
      chargePence: allocation.chargePence[k]!,
    });
  }
  return lines;
}
