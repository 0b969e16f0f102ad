import { ExpectedError } from "./expected-error.js";

/** The viewer's role, region, authority or funder does not allow this. */
export class ForbiddenError extends ExpectedError {
  readonly code = "FORBIDDEN" as const;
  constructor(message = "Not allowed for this viewer") {
    super(message);
    this.name = "ForbiddenError";
  }
}
