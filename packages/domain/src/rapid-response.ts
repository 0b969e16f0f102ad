import type { EpochMs } from "./plain-date.js";
import type { BasisPoints, Fraction } from "./quantities.js";
import type { RegionPolicy } from "./region-policy.js";

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

/** Rule 10. */
export function summariseRapidResponse(
  _policy: Pick<RegionPolicy, "rapidResponse">,
  _cases: readonly RapidResponseCase[],
): RapidResponseSummary {
  throw new Error("pending");
}

/** The earliest on-site instant among an engagement's deliveries. */
export function firstOnSiteAt(deliveries: readonly { readonly onSiteAt: EpochMs | null }[]): EpochMs | null {
  let first: EpochMs | null = null;
  for (const d of deliveries) if (d.onSiteAt !== null && (first === null || d.onSiteAt < first)) first = d.onSiteAt;
  return first;
}
