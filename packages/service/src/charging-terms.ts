import { type RegionPolicy, STRANDS, defaultDayRatePence } from "@adviser-hub/domain";
import type { ChargingTerms } from "@adviser-hub/persistence";

/** The policy's pricing of one financial year, in the shape the report's SQL takes. */
export function chargingTerms(policy: RegionPolicy, year: number): ChargingTerms {
  const allowance = policy.freeDaysPerYear;
  const allowanceByHolder: Record<string, number> = {};
  for (const entry of allowance.byHolderYear) if (entry.year === year) allowanceByHolder[entry.holderId] = entry.units;
  return {
    unitsPerDay: policy.unitsPerDay,
    pooling: policy.quotaPooling,
    defaultAllowanceUnits: allowance.byYear.find((entry) => entry.year === year)?.units ?? allowance.defaultUnits,
    allowanceByHolder,
    defaultDayRatePence: defaultDayRatePence(policy, year),
    quotaStrands: STRANDS.filter((strand) => policy.strands[strand].consumesQuota),
    chargedStrands: STRANDS.filter((strand) => policy.strands[strand].chargedAfterQuota),
  };
}
