export { type CommandActor, type CommandOptions, systemClock } from "./actor.js";
export { type BookedAdviser, bookAdviser } from "./book-adviser.js";
export type { CapacityFit } from "./capacity-fit.js";
export { type CorrectDeliveryInput, type CorrectedDelivery, correctDelivery } from "./correct-delivery.js";
export { type DecideEngagementInput, type DecidedEngagement, decideEngagement } from "./decide-engagement.js";
export { type IssuedStatement, type IssueStatementInput, issueStatement } from "./issue-statement.js";
export {
  type OutcomeMeasurementInput,
  type RecordedMeasurement,
  recordOutcomeMeasurement,
} from "./record-outcome-measurement.js";
export { type RecordedDelivery, recordDelivery } from "./record-delivery.js";
export {
  type RequestedEngagement,
  type RequestEngagementInput,
  requestEngagement,
} from "./request-engagement.js";
