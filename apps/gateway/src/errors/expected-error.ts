/** Stable codes clients can switch on; they never change meaning. */
export type ErrorCode = "VALIDATION" | "NOT_FOUND" | "FORBIDDEN" | "CAPACITY_EXCEEDED" | "INVALID_TRANSITION" | "IMPORT_REJECTED";

/**
 * An expected failure. Mutations return these as members of their result union; reads
 * surface them as GraphQL errors carrying the same `extensions.code`.
 */
export abstract class ExpectedError extends Error {
  abstract readonly code: ErrorCode;
}
