import {
  type DemandAndCapacity,
  type ForbiddenError,
  type HorizonWeek,
  type Result,
  type ValidationError,
  addDays,
  demandAndCapacity as demandAgainstCapacity,
  invalid,
  weekStartOf,
} from "@adviser-hub/domain";
import { type Queryable, openDemandEngagements } from "@adviser-hub/persistence";
import { type Reader, requireReader } from "./actor.js";
import { capacityForecast } from "./capacity-forecast.js";
import type { PolicySource } from "./policy-source.js";

export interface DemandAndCapacityArgs {
  readonly region: string;
  /** A date in the first week of the horizon (weeks start on Monday). */
  readonly from: string;
  readonly weeks: number;
  /** The longest horizon the caller serves (the gateway's forecast limit). */
  readonly maxWeeks: number;
}

export interface DemandAndCapacityReport {
  readonly unitsPerDay: number;
  /** Bookable units over all advisers in each week of the horizon, in week order. */
  readonly weeks: readonly HorizonWeek[];
  /** The domain's rule 14 over the open engagements and those weeks. */
  readonly figures: DemandAndCapacity;
}

export type DemandAndCapacityResult = Result<DemandAndCapacityReport, ValidationError | ForbiddenError>;

/**
 * The region's demand against its capacity over a horizon (rule 14): the open engagements'
 * estimates and deliveries in one read, the horizon's bookable capacity from the capacity
 * forecast's own reads and rules (so the two pages agree), and the domain's demandAndCapacity
 * decides what counts.
 */
export async function demandAndCapacity(
  db: Queryable,
  policies: PolicySource,
  reader: Reader,
  args: DemandAndCapacityArgs,
): Promise<DemandAndCapacityResult> {
  const denied = requireReader(reader, "demandAndCapacity", args.region);
  if (denied) return { ok: false, error: denied };
  // The same bounds as the forecast, checked before anything is read.
  if (!Number.isInteger(args.weeks) || args.weeks < 1 || args.weeks > args.maxWeeks)
    return invalid("weeks", `weeks must be between 1 and ${args.maxWeeks}`);
  const [forecast, engagements, policy] = await Promise.all([
    capacityForecast(db, policies, reader, args),
    openDemandEngagements(db, args.region),
    policies.latestPolicy(args.region),
  ]);
  if (!forecast.ok) return forecast;
  // Every week of the horizon is listed, a week with no adviser at zero.
  const firstWeek = weekStartOf(args.from);
  const bookableByWeek = new Map<string, number>();
  for (let i = 0; i < args.weeks; i++) bookableByWeek.set(addDays(firstWeek, 7 * i), 0);
  for (const { week } of forecast.value)
    bookableByWeek.set(week.weekStart, (bookableByWeek.get(week.weekStart) ?? 0) + week.bookableUnits);
  const weeks = [...bookableByWeek].map(([weekStart, bookableUnits]) => ({ weekStart, bookableUnits }));
  return { ok: true, value: { unitsPerDay: policy.unitsPerDay, weeks, figures: demandAgainstCapacity(engagements, weeks) } };
}
