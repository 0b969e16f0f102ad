import type { EngagementTransition } from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import type { Database, EngagementRow } from "../schema.js";
import type { TransitionRecord } from "./engagement-row.js";

/**
 * Writes a transition the domain allowed: the engagement's new status (guarded by the status it
 * was read with, so a concurrent change cannot be overwritten) and the who/when row.
 */
export async function applyTransition(
  trx: Transaction<Database>,
  row: EngagementRow,
  transition: EngagementTransition,
  reason: string | null,
): Promise<{ row: EngagementRow; record: TransitionRecord }> {
  const at = new Date(transition.at);
  const updated = await trx
    .updateTable("engagements")
    .set((eb) => ({
      status: transition.to,
      version: eb("version", "+", 1),
      updated_at: at,
      ...(transition.to === "WAITLISTED" ? { earliest_start_week: transition.earliestWeek } : {}),
    }))
    .where("region_code", "=", row.region_code)
    .where("id", "=", row.id)
    .where("status", "=", row.status)
    .returningAll()
    .executeTakeFirst();
  // The caller holds the row lock, so the status cannot have moved: if it did, that is a bug.
  if (!updated) throw new Error(`engagement ${row.id} changed status under a row lock`);
  await trx
    .insertInto("engagement_transitions")
    .values({
      region_code: row.region_code,
      engagement_id: row.id,
      from_status: transition.from,
      to_status: transition.to,
      by_actor: transition.by,
      at,
      reason,
    })
    .execute();
  return {
    row: updated,
    record: { engagementId: row.id, from: transition.from, to: transition.to, by: transition.by, at, reason },
  };
}
