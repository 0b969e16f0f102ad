import { type RegionPolicy, type Strand, earliestFittingWeek, requestWeeklyUnits, weekStartOf } from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import { type Database, loadAdviser, loadAdvisers } from "@adviser-hub/persistence";
import { freeWeeks, loadAdviserWeeks } from "./adviser-weeks.js";

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
 * for its weekly pace (the domain's requestWeeklyUnits) with the lead adviser, or any adviser
 * when none is named.
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
  const weeklyUnits = requestWeeklyUnits(policy, request);
  // 0: a strand the policy does not hold to capacity (or nothing estimated) always fits.
  if (weeklyUnits === 0)
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
