import type { BookingRow, DeliveryRow, EngagementTransitionRow } from "../schema.js";
import type { Queryable } from "./queryable.js";
import { regionRowsByIds } from "./by-ids.js";

function groupBy<Row>(ids: readonly string[], rows: readonly Row[], key: (row: Row) => string): Row[][] {
  const groups = new Map<string, Row[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}

/** Live (not removed) deliveries of each engagement, in allocation order. One statement. */
export async function deliveriesOfEngagements(
  db: Queryable,
  region: string,
  engagementIds: readonly string[],
): Promise<DeliveryRow[][]> {
  if (engagementIds.length === 0) return [];
  const rows = await db
    .selectFrom("deliveries")
    .selectAll()
    .where("region_code", "=", region)
    .where("engagement_id", "in", [...engagementIds])
    .where("removed_at", "is", null)
    .orderBy("delivered_on")
    .orderBy("recorded_seq")
    .execute();
  return groupBy(engagementIds, rows, (row) => row.engagement_id);
}

/** Bookings of each engagement by week. One statement. */
export async function bookingsOfEngagements(
  db: Queryable,
  region: string,
  engagementIds: readonly string[],
): Promise<BookingRow[][]> {
  if (engagementIds.length === 0) return [];
  const rows = await db
    .selectFrom("bookings")
    .selectAll()
    .where("region_code", "=", region)
    .where("engagement_id", "in", [...engagementIds])
    .orderBy("week_start")
    .orderBy("id")
    .execute();
  return groupBy(engagementIds, rows, (row) => row.engagement_id);
}

/** Status history of each engagement, oldest first. One statement. */
export async function transitionsOfEngagements(
  db: Queryable,
  region: string,
  engagementIds: readonly string[],
): Promise<EngagementTransitionRow[][]> {
  if (engagementIds.length === 0) return [];
  const rows = await db
    .selectFrom("engagement_transitions")
    .selectAll()
    .where("region_code", "=", region)
    .where("engagement_id", "in", [...engagementIds])
    .orderBy("at")
    .orderBy("id")
    .execute();
  return groupBy(engagementIds, rows, (row) => row.engagement_id);
}

export interface EngagementTotals {
  readonly deliveredUnits: number;
  readonly deliveryCount: number;
  readonly firstDeliveredOn: string | null;
  readonly lastDeliveredOn: string | null;
}

/** Delivered totals per engagement, aggregated in SQL. One statement. */
export async function totalsOfEngagements(
  db: Queryable,
  region: string,
  engagementIds: readonly string[],
): Promise<EngagementTotals[]> {
  if (engagementIds.length === 0) return [];
  const rows = await db
    .selectFrom("deliveries")
    .select((eb) => [
      "engagement_id",
      eb.fn.coalesce(eb.fn.sum<number>("units"), eb.lit(0)).as("units"),
      eb.fn.countAll<number>().as("count"),
      eb.fn.min("delivered_on").as("first_on"),
      eb.fn.max("delivered_on").as("last_on"),
    ])
    .where("region_code", "=", region)
    .where("engagement_id", "in", [...engagementIds])
    .where("removed_at", "is", null)
    .groupBy("engagement_id")
    .execute();
  const byId = new Map(rows.map((row) => [row.engagement_id, row]));
  return engagementIds.map((id) => {
    const row = byId.get(id);
    return {
      deliveredUnits: Number(row?.units ?? 0),
      deliveryCount: Number(row?.count ?? 0),
      firstDeliveredOn: row?.first_on ?? null,
      lastDeliveredOn: row?.last_on ?? null,
    };
  });
}

/** Deliveries of one region by id (removed ones included, so a correction can show them). */
export function deliveriesByIds(db: Queryable, region: string, ids: readonly string[]): Promise<(DeliveryRow | undefined)[]> {
  return regionRowsByIds(db, "deliveries", region, ids);
}

/** Bookings of one region by id. */
export function bookingsByIds(db: Queryable, region: string, ids: readonly string[]): Promise<(BookingRow | undefined)[]> {
  return regionRowsByIds(db, "bookings", region, ids);
}
