
/**
 * Expected failures are values, never exceptions: every rule returns a `Result`, and each
 * failure carries a stable `code` that the gateway maps to a typed GraphQL error.
 */
export type Result<T, E = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({
  ok: false,
  error,
});

export const ERROR_CODES = [
  "VALIDATION",
  "NOT_FOUND",
  "FORBIDDEN",
  "CAPACITY_EXCEEDED",
  "INVALID_TRANSITION",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field. `field` is a path such as `strands.PROJECT_SUPPORT.consumesQuota`
 * or `deliveries[3].units`. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** Bad input. `field`/`message` repeat the first issue so callers that show one error can. */
export interface ValidationError {
  readonly code: "VALIDATION";
  readonly field: string;
  readonly message: string;
  readonly issues: readonly FieldIssue[];
}

export interface NotFoundError {
  readonly code: "NOT_FOUND";
  readonly entity: string;
  readonly id: string;
  readonly field: string;
  readonly message: string;
}

export interface ForbiddenError {
  readonly code: "FORBIDDEN";
  readonly message: string;
}

/** A confirmed booking that would take an adviser's week past its bookable days. */
export interface CapacityExceededError {
  readonly code: "CAPACITY_EXCEEDED";
  readonly adviserId: string;
  readonly weekStart: string;
  readonly bookableUnits: number;
  readonly alreadyBookedUnits: number;
  readonly requestedUnits: number;
  readonly message: string;
}

export interface InvalidTransitionError {
  readonly code: "INVALID_TRANSITION";
  readonly from: string;
  readonly to: string;
  readonly message: string;
}

export type DomainError =
  | ValidationError
  | NotFoundError
  | ForbiddenError
  | CapacityExceededError
  | InvalidTransitionError;

export function validationError(
  issues: readonly FieldIssue[] | FieldIssue,
): ValidationError {
  const list = Array.isArray(issues) ? (issues as readonly FieldIssue[]) : [issues as FieldIssue];
  const first = list[0] ?? { field: "", message: "invalid input" };
  return { code: "VALIDATION", field: first.field, message: first.message, issues: list };
}

export function invalid(field: string, message: string): { ok: false; error: ValidationError } {
  return err(validationError({ field, message }));
}

export function notFound(entity: string, id: string, field: string): NotFoundError {
  return { code: "NOT_FOUND", entity, id, field, message: `${entity} ${id} not found` };
}
