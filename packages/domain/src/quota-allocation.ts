import type { AllocationLine, QuotaAllocation, QuotaInput } from "./quota.js";
import type { RegionPolicy } from "./region-policy.js";
import type { NotFoundError, Result, ValidationError } from "./result.js";

/**
 * Rules 3 to 5: allocates free days per quota holder and year in (date, recordedSeq) order,
 * splits deliveries across the end of the allowance, and prices chargeable parts by agreed
 * rate, else negotiated rate for the year, else the policy's default for the year.
 */
export function allocateQuota(
  _policy: RegionPolicy,
  _input: QuotaInput,
): Result<QuotaAllocation, ValidationError | NotFoundError> {
  throw new Error("pending");
}

/** The allocation as plain lines in allocation order (optionally only some organisations). */
export function allocationLines(
  _input: QuotaInput,
  _allocation: QuotaAllocation,
  _organisationIds?: ReadonlySet<string>,
): AllocationLine[] {
  throw new Error("pending");
}
