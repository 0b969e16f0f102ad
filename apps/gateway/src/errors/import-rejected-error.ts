import type { ImportIssue } from "@adviser-hub/service";
import { ExpectedError } from "./expected-error.js";

/** A region import refused: every problem by file, row and column. Nothing was written. */
export class ImportRejectedError extends ExpectedError {
  readonly code = "IMPORT_REJECTED" as const;
  constructor(
    readonly issues: readonly ImportIssue[],
    message: string,
  ) {
    super(message);
    this.name = "ImportRejectedError";
  }
}
