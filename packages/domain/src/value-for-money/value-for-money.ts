import type { RegionPolicy } from "../policy/region-policy.js";
import type { Units } from "../quantities/days.js";
import { type BasisPoints, divideHalfUp, fraction, type Fraction, fractionToBasisPoints } from "../quantities/integer-arithmetic.js";
import type { Pence } from "../quantities/money.js";

export interface ValueForMoneyInput {
  readonly year: number;
  readonly programmeCostPence: Pence;
  readonly chargeIncomePence: Pence;
  /** Units delivered on all strands in the year. */
  readonly deliveredUnits: Units;
  /** Authorities whose organisations received any delivery in the year. */
  readonly servedAuthorityIds: readonly string[];
  readonly authorityCount: number;
}

export interface ValueForMoney {
  readonly year: number;
  readonly programmeCostPence: Pence;
  readonly chargeIncomePence: Pence;
  readonly deliveredUnits: Units;
  /** Programme cost / days delivered, half up to the penny; null with no delivery. */
  readonly costPerDeliveredDayPence: Pence | null;
  /** (cost - charge income) / days delivered. */
  readonly netCostPerDeliveredDayPence: Pence | null;
  readonly consultantBenchmarkDayRatePence: Pence;
  /** Benchmark rate - cost per delivered day (positive = cheaper than consultants). */
  readonly savingPerDayPence: Pence | null;
  readonly coverage: {
    readonly served: number;
    readonly total: number;
    readonly share: Fraction;
    readonly shareBp: BasisPoints;
  };
}

/**
 * Rule 13. Per-day figures divide pence by days (units / unitsPerDay) and round half up to the
 * penny. Coverage counts distinct authorities; region-wide bodies serve no single authority.
 */
export function valueForMoney(policy: RegionPolicy, input: ValueForMoneyInput): ValueForMoney {
  const units = input.deliveredUnits;
  const perDay = (pence: Pence) => (units > 0 ? divideHalfUp(pence * policy.unitsPerDay, units) : null);
  const cost = perDay(input.programmeCostPence);
  const benchmark = consultantBenchmarkDayRatePence(policy, input.year);
  const served = new Set(input.servedAuthorityIds).size;
  const share = input.authorityCount > 0 ? fraction(served, input.authorityCount) : fraction(0, 1);
  return {
    year: input.year,
    programmeCostPence: input.programmeCostPence,
    chargeIncomePence: input.chargeIncomePence,
    deliveredUnits: units,
    costPerDeliveredDayPence: cost,
    netCostPerDeliveredDayPence: perDay(input.programmeCostPence - input.chargeIncomePence),
    consultantBenchmarkDayRatePence: benchmark,
    savingPerDayPence: cost === null ? null : benchmark - cost,
    coverage: { served, total: input.authorityCount, share, shareBp: fractionToBasisPoints(share) },
  };
}

/** The authorities whose organisations received any delivery (region-wide bodies count for none). */
export function servedAuthorities(
  deliveries: readonly { readonly organisationId: string }[],
  organisations: readonly { readonly id: string; readonly homeAuthorityId: string | null }[],
): string[] {
  const home = new Map(organisations.map((o) => [o.id, o.homeAuthorityId]));
  const served = new Set<string>();
  for (const d of deliveries) {
    const a = home.get(d.organisationId);
    if (a) served.add(a);
  }
  return [...served].sort();
}

/** The consultant benchmark day rate for a financial year (rule 13). */
export function consultantBenchmarkDayRatePence(policy: RegionPolicy, year: number): Pence {
  const c = policy.consultantBenchmarkDayRate;
  return c.byYear.find((y) => y.year === year)?.pence ?? c.pence;
}
