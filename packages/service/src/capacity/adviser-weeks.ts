import {
  type Adviser,
  type CapacityBooking,
  type FreeWeek,
  type PlainDate,
  type RegionPolicy,
  type WeekCapacity,
  addDays,
  freeWeekOf,
  weekCapacity,
} from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import { type Database, loadArrangements, loadLeave, loadWeekBookings } from "@adviser-hub/persistence";

export interface LoadedAdviserWeek {
  readonly capacity: WeekCapacity;
  /** Bookings in that week, with their engagements' strands. */
  readonly bookings: readonly CapacityBooking[];
}

/**
 * Capacity of each adviser in each of `weeks` weeks from the Monday `fromWeek`: leave, host
 * arrangements and bookings read in three statements, capacity computed by the domain.
 */
export async function loadAdviserWeeks(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  advisers: readonly Adviser[],
  fromWeek: PlainDate,
  weeks: number,
): Promise<LoadedAdviserWeek[]> {
  if (advisers.length === 0 || weeks <= 0) return [];
  const ids = advisers.map((a) => a.id);
  const lastDay = addDays(fromWeek, 7 * weeks - 1);
  // One after another: a transaction is one session, whichever driver.
  const leave = await loadLeave(trx, region, ids, fromWeek, lastDay);
  const arrangements = await loadArrangements(trx, region, ids);
  const bookings = await loadWeekBookings(trx, region, ids, fromWeek, lastDay);
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
        .filter((b) => b.adviserId === adviser.id && b.weekStart === weekStart)
        .map((b) => ({ units: b.units, status: b.status, strand: b.strand }));
      out.push({ capacity, bookings: own });
    }
  }
  return out;
}

/** Each loaded week's room as waitlisting sees it, by the domain. */
export function freeWeeks(policy: RegionPolicy, weeks: readonly LoadedAdviserWeek[]): FreeWeek[] {
  return weeks.map((w) => freeWeekOf(policy, w.capacity, w.bookings));
}
