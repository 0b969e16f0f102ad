import type { DaysValue } from "../builder.js";
import type { GatewayContext } from "../context.js";

/**
 * Units are meaningless without the region's granularity: pair them for the Days scalar.
 * Synchronous once the region's policy is read (a page's hundreds of figures then make no
 * promise each); the first figure of a request may wait for it.
 */
export function daysOf(context: GatewayContext, region: string, units: number): DaysValue | Promise<DaysValue> {
  const policy = context.loaders.latestPolicyIfRead(region);
  if (policy) return { units, unitsPerDay: policy.unitsPerDay };
  return context.loaders.latestPolicy(region).then((read) => ({ units, unitsPerDay: read.unitsPerDay }));
}
