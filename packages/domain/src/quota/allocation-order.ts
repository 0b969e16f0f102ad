import { dayNumberFromParts } from "../calendar/plain-date.js";
import type { QuotaDelivery } from "./allocate-quota.js";

/*
 * The ordering half of quota allocation: deliveries are copied once into packed integer records
 * and ordered by (date, recordedSeq) with linear counting passes, never a comparison sort.
 */

// Packed per-delivery record, one cache line for what the allocation loop reads at random.
export const REC = 4;
export const REC_DAY = 0;
export const REC_ORG_FLAGS = 1;
export const REC_UNITS = 2;
export const REC_AGREED = 3;

const RADIX = 65_536;
const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses 'YYYY-MM-DD' to a day number, or returns NaN when it is not a real date. One pass over
 * the characters: this runs once per delivery.
 */
export function dayNumberOrNaN(s: unknown): number {
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

/**
 * Stable counting sort of `from` into `to` by the record's day (day - minDay < range), also
 * copying each record to its sorted position in `sortedRec`, so the allocation loop then reads
 * records in order instead of at random.
 */
function dayCountingPass(
  from: Uint32Array,
  to: Uint32Array,
  rec: Int32Array,
  sortedRec: Int32Array,
  minDay: number,
  range: number,
): void {
  const counts = new Uint32Array(range + 1);
  const n = from.length;
  for (let i = 0; i < n; i += 1) counts[rec[from[i]! * REC + REC_DAY]! - minDay + 1]! += 1;
  for (let d = 1; d <= range; d += 1) counts[d]! += counts[d - 1]!;
  for (let i = 0; i < n; i += 1) {
    const idx = from[i]!;
    const r = idx * REC;
    const k = rec[r + REC_DAY]! - minDay;
    const pos = counts[k]!;
    to[pos] = idx;
    const w = pos * REC;
    sortedRec[w] = rec[r]!;
    sortedRec[w + 1] = rec[r + 1]!;
    sortedRec[w + 2] = rec[r + 2]!;
    sortedRec[w + 3] = rec[r + 3]!;
    counts[k] = pos + 1;
  }
}

export interface OrderFacts {
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
 * Input positions sorted by (day, seq), stable, and the records in that order. Input already in that order costs nothing more;
 * input in recorded order one counting pass on the day; anything else a linear pass on seq
 * first. No comparison sort, no per-delivery objects.
 */
export function allocationOrder(
  deliveries: readonly QuotaDelivery[],
  rec: Int32Array,
  facts: OrderFacts,
): { order: Uint32Array; sortedRec: Int32Array } {
  const n = deliveries.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  if (facts.sorted) return { order, sortedRec: rec };
  let bySeq: Uint32Array = order;
  if (!facts.seqAscending) {
    const key = new Float64Array(n);
    for (let i = 0; i < n; i += 1) key[i] = (deliveries[i] as QuotaDelivery).recordedSeq - facts.minSeq;
    bySeq = sortByKey(order, new Uint32Array(n), key, facts.maxSeq - facts.minSeq);
  }
  const byDay = bySeq === order ? new Uint32Array(n) : order;
  const sortedRec = new Int32Array(n * REC);
  dayCountingPass(bySeq, byDay, rec, sortedRec, facts.minDay, facts.dayRange);
  return { order: byDay, sortedRec };
}
