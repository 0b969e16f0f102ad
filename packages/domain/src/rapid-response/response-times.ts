import type { EpochMs } from "../calendar/plain-date.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import { type BasisPoints, divideHalfUp, floorDiv, fraction, type Fraction, fractionToBasisPoints } from "../quantities/integer-arithmetic.js";

/** One rapid-response engagement: when it was requested and when an adviser was first on site. */
export interface RapidResponseCase {
  readonly engagementId: string;
  readonly requestedAt: EpochMs;
  /** null while nobody has been on site yet. */
  readonly firstOnSiteAt: EpochMs | null;
}

export interface RapidResponseSummary {
  /** Cases with an on-site time. */
  readonly count: number;
  /** Cases still waiting for a first on-site delivery (left out of the other figures). */
  readonly pendingCount: number;
  /** Median response in whole minutes; see the README for even counts. */
  readonly medianMinutes: number | null;
  /** medianMinutes / 60 rounded half up to two decimals. */
  readonly medianHours: number | null;
  readonly targetHours: number;
  readonly withinTarget: Fraction;
  readonly withinTargetBp: BasisPoints;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * Rule 10. Response time = first on-site instant - request instant, in whole minutes (floored).
 * The median of an even count is the mean of the two middle values rounded half up to a whole
 * minute. Within target compares exact milliseconds with targetHours. A first on-site instant
 * before the request (a data error upstream) counts as an immediate response.
 */
export function summariseRapidResponse(
  policy: Pick<RegionPolicy, "rapidResponse">,
  cases: readonly RapidResponseCase[],
): RapidResponseSummary {
  const minutes: number[] = [];
  let within = 0;
  let pending = 0;
  const targetMs = policy.rapidResponse.targetHours * HOUR_MS;
  for (const c of cases) {
    if (c.firstOnSiteAt === null) {
      pending += 1;
      continue;
    }
    const ms = Math.max(0, c.firstOnSiteAt - c.requestedAt);
    minutes.push(floorDiv(ms, MINUTE_MS));
    if (ms <= targetMs) within += 1;
  }
  minutes.sort((a, b) => a - b);
  const n = minutes.length;
  let median: number | null = null;
  if (n > 0) {
    const mid = floorDiv(n, 2);
    median = n % 2 === 1 ? minutes[mid]! : divideHalfUp(minutes[mid - 1]! + minutes[mid]!, 2);
  }
  const share = n === 0 ? fraction(0, 1) : fraction(within, n);
  return {
    count: n,
    pendingCount: pending,
    medianMinutes: median,
    medianHours: median === null ? null : divideHalfUp(median * 100, 60) / 100,
    targetHours: policy.rapidResponse.targetHours,
    withinTarget: share,
    withinTargetBp: fractionToBasisPoints(share),
  };
}

/** The earliest on-site instant among an engagement's deliveries. */
export function firstOnSiteAt(deliveries: readonly { readonly onSiteAt: EpochMs | null }[]): EpochMs | null {
  let first: EpochMs | null = null;
  for (const d of deliveries) if (d.onSiteAt !== null && (first === null || d.onSiteAt < first)) first = d.onSiteAt;
  return first;
}
