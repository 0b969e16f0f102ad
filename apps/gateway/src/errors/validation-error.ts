import { ExpectedError } from "./expected-error.js";

/** Input refused; `field` names the argument or input field at fault (dotted path). */
export class ValidationError extends ExpectedError {
  readonly code = "VALIDATION" as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ValidationError";
  }
}
