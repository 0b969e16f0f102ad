import { ExpectedError } from "./expected-error.js";

/** One problem with one input field. */
export interface ValidationIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * Input refused; `field` names the argument or input field at fault (dotted path) and
 * `issues` lists every problem found, the first of them repeating `field` and `message`.
 */
export class ValidationError extends ExpectedError {
  readonly code = "VALIDATION" as const;
  readonly issues: readonly ValidationIssue[];
  constructor(
    readonly field: string,
    message: string,
    issues?: readonly ValidationIssue[],
  ) {
    super(message);
    this.name = "ValidationError";
    this.issues = issues && issues.length > 0 ? issues : [{ field, message }];
  }
}
