// The domain's error shapes this package produces. Structural copies until the domain package
// exports them; they match packages/domain/src/result.ts field for field.

export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

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

/** Any expected failure: a value with a stable code (the domain's DomainError fits). */
export interface ExpectedFailure {
  readonly code: string;
  readonly message: string;
}

export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };
