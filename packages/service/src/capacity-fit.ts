import {
  type RegionPolicy,
  type Strand,
  ceilDiv,
  daysBetween,
  earliestFittingWeek,
  weekStartOf,
} from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import { type Database, freeWeeks, loadAdviser, loadAdvisers, loadAdviserWeeks } from "@adviser-hub/persistence";

/** How far ahead a request looks for a week it could start in. */
export const FIT_HORIZON_WEEKS = 26;

export interface CapacityFit {
  readonly fits: boolean;
  /** The earliest week it could start in, within the horizon; null when none. */
  readonly earliestWeek: string | null;
  readonly adviserId: string | null;
  /** Units a week the request needs free to start. */
  readonly weeklyUnits: number;
}

/**
 * Whether a request fits capacity (rule 9): the first week of the engagement must have room
 * for its weekly pace (its estimate spread over its weeks, at least a day, at most the whole
 * estimate) with the lead adviser, or any adviser when none is named. Strands the policy does
 * not hold to capacity always fit.
 */
export async function capacityFit(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  request: {
    readonly strand: Strand;
    readonly estimateUnits: number;
    readonly startDate: string;
    readonly endDate: string | null;
    readonly leadAdviserId: string | null;
  },
): Promise<CapacityFit> {
  const firstWeek = weekStartOf(request.startDate);
  const weeks = request.endDate === null ? 1 : Math.floor(daysBetween(firstWeek, request.endDate) / 7) + 1;
  const weeklyUnits = Math.min(
    request.estimateUnits,
    Math.max(policy.unitsPerDay, ceilDiv(request.estimateUnits, Math.max(1, weeks))),
  );
  if (!policy.strands[request.strand].heldToCapacity || weeklyUnits === 0)
    return { fits: true, earliestWeek: firstWeek, adviserId: request.leadAdviserId, weeklyUnits };
  const lead = request.leadAdviserId ? await loadAdviser(trx, region, request.leadAdviserId) : undefined;
  const advisers = lead ? [lead] : await loadAdvisers(trx, region);
  const loaded = await loadAdviserWeeks(trx, policy, region, advisers, firstWeek, FIT_HORIZON_WEEKS);
  const earliest = earliestFittingWeek(freeWeeks(policy, loaded), weeklyUnits);
  return {
    fits: earliest !== null && earliest.weekStart === firstWeek,
    earliestWeek: earliest?.weekStart ?? null,
    adviserId: earliest?.adviserId ?? null,
    weeklyUnits,
  };
}
