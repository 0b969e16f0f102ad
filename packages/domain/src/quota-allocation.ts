import { financialYearOfDayNumber, financialYearStartDate } from "./calendar.js";
import { quotaHolderOf } from "./organisation.js";
import { dayNumber, dayNumberFromParts } from "./plain-date.js";
import { divideHalfUp } from "./quantities.js";
import {
  type AllocationLine,
  type HolderYearSummary,
  MAX_DAY_RATE_PENCE,
  MAX_DELIVERY_UNITS,
  type QuotaAllocation,
  type QuotaDelivery,
  type QuotaInput,
} from "./quota.js";
import { allowanceUnits, defaultDayRatePence, type RegionPolicy } from "./region-policy.js";
import { type NotFoundError, type Result, type ValidationError, err, invalid, notFound, ok } from "./result.js";
import { STRANDS } from "./strand.js";


const RADIX = 65_536;

const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses 'YYYY-MM-DD' to a day number, or returns NaN when it is not a real date. One pass over
 * the characters: this runs once per delivery.
 */
function dayNumberOrNaN(s: unknown): number {
  if (typeof s !== "string" || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9)
    return Number.NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month]!) return Number.NaN;
  if (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return Number.NaN;
  return dayNumberFromParts(year, month, day);
}

/** Stable counting sort of `from` into `to` by key[i] (0 <= key < range). */
function countingPass(from: Uint32Array, to: Uint32Array, key: Float64Array, range: number): void {
  const counts = new Uint32Array(range + 1);
  const n = from.length;
  for (let i = 0; i < n; i += 1) counts[key[from[i]!]! + 1]! += 1;
  for (let d = 1; d <= range; d += 1) counts[d]! += counts[d - 1]!;
  for (let i = 0; i < n; i += 1) {
    const idx = from[i]!;
    const k = key[idx]!;
    to[counts[k]!] = idx;
    counts[k]! += 1;
  }
}

/** One stable LSD radix pass on the 16-bit digit of key[i] / divisor (keys up to 2^53). */
function radixPass(from: Uint32Array, to: Uint32Array, key: Float64Array, divisor: number): void {
  const counts = new Uint32Array(RADIX);
  const n = from.length;
  for (let i = 0; i < n; i += 1) counts[Math.floor(key[from[i]!]! / divisor) % RADIX]! += 1;
  let sum = 0;
  for (let d = 0; d < RADIX; d += 1) {
    const c = counts[d]!;
    counts[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i += 1) {
    const idx = from[i]!;
    const d = Math.floor(key[idx]! / divisor) % RADIX;
    to[counts[d]!] = idx;
    counts[d]! += 1;
  }
}

/** Sorts `a` stably by key (0..maxKey) into a new order; `b` is scratch of the same length. */
function sortByKey(a: Uint32Array, b: Uint32Array, key: Float64Array, maxKey: number): Uint32Array {
  if (maxKey <= 4 * a.length + RADIX) {
    countingPass(a, b, key, maxKey + 1);
    return b;
  }
  let from = a;
  let to = b;
  for (let divisor = 1; divisor <= maxKey; divisor *= RADIX) {
    radixPass(from, to, key, divisor);
    [from, to] = [to, from];
  }
  return from;
}

/** Stable counting sort of `from` into `to` by the record's day (day - minDay < range). */
function dayCountingPass(from: Uint32Array, to: Uint32Array, rec: Int32Array, minDay: number, range: number): void {
  const counts = new Uint32Array(range + 1);
  const n = from.length;
  for (let i = 0; i < n; i += 1) counts[rec[from[i]! * REC + REC_DAY]! - minDay + 1]! += 1;
  for (let d = 1; d <= range; d += 1) counts[d]! += counts[d - 1]!;
  for (let i = 0; i < n; i += 1) {
    const idx = from[i]!;
    const k = rec[idx * REC + REC_DAY]! - minDay;
    to[counts[k]!] = idx;
    counts[k]! += 1;
  }
}

interface OrderFacts {
  readonly minDay: number;
  readonly dayRange: number;
  readonly minSeq: number;
  readonly maxSeq: number;
  /** Input already in (day, seq) order. */
  readonly sorted: boolean;
  /** Input in recorded order (seq ascending), the usual order of a log. */
  readonly seqAscending: boolean;
}

/**
 * Input positions sorted by (day, seq), stable. Input already in that order costs nothing more;
 * input in recorded order one counting pass on the day; anything else a linear pass on seq
 * first. No comparison sort, no per-delivery objects.
 */
function allocationOrder(deliveries: readonly QuotaDelivery[], rec: Int32Array, facts: OrderFacts): Uint32Array {
  const n = deliveries.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  if (facts.sorted) return order;
  let bySeq: Uint32Array = order;
  if (!facts.seqAscending) {
    const key = new Float64Array(n);
    for (let i = 0; i < n; i += 1) key[i] = (deliveries[i] as QuotaDelivery).recordedSeq - facts.minSeq;
    bySeq = sortByKey(order, new Uint32Array(n), key, facts.maxSeq - facts.minSeq);
  }
  const byDay = bySeq === order ? new Uint32Array(n) : order;
  dayCountingPass(bySeq, byDay, rec, facts.minDay, facts.dayRange);
  return byDay;
}

// Packed per-delivery record, one cache line for what the allocation loop reads at random.
const REC = 4;
const REC_DAY = 0;
const REC_ORG_FLAGS = 1;
const REC_UNITS = 2;
const REC_AGREED = 3;

/**
 * Rules 3 to 5: allocates free days per quota holder and year in (date, recordedSeq) order,
 * splits deliveries across the end of the allowance, and prices chargeable parts by agreed
 * rate, else negotiated rate for the year, else the policy's default for the year.
 *
 * Deliveries with equal (date, recordedSeq) keep their input order; recordedSeq comes from a
 * sequence, so that does not happen with stored data.
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
    if (!Number.isSafeInteger(r.dayRatePence) || r.dayRatePence <= 0 || r.dayRatePence > MAX_DAY_RATE_PENCE)
      return invalid(`negotiatedRates[${i}].dayRatePence`, `must be whole pence from 1 to ${MAX_DAY_RATE_PENCE}`);
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
    if (rate !== null && (!Number.isSafeInteger(rate) || rate <= 0 || rate > MAX_DAY_RATE_PENCE))
      return invalid(`deliveries[${i}].agreedDayRatePence`, `must be null or whole pence from 1 to ${MAX_DAY_RATE_PENCE}`);
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
  const order = allocationOrder(deliveries, rec, {
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
    const r = order[k]! * REC;
    const dn = rec[r + REC_DAY]!;
    while (dn >= nextYearStart) {
      year += 1;
      nextYearStart = dayNumber(financialYearStartDate(policy, year + 1));
      defaultRate = defaultDayRatePence(policy, year);
    }
    const orgFlags = rec[r + REC_ORG_FLAGS]!;
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
    const units = rec[r + REC_UNITS]!;
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
      const agreed = rec[r + REC_AGREED]!;
      const rate = agreed > 0 ? agreed : (negotiated.get(o * 10_000 + year) ?? defaultRate);
      const charge = divideHalfUp(chargeable * rate, upd);
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
