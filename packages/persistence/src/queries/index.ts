export { advisersByIds, advisersOfRegion } from "./advisers.js";
export { type AuditEntry, type AuditLogFilter, pageAuditLog } from "./audit-log.js";
export { authoritiesByIds, pageAuthorities } from "./authorities.js";
export {
  bookingsByIds,
  bookingsOfEngagements,
  deliveriesByIds,
  deliveriesOfEngagements,
  type EngagementTotals,
  totalsOfEngagements,
  transitionsOfEngagements,
} from "./engagement-work.js";
export {
  DELIVERY_COLUMNS,
  type DeliveryColumn,
  type DeliveryPart,
  type EngagementFilter,
  type EngagementPageIncludes,
  type EngagementPageRow,
  type EngagementWithArea,
  engagementsByIds,
  engagementsPageWith,
  pageEngagements,
} from "./engagements.js";
export {
  contributionsByFunder,
  type FunderContribution,
  funderContributions,
  fundersByIds,
  fundersOfRegion,
} from "./funders.js";
export { keysetPage } from "./keyset-page.js";
export { organisationsByIds, organisationsOfAuthorities } from "./organisations.js";
export type { Page, PageRequest, Queryable } from "./queryable.js";
export {
  type PolicyVersion,
  policyVersionForYear,
  policyVersionsOfRegions,
  type RegionSummary,
  type RegionWithPolicies,
  regionsByCodes,
  regionsWithPolicies,
} from "./regions.js";
export { type BenchmarkInputRow, benchmarkInputs } from "./benchmark-inputs.js";
export {
  type AreaFigureRow,
  areaFigures,
  type PublishedFigureRow,
  publishedFigures,
  type ThemeActivityRow,
  themeActivity,
} from "./published-benchmarks.js";
export { type CapacityAdviser, capacityAdvisers, type WeekLoad, weekLoads } from "./capacity-inputs.js";
export { type FundingFigures, type FundingWindow, fundingFigures } from "./funding-figures.js";
export {
  type HostArrangementYear,
  hostArrangementsForYear,
  type OutcomeCounts,
  type RapidResponseTiming,
} from "./programme-evidence.js";
export {
  findQuotaHolder,
  type QuotaDeliveryRow,
  type QuotaHolderCandidate,
  type QuotaHolderYear,
  type QuotaHolderYearTotals,
  quotaHolderYear,
} from "./quota-deliveries.js";
export { type OutcomeRowWithMeasurements, outcomesByIds, outcomesOfEngagements } from "./outcomes.js";
export { type IssuedStatementRow, issuedStatementsOfOrganisations } from "./statements.js";
export { type DemandEngagementRow, openDemandEngagements } from "./demand-engagements.js";
export { statisticalNeighboursOf } from "./statistical-neighbours.js";
export {
  type BoardRecommendationFigures,
  type CaseReviewView,
  caseReviewsOfRegion,
  disseminationFacts,
  type KnowledgeEventView,
  knowledgeEventsByIds,
  knowledgeEventsOfRegion,
  type LearningItemView,
  type LibraryHit,
  type LibraryPage,
  type LibrarySearch,
  learningItemsByIds,
  type LearningItemLinks,
  learningItemView,
  libraryThemeCounts,
  overdueRecommendations,
  type RecommendationView,
  recommendationFiguresByBoard,
  recommendationsOfCaseReviews,
  searchLearningItems,
  themesByCodes,
  themesOfRegion,
} from "./knowledge.js";
