import { checkAttendance, type ForbiddenError, invalid, type NotFoundError, notFound, type Result, type ValidationError } from "@adviser-hub/domain";
import { type Database, type KnowledgeEventView, knowledgeEventsByIds, withTransaction, writeAudit } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { requiredId } from "./required-id.js";

export type RecordEventAttendanceError = ValidationError | NotFoundError | ForbiddenError;
export type RecordEventAttendanceResult = Result<KnowledgeEventView, RecordEventAttendanceError>;

/** Records, per invited organisation, whether it attended (rule 21); a later record replaces an earlier one. */
export async function recordEventAttendance(
  db: Kysely<Database>,
  actor: CommandActor,
  input: { readonly eventId: unknown; readonly attendance: unknown },
  options?: CommandOptions,
): Promise<RecordEventAttendanceResult> {
  const denied = requireRole(actor, "recordEventAttendance");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  const required = requiredId(input?.eventId, "input.eventId");
  if (!required.ok) return required;
  if (!Array.isArray(input.attendance) || input.attendance.length === 0) return invalid("input.attendance", "must list at least one organisation");
  const eventId = required.value;
  const attendance = input.attendance as { organisationId: unknown; attended: unknown }[];
  return withTransaction(db, async (trx): Promise<RecordEventAttendanceResult> => {
    const event = await trx
      .selectFrom("knowledge_events")
      .select("id")
      .where("region_code", "=", region)
      .where("id", "=", eventId)
      .forUpdate()
      .executeTakeFirst();
    if (!event) return { ok: false, error: notFound("event", eventId, "input.eventId") };
    const [before] = await knowledgeEventsByIds(trx, region, [eventId]);
    const checked = checkAttendance(before?.invitations.map((i) => i.organisationId) ?? [], attendance);
    if (!checked.ok) return checked;
    for (const value of [true, false]) {
      const ids = checked.value.filter((a) => a.attended === value).map((a) => a.organisationId);
      if (ids.length > 0)
        await trx
          .updateTable("knowledge_event_invitations")
          .set({ attended: value })
          .where("region_code", "=", region)
          .where("event_id", "=", eventId)
          .where("organisation_id", "in", ids)
          .execute();
    }
    const at = nowOf(options);
    const [after] = await knowledgeEventsByIds(trx, region, [eventId]);
    if (!after) throw new Error(`event ${eventId} vanished inside its own transaction`);
    await writeAudit(trx, actor, {
      action: "recordEventAttendance",
      entity: "knowledge_event",
      entityId: eventId,
      before: { invitations: before?.invitations ?? [] },
      after: { invitations: after.invitations },
      at,
    });
    return { ok: true, value: after };
  });
}
