import type { Organisation } from "../entities/organisation.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import type { Units } from "../quantities/days.js";

/**
 * Who holds the free allowance for an organisation's work (rule 3): its home authority when the
 * policy pools by area, itself when it pools by organisation, and always itself when it has no
 * home authority (a region-wide body).
 */
export function quotaHolderOf(
  policy: Pick<RegionPolicy, "quotaPooling">,
  organisation: Pick<Organisation, "id" | "homeAuthorityId">,
): string {
  if (policy.quotaPooling === "AREA" && organisation.homeAuthorityId !== null)
    return organisation.homeAuthorityId;
  return organisation.id;
}

/** The free allowance for one holder and year: holder override, else year override, else default. */
export function allowanceUnits(policy: RegionPolicy, holderId: string, year: number): Units {
  const f = policy.freeDaysPerYear;
  const holder = f.byHolderYear.find((h) => h.holderId === holderId && h.year === year);
  if (holder) return holder.units;
  return f.byYear.find((y) => y.year === year)?.units ?? f.defaultUnits;
}
