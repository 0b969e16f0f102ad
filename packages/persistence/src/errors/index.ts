export { CONSTRAINT_MEANINGS } from "./constraint-catalogue.js";
export type {
  DomainError,
  ExpectedFailure,
  FieldIssue,
  NotFoundError,
  Result,
  ValidationError,
} from "./domain-errors.js";
export { isRetryable, mapDatabaseError } from "./map-database-error.js";
export {
  asServiceUnavailable,
  DEFAULT_RETRY_AFTER_SECONDS,
  isServiceUnavailable,
  ServiceUnavailableError,
  type UnavailableReason,
} from "./service-unavailable.js";
export {
  abortTransaction,
  DatabaseFailure,
  TransactionAbort,
  type TransactionOptions,
  withTransaction,
} from "./with-transaction.js";
