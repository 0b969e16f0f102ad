import { type ForbiddenError, type NotFoundError, type Result, type ValidationError, validateKnowledgeEventContent } from "@adviser-hub/domain";
import { type Database, type KnowledgeEventView, withTransaction, writeAudit } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { checkIds, checkThemes } from "./knowledge/links.js";

export type RecordKnowledgeEventError = ValidationError | NotFoundError | ForbiddenError;
export type RecordKnowledgeEventResult = Result<KnowledgeEventView, RecordKnowledgeEventError>;

/**
 * Records an event of the hub (rule 21): a briefing for elected members, legal training, a
 * board's development day or a network meeting, with its themes, the organisations invited
 * and the learning items it carried. Attendance is recorded afterwards.
 */
export async function recordKnowledgeEvent(
  db: Kysely<Database>,
  actor: CommandActor,
  input: unknown,
  options?: CommandOptions,
): Promise<RecordKnowledgeEventResult> {
  const denied = requireRole(actor, "recordKnowledgeEvent");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  const content = validateKnowledgeEventContent(input);
  if (!content.ok) return content;
  const c = content.value;
  return withTransaction(db, async (trx): Promise<RecordKnowledgeEventResult> => {
    const refused =
      (await checkThemes(trx, region, c.themes, "input.themes")) ??
      (await checkIds(trx, "organisations", "organisation", region, c.invitedOrganisationIds, "input.invitedOrganisationIds")) ??
      (await checkIds(trx, "learning_items", "learning item", region, c.learningItemIds, "input.learningItemIds"));
    if (refused) return { ok: false, error: refused };
    const at = nowOf(options);
    const id = crypto.randomUUID();
    await trx.insertInto("knowledge_events").values({ region_code: region, id, kind: c.kind, title: c.title, held_on: c.heldOn, created_at: at }).execute();
    const key = { region_code: region, event_id: id };
    if (c.themes.length > 0) await trx.insertInto("knowledge_event_themes").values(c.themes.map((theme_code) => ({ ...key, theme_code }))).execute();
    if (c.invitedOrganisationIds.length > 0)
      await trx
        .insertInto("knowledge_event_invitations")
        .values(c.invitedOrganisationIds.map((organisation_id) => ({ ...key, organisation_id, attended: null })))
        .execute();
    if (c.learningItemIds.length > 0)
      await trx
        .insertInto("knowledge_event_learning_items")
        .values(c.learningItemIds.map((learning_item_id) => ({ ...key, learning_item_id })))
        .execute();
    const event: KnowledgeEventView = {
      regionCode: region,
      id,
      kind: c.kind,
      title: c.title,
      heldOn: c.heldOn,
      themes: [...c.themes].sort(),
      learningItemIds: [...c.learningItemIds].sort(),
      invitations: [...c.invitedOrganisationIds].sort().map((organisationId) => ({ organisationId, attended: null })),
    };
    await writeAudit(trx, actor, { action: "recordKnowledgeEvent", entity: "knowledge_event", entityId: id, before: null, after: event, at });
    return { ok: true, value: event };
  });
}
