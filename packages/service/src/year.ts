import { type Result, type ValidationError, invalid, ok } from "@adviser-hub/domain";

/** A financial year argument: named by the year it starts in, within a sane range. */
export function validYear(year: number, field = "year"): Result<number, ValidationError> {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return invalid(field, "year must be between 1900 and 2999");
  return ok(year);
}
