import type { RegionPolicy } from "../policy/region-policy.js";
import type { Pence } from "../quantities/money.js";

/**
 * The highest day rate any input may carry: with MAX_DELIVERY_UNITS it keeps units x rate below
 * 2^53, so every charge is exact.
 */
export const MAX_DAY_RATE_PENCE = 100_000_000;

/**
 * Whether a value can be a day rate: whole pence from 1 to MAX_DAY_RATE_PENCE. One test for
 * every rate that enters (an engagement's agreed rate, a negotiated rate, the policy's default
 * and benchmark rates), so validation and allocation accept exactly the same rates. A rate of 0
 * is refused: a day that costs nothing is a free strand or an allowance, not a rate.
 */
export function isDayRatePence(value: unknown): value is Pence {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 1 && value <= MAX_DAY_RATE_PENCE;
}

export const DAY_RATE_RULE = `must be whole pence from 1 to ${MAX_DAY_RATE_PENCE}`;

/** The region's default day rate for a financial year. */
export function defaultDayRatePence(policy: RegionPolicy, year: number): Pence {
  // A loop, not find(): allocation asks once per chargeable delivery.
  for (const y of policy.defaultDayRate.byYear) if (y.year === year) return y.pence;
  return policy.defaultDayRate.pence;
}

/**
 * Rule 5: chargeable days are priced at the engagement's agreed rate, else the organisation's
 * negotiated rate for the delivery's financial year, else the region's default for that year.
 */
export function dayRateFor(
  policy: RegionPolicy,
  year: number,
  agreedDayRatePence: Pence | null,
  negotiatedDayRatePence: Pence | undefined,
): Pence {
  return agreedDayRatePence ?? negotiatedDayRatePence ?? defaultDayRatePence(policy, year);
}
