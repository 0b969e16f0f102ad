import { formatDays } from "../quantities/days.js";
import type { RegionPolicy } from "./region-policy.js";

/**
 * A region policy written as people write it: quantities of days in days. It is what
 * `policy.json` holds; `parseRegionPolicy` reads it and derives the units from `unitsPerDay`.
 */
export interface RegionPolicyInput extends Omit<RegionPolicy, "freeDaysPerYear" | "rapidResponse"> {
  readonly $schema?: string;
  readonly freeDaysPerYear: {
    readonly defaultDays: number | string;
    readonly byYear?: readonly { readonly year: number; readonly days: number | string }[];
    readonly byHolderYear?: readonly { readonly holderId: string; readonly year: number; readonly days: number | string }[];
  };
  readonly rapidResponse: { readonly reserveDaysPerAdviserWeek: number | string; readonly targetHours: number };
}

/**
 * The policy in days, for `policy.json` and for deriving a region from a preset: spread it,
 * change `unitsPerDay`, parse it again, and every allowance and reserve keeps its days (a
 * preset's units would silently change meaning with the granularity).
 */
export function regionPolicyInputOf(policy: RegionPolicy): RegionPolicyInput {
  // Exact decimal strings, as the API writes days everywhere.
  const days = (units: number) => formatDays(units, policy.unitsPerDay);
  const { freeDaysPerYear, rapidResponse, ...rest } = policy;
  return {
    ...rest,
    freeDaysPerYear: {
      defaultDays: days(freeDaysPerYear.defaultUnits),
      byYear: freeDaysPerYear.byYear.map((e) => ({ year: e.year, days: days(e.units) })),
      byHolderYear: freeDaysPerYear.byHolderYear.map((e) => ({ holderId: e.holderId, year: e.year, days: days(e.units) })),
    },
    rapidResponse: { reserveDaysPerAdviserWeek: days(rapidResponse.reserveUnitsPerAdviserWeek), targetHours: rapidResponse.targetHours },
  };
}
