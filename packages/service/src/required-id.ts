import { invalid, type Result, type ValidationError } from "@adviser-hub/domain";

/** The id or code a use case acts on: a non-empty string, or the refusal naming its field. */
export function requiredId(value: unknown, field: string): Result<string, ValidationError> {
  return typeof value === "string" && value !== "" ? { ok: true, value } : invalid(field, "is required");
}
