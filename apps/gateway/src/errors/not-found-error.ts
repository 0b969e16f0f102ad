import { ExpectedError } from "./expected-error.js";

/** The thing named does not exist in the viewer's region (or is not visible to the viewer). */
export class NotFoundError extends ExpectedError {
  readonly code = "NOT_FOUND" as const;
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly field: string | null = null,
  ) {
    super(`${entity} ${id} was not found`);
    this.name = "NotFoundError";
  }
}
