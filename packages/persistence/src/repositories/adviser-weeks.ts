import {
  type Adviser,
  type CapacityBooking,
  type FreeWeek,
  type RegionPolicy,
  type WeekCapacity,
  addDays,
  weekCapacity,
} from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";
import { loadArrangements, loadLeave } from "./rows.js";

export interface LoadedAdviserWeek {
  readonly capacity: WeekCapacity;
  /** Bookings in that week, with their engagements' strands. */
  readonly bookings: readonly CapacityBooking[];
}

/**
 * Capacity of each adviser in each of `weeks` weeks from the Monday `fromWeek`, computed by the
 * domain from leave, host arrangements and bookings read in three queries.
 */
export async function loadAdviserWeeks(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  advisers: readonly Adviser[],
  fromWeek: string,
  weeks: number,
): Promise<LoadedAdviserWeek[]> {
  if (advisers.length === 0 || weeks <= 0) return [];
  const ids = advisers.map((a) => a.id);
  const lastDay = addDays(fromWeek, 7 * weeks - 1);
  // One after another: a transaction is one session, whichever driver.
  const leave = await loadLeave(trx, region, ids, fromWeek, lastDay);
  const arrangements = await loadArrangements(trx, region, ids);
  const bookings = await trx
      .selectFrom("bookings as b")
      .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "b.region_code").onRef("e.id", "=", "b.engagement_id"))
      .select(["b.adviser_id", "b.week_start", "b.units", "b.status", "e.strand"])
      .where("b.region_code", "=", region)
      .where("b.adviser_id", "in", ids)
      .where("b.week_start", ">=", fromWeek)
    .where("b.week_start", "<=", lastDay)
    .execute();
  const out: LoadedAdviserWeek[] = [];
  for (let w = 0; w < weeks; w += 1) {
    const weekStart = addDays(fromWeek, 7 * w);
    for (const adviser of advisers) {
      const capacity = weekCapacity(policy, {
        adviser,
        weekStart,
        leave: leave.filter((l) => l.adviserId === adviser.id),
        arrangements: arrangements.filter((a) => a.adviserId === adviser.id),
      });
      const own = bookings
        .filter((b) => b.adviser_id === adviser.id && b.week_start === weekStart)
        .map((b) => ({ units: b.units, status: b.status, strand: b.strand }));
      out.push({ capacity, bookings: own });
    }
  }
  return out;
}

/** Confirmed units on capacity-held strands: what a new confirmed booking must fit beside. */
export function confirmedHeldUnits(policy: RegionPolicy, bookings: readonly CapacityBooking[]): number {
  return bookings
    .filter((b) => b.status === "CONFIRMED" && policy.strands[b.strand].heldToCapacity)
    .reduce((sum, b) => sum + b.units, 0);
}

export function freeWeeks(policy: RegionPolicy, weeks: readonly LoadedAdviserWeek[]): FreeWeek[] {
  return weeks.map((w) => ({
    adviserId: w.capacity.adviserId,
    weekStart: w.capacity.weekStart,
    bookableUnits: w.capacity.bookableUnits,
    confirmedUnits: confirmedHeldUnits(policy, w.bookings),
  }));
}
