import type { DaysValue } from "../builder.js";
import type { GatewayContext } from "../context.js";

/** Units are meaningless without the region's granularity: pair them for the Days scalar. */
export async function daysOf(context: GatewayContext, region: string, units: number): Promise<DaysValue> {
  return { units, unitsPerDay: (await context.loaders.latestPolicy(region)).unitsPerDay };
}
