import { type ForbiddenError, type NotFoundError, type Result, type ValidationError, validateLearningItemContent } from "@adviser-hub/domain";
import { type Database, type LearningItemView, withTransaction, writeAudit } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { checkLearningItemLinks, writeLearningItemLinks } from "./knowledge/links.js";
import { viewOf } from "./knowledge/learning-item-row.js";

export type CreateLearningItemError = ValidationError | NotFoundError | ForbiddenError;
export type CreateLearningItemResult = Result<LearningItemView, CreateLearningItemError>;

/**
 * Adds a learning item to the region's library as a DRAFT (rule 19): its themes (current ones
 * of the vocabulary) and the engagements, authorities and organisations it came from.
 */
export async function createLearningItem(
  db: Kysely<Database>,
  actor: CommandActor,
  input: unknown,
  options?: CommandOptions,
): Promise<CreateLearningItemResult> {
  const denied = requireRole(actor, "createLearningItem");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  const content = validateLearningItemContent(input);
  if (!content.ok) return content;
  return withTransaction(db, async (trx): Promise<CreateLearningItemResult> => {
    const refused = await checkLearningItemLinks(trx, region, content.value);
    if (refused) return { ok: false, error: refused };
    const at = nowOf(options);
    const row = await trx
      .insertInto("learning_items")
      .values({
        region_code: region,
        id: crypto.randomUUID(),
        title: content.value.title,
        summary: content.value.summary,
        kind: content.value.kind,
        state: "DRAFT",
        audience: content.value.audience,
        created_at: at,
        updated_at: at,
      })
      .returning(["region_code", "id", "title", "summary", "kind", "state", "audience", "published_on", "published_year", "updated_at", "version"])
      .executeTakeFirstOrThrow();
    await writeLearningItemLinks(trx, region, row.id, content.value, false);
    const item = viewOf(row, content.value);
    await writeAudit(trx, actor, { action: "createLearningItem", entity: "learning_item", entityId: item.id, before: null, after: item, at });
    return { ok: true, value: item };
  });
}
