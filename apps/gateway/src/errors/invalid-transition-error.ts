import { ExpectedError } from "./expected-error.js";

/** The engagement lifecycle does not allow moving from `from` to `to`. */
export class InvalidTransitionError extends ExpectedError {
  readonly code = "INVALID_TRANSITION" as const;
  constructor(
    readonly from: string,
    readonly to: string,
    message?: string,
  ) {
    super(message ?? `An engagement cannot move from ${from} to ${to}`);
    this.name = "InvalidTransitionError";
  }
}
