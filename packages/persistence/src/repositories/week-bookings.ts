import type { CapacityBooking, PlainDate } from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";

/** A booking as capacity reads it, with the adviser-week it holds. */
export interface WeekBooking extends CapacityBooking {
  readonly adviserId: string;
  readonly weekStart: PlainDate;
}

/** The bookings of some advisers in the weeks starting from `fromWeek` to `lastDay`, with their engagements' strands. */
export async function loadWeekBookings(
  trx: Transaction<Database>,
  region: string,
  adviserIds: readonly string[],
  fromWeek: PlainDate,
  lastDay: PlainDate,
): Promise<WeekBooking[]> {
  if (adviserIds.length === 0) return [];
  const rows = await trx
    .selectFrom("bookings as b")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "b.region_code").onRef("e.id", "=", "b.engagement_id"))
    .select(["b.adviser_id", "b.week_start", "b.units", "b.status", "e.strand"])
    .where("b.region_code", "=", region)
    .where("b.adviser_id", "in", [...adviserIds])
    .where("b.week_start", ">=", fromWeek)
    .where("b.week_start", "<=", lastDay)
    .execute();
  return rows.map((r) => ({ adviserId: r.adviser_id, weekStart: r.week_start, units: r.units, status: r.status, strand: r.strand }));
}
