import type { CapacityExceededError } from "@adviser-hub/domain";

/** A capacity refusal with the granularity its units are in, so a caller can show days without a policy read. */
export type CapacityExceeded = CapacityExceededError & { readonly unitsPerDay: number };
