export { type CommandActor, type CommandOptions, type Reader, systemClock } from "./actor.js";
export { type BenchmarkArgs, type BenchmarkResult, benchmark } from "./benchmark.js";
export {
  type BenchmarkComparisonArgs,
  type BenchmarkComparisonReport,
  type BenchmarkComparisonResult,
  benchmarkComparison,
} from "./benchmark-comparison.js";
export { type CommonThemesArgs, type CommonThemesReport, type CommonThemesResult, commonThemes } from "./common-themes.js";
export {
  type ImportBenchmarksError,
  type ImportBenchmarksInput,
  type ImportBenchmarksResult,
  type ImportedBenchmarks,
  importBenchmarks,
} from "./import-benchmarks.js";
export {
  type CapacityForecastArgs,
  type CapacityForecastResult,
  type ForecastWeek,
  capacityForecast,
} from "./capacity-forecast.js";
export {
  FundingReport,
  type FundingReportArgs,
  type FundingReportResult,
  type HostCommitmentFigures,
  fundingReport,
} from "./funding-report.js";
export { InvalidPolicyError, type PolicySource, createPolicySource } from "./policy-source.js";
export { ReportCache } from "./report-cache.js";
export {
  type QuotaStatement,
  type QuotaStatementArgs,
  type QuotaStatementLine,
  type QuotaStatementResult,
  quotaStatement,
} from "./quota-statement.js";
export { type BookAdviserError, type BookAdviserResult, type BookedAdviser, bookAdviser } from "./book-adviser.js";
export type { CapacityFit } from "./capacity/capacity-fit.js";
export {
  type CorrectDeliveryError,
  type CorrectDeliveryInput,
  type CorrectDeliveryResult,
  type CorrectedDelivery,
  correctDelivery,
} from "./correct-delivery.js";
export {
  type DecideEngagementError,
  type DecideEngagementInput,
  type DecideEngagementResult,
  type DecidedEngagement,
  decideEngagement,
} from "./decide-engagement.js";
export type { CapacityExceeded } from "./errors.js";
export {
  type IssuedStatement,
  type IssueStatementError,
  type IssueStatementInput,
  type IssueStatementResult,
  issueStatement,
} from "./issue-statement.js";
export {
  type OutcomeMeasurementInput,
  type RecordedMeasurement,
  type RecordOutcomeMeasurementError,
  type RecordOutcomeMeasurementResult,
  recordOutcomeMeasurement,
} from "./record-outcome-measurement.js";
export {
  type RecordDeliveryError,
  type RecordDeliveryResult,
  type RecordedDelivery,
  recordDelivery,
} from "./record-delivery.js";
export {
  type RequestedEngagement,
  type RequestEngagementError,
  type RequestEngagementInput,
  type RequestEngagementResult,
  requestEngagement,
} from "./request-engagement.js";
export * from "./reads.js";
export {
  type DemandAndCapacityArgs,
  type DemandAndCapacityReport,
  type DemandAndCapacityResult,
  demandAndCapacity,
} from "./demand-and-capacity.js";
export { statisticalNeighboursOf } from "@adviser-hub/persistence";
export { allocateHolderYear, allocateUnallocated, reallocateYear } from "./allocation/index.js";
export { type LoadedAdviserWeek, freeWeeks, loadAdviserWeeks } from "./capacity/adviser-weeks.js";
export {
  type CreatedRegion,
  type CreateRegionError,
  type CreateRegionInput,
  type CreateRegionResult,
  FIRST_POLICY_YEAR,
  createRegion,
} from "./create-region.js";
export {
  type ReallocatedYear,
  type RegionPolicySet,
  type SetRegionPolicyError,
  type SetRegionPolicyInput,
  type SetRegionPolicyResult,
  setRegionPolicy,
} from "./set-region-policy.js";
export {
  type ImportBankHolidaysError,
  type ImportBankHolidaysInput,
  type ImportBankHolidaysResult,
  type ImportedBankHolidays,
  importBankHolidays,
} from "./import-bank-holidays.js";
export { type AuditLogArgs, type AuditLogResult, auditLog } from "./audit-log.js";
export type { AuditEntry } from "@adviser-hub/persistence";
export { type SaveError, type SaveOptions, type SaveResult } from "./administration/save-support.js";
export { type SaveAuthorityInput, type SaveAuthorityResult, type SavedAuthority, saveAuthority } from "./save-authority.js";
export { type SaveOrganisationResult, type SavedOrganisation, saveOrganisation } from "./save-organisation.js";
export { type SaveOrganisationRateResult, type SavedOrganisationRate, saveOrganisationRate } from "./save-organisation-rate.js";
export {
  type SaveStatisticalNeighboursResult,
  type SavedStatisticalNeighbours,
  saveStatisticalNeighbours,
} from "./save-statistical-neighbours.js";
export { type SaveAdviserResult, type SavedAdviser, saveAdviser } from "./save-adviser.js";
export { type SaveAdviserLeaveResult, type SavedAdviserLeave, saveAdviserLeave } from "./save-adviser-leave.js";
export { type SaveHostArrangementResult, type SavedHostArrangement, saveHostArrangement } from "./save-host-arrangement.js";
export { type SaveFunderResult, type SavedFunder, saveFunder } from "./save-funder.js";
export {
  type SaveFunderContributionResult,
  type SavedFunderContribution,
  saveFunderContribution,
} from "./save-funder-contribution.js";
export { type CreateOutcomeIndicatorResult, createOutcomeIndicator } from "./create-outcome-indicator.js";
export {
  CSV_FILES,
  IMPORT_FILE_NAMES,
  type ImportIssue,
  type ImportedFile,
  type ImportedRegion,
  type ImportRegionError,
  type ImportRegionInput,
  type ImportRegionResult,
  type ImportRejectedError,
  importRegion,
} from "./import-region.js";
// The knowledge hub (rules 18-21).
export { type AddThemeError, type AddThemeResult, addTheme } from "./add-theme.js";
export { type RenameThemeError, type RenameThemeResult, renameTheme } from "./rename-theme.js";
export { type RetireThemeError, type RetireThemeResult, retireTheme } from "./retire-theme.js";
export { type CreateLearningItemError, type CreateLearningItemResult, createLearningItem } from "./create-learning-item.js";
export { type UpdateLearningItemError, type UpdateLearningItemResult, updateLearningItem } from "./update-learning-item.js";
export { type ChangePublicationError, type ChangePublicationResult, publishLearningItem } from "./publish-learning-item.js";
export { withdrawLearningItem } from "./withdraw-learning-item.js";
export { type LibrarySearchResult, SEARCH_PAGE_MAX, type SearchLearningItemsArgs, searchLearningItems } from "./search-learning-items.js";
export { type RecordCaseReviewError, type RecordCaseReviewResult, type RecordedCaseReview, recordCaseReview } from "./record-case-review.js";
export { type ProgressRecommendationError, type ProgressRecommendationResult, progressRecommendation } from "./progress-recommendation.js";
export { type OverdueRecommendationsArgs, overdueRecommendations } from "./overdue-recommendations.js";
export { type CaseReviewReport, type RecommendationTally, caseReviewReport } from "./case-review-report.js";
export { type RecordKnowledgeEventError, type RecordKnowledgeEventResult, recordKnowledgeEvent } from "./record-knowledge-event.js";
export { type RecordEventAttendanceError, type RecordEventAttendanceResult, recordEventAttendance } from "./record-event-attendance.js";
export { type DisseminationReport, disseminationReport } from "./dissemination-report.js";
export {
  caseReviewsOfRegion,
  knowledgeEventsByIds,
  knowledgeEventsOfRegion,
  learningItemsByIds,
  libraryThemeCounts,
  recommendationsOfCaseReviews,
  themesByCodes,
  themesOfRegion,
} from "@adviser-hub/persistence";
export type { CaseReviewView, KnowledgeEventView, LearningItemView, RecommendationView, ThemeRow } from "@adviser-hub/persistence";
// Operating the service: outages reach callers as one error class, and a readiness probe
// asks whether the schema is the one this build expects.
export {
  asServiceUnavailable,
  type PoolUsage,
  type SchemaStatus,
  schemaStatus,
  ServiceUnavailableError,
} from "@adviser-hub/persistence";
