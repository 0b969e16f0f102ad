import type { BasisPoints, Fraction, Pence, Units } from "./quantities.js";
import type { RegionPolicy } from "./region-policy.js";

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

/** Rule 13. */
export function valueForMoney(_policy: RegionPolicy, _input: ValueForMoneyInput): ValueForMoney {
  throw new Error("pending");
}
