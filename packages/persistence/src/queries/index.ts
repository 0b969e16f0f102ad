export { advisersByIds, advisersOfRegion } from "./advisers.js";
export { authoritiesByIds, pageAuthorities } from "./authorities.js";
export {
  bookingsOfEngagements,
  deliveriesOfEngagements,
  type EngagementTotals,
  totalsOfEngagements,
  transitionsOfEngagements,
} from "./engagement-work.js";
export { type EngagementFilter, type EngagementWithArea, engagementsByIds, pageEngagements } from "./engagements.js";
export {
  contributionsByFunder,
  type FunderContribution,
  funderContributions,
  fundersByIds,
  fundersOfRegion,
} from "./funders.js";
export { keysetPage } from "./keyset-page.js";
export { organisationsByIds } from "./organisations.js";
export type { Page, PageRequest, Queryable } from "./queryable.js";
export {
  type PolicyVersion,
  policyVersionForYear,
  policyVersionsOfRegions,
  type RegionSummary,
  regionsByCodes,
} from "./regions.js";
