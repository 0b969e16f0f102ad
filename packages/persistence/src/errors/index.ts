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
  abortTransaction,
  DatabaseFailure,
  TransactionAbort,
  type TransactionOptions,
  withTransaction,
} from "./with-transaction.js";
