import type { EngagementStatus } from "@adviser-hub/domain";
import type { Queryable } from "./queryable.js";

/** The statuses whose estimates may still call on capacity (rule 14 decides which count). */
const OPEN_STATUSES = ["REQUESTED", "WAITLISTED", "ACCEPTED", "ACTIVE"] as const satisfies readonly EngagementStatus[];

export interface DemandEngagementRow {
  readonly id: string;
  readonly status: EngagementStatus;
  readonly estimateUnits: number;
  /** Units of the engagement's deliveries not removed. */
  readonly deliveredUnits: number;
}

/**
 * The region's engagements that are not yet closed, each with its estimate and what has been
 * delivered on it so far: one statement. What counts as demand is the domain's rule 14.
 */
export async function openDemandEngagements(db: Queryable, region: string): Promise<DemandEngagementRow[]> {
  const rows = await db
    .selectFrom("engagements as e")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("deliveries")
          .select((d) => ["engagement_id", d.fn.sum<number>("units").as("units")])
          .where("region_code", "=", region)
          .where("removed_at", "is", null)
          .groupBy("engagement_id")
          .as("d"),
      (j) => j.onRef("d.engagement_id", "=", "e.id"),
    )
    .select(["e.id", "e.status", "e.estimate_units", "d.units"])
    .where("e.region_code", "=", region)
    .where("e.status", "in", [...OPEN_STATUSES])
    .orderBy("e.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    estimateUnits: row.estimate_units,
    deliveredUnits: Number(row.units ?? 0),
  }));
}
