import {
  type ForbiddenError,
  type InvalidTransitionError,
  type NotFoundError,
  type Result,
  type ValidationError,
  invalid,
  mayEditLearningItem,
  notFound,
  validateLearningItemContent,
} from "@adviser-hub/domain";
import { type Database, type LearningItemView, learningItemsByIds, withTransaction, writeAudit } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { requiredId } from "./required-id.js";
import { checkLearningItemLinks, writeLearningItemLinks } from "./knowledge/links.js";
import { lockLearningItem, viewOf } from "./knowledge/learning-item-row.js";

export type UpdateLearningItemError = ValidationError | NotFoundError | ForbiddenError | InvalidTransitionError;
export type UpdateLearningItemResult = Result<LearningItemView, UpdateLearningItemError>;

/**
 * Replaces a draft or published item's content and links (rule 19); a withdrawn item is kept
 * as it was. `expectedVersion`, when given, refuses a change made on a stale copy.
 */
export async function updateLearningItem(
  db: Kysely<Database>,
  actor: CommandActor,
  input: { readonly learningItemId: unknown; readonly expectedVersion?: unknown } & Record<string, unknown>,
  options?: CommandOptions,
): Promise<UpdateLearningItemResult> {
  const denied = requireRole(actor, "updateLearningItem");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  const required = requiredId(input?.learningItemId, "input.learningItemId");
  if (!required.ok) return required;
  const id = required.value;
  const expected = input.expectedVersion;
  if (expected !== undefined && expected !== null && (typeof expected !== "number" || !Number.isSafeInteger(expected)))
    return invalid("input.expectedVersion", "must be a whole number");
  const { learningItemId: _id, expectedVersion: _v, ...fields } = input;
  const content = validateLearningItemContent(fields);
  if (!content.ok) return content;
  return withTransaction(db, async (trx): Promise<UpdateLearningItemResult> => {
    const row = await lockLearningItem(trx, region, id);
    if (!row) return { ok: false, error: notFound("learning item", id, "input.learningItemId") };
    if (!mayEditLearningItem(row.state))
      return { ok: false, error: { code: "INVALID_TRANSITION", from: row.state, to: row.state, message: "a withdrawn learning item cannot be changed" } };
    if (typeof expected === "number" && expected !== row.version)
      return invalid("input.expectedVersion", `the item is at version ${row.version}: read it again`);
    const refused = await checkLearningItemLinks(trx, region, content.value);
    if (refused) return { ok: false, error: refused };
    const [before] = await learningItemsByIds(trx, region, [id]);
    const at = nowOf(options);
    const updated = await trx
      .updateTable("learning_items")
      .set({
        title: content.value.title,
        summary: content.value.summary,
        kind: content.value.kind,
        audience: content.value.audience,
        updated_at: at,
        version: row.version + 1,
      })
      .where("region_code", "=", region)
      .where("id", "=", id)
      .returning(["region_code", "id", "title", "summary", "kind", "state", "audience", "published_on", "published_year", "updated_at", "version"])
      .executeTakeFirstOrThrow();
    await writeLearningItemLinks(trx, region, id, content.value, true);
    const item = viewOf(updated, content.value);
    await writeAudit(trx, actor, { action: "updateLearningItem", entity: "learning_item", entityId: id, before: before ?? null, after: item, at });
    return { ok: true, value: item };
  });
}
