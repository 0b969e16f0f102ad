import type { RegionPolicy } from "../policy/region-policy.js";
import type { Pence } from "../quantities/money.js";

/** The region's default day rate for a financial year. */
export function defaultDayRatePence(policy: RegionPolicy, year: number): Pence {
  return policy.defaultDayRate.byYear.find((y) => y.year === year)?.pence ?? policy.defaultDayRate.pence;
}

export const MAX_DAY_RATE_PENCE = 100_000_000;
