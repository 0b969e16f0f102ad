// The domain's error shapes, re-exported so persistence code and its callers name one type.
export type { DomainError, FieldIssue, NotFoundError, Result, ValidationError } from "@adviser-hub/domain";

/** Any expected failure: a value with a stable code (every DomainError fits). */
export interface ExpectedFailure {
  readonly code: string;
  readonly message: string;
}
