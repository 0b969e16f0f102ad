export { type CommandActor, type CommandOptions, type Reader, systemClock } from "./actor.js";
export { type BenchmarkArgs, type BenchmarkResult, benchmark } from "./benchmark.js";
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
// Operating the service: outages reach callers as one error class, and a readiness probe
// asks whether the schema is the one this build expects.
export {
  asServiceUnavailable,
  type PoolUsage,
  type SchemaStatus,
  schemaStatus,
  ServiceUnavailableError,
} from "@adviser-hub/persistence";
