import {
  type ForbiddenError,
  type InvalidTransitionError,
  type NotFoundError,
  type PublicationState,
  type Result,
  type ValidationError,
  invalid,
  isPlainDate,
  notFound,
  publicationTransition,
  publicationYear,
} from "@adviser-hub/domain";
import { type Database, type LearningItemView, learningItemsByIds, withTransaction, writeAudit } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { requiredId } from "./required-id.js";
import { lockLearningItem } from "./knowledge/learning-item-row.js";

export type ChangePublicationError = ValidationError | NotFoundError | ForbiddenError | InvalidTransitionError;
export type ChangePublicationResult = Result<LearningItemView, ChangePublicationError>;

/**
 * Moves an item along rule 19's publication transitions: the domain decides whether the move
 * is allowed; publishing stores the date and its year, which the library's year filter reads.
 */
export async function changePublication(
  db: Kysely<Database>,
  actor: CommandActor,
  to: Extract<PublicationState, "PUBLISHED" | "WITHDRAWN">,
  input: { readonly learningItemId: unknown; readonly publishedOn?: unknown },
  options?: CommandOptions,
): Promise<ChangePublicationResult> {
  const useCase = to === "PUBLISHED" ? "publishLearningItem" : "withdrawLearningItem";
  const denied = requireRole(actor, useCase);
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  const required = requiredId(input?.learningItemId, "input.learningItemId");
  if (!required.ok) return required;
  const id = required.value;
  if (input.publishedOn !== undefined && input.publishedOn !== null && !isPlainDate(input.publishedOn))
    return invalid("input.publishedOn", "must be a date YYYY-MM-DD");
  return withTransaction(db, async (trx): Promise<ChangePublicationResult> => {
    const row = await lockLearningItem(trx, region, id);
    if (!row) return { ok: false, error: notFound("learning item", id, "input.learningItemId") };
    const moved = publicationTransition(row.state, to);
    if (!moved.ok) return moved;
    const at = nowOf(options);
    // The day of publication is the caller's when given, else the day the change is made (UTC).
    const publishedOn = to === "PUBLISHED" ? (isPlainDate(input.publishedOn) ? input.publishedOn : at.toISOString().slice(0, 10)) : row.published_on;
    await trx
      .updateTable("learning_items")
      .set({
        state: moved.value,
        published_on: publishedOn,
        published_year: publishedOn === null ? null : publicationYear(publishedOn),
        updated_at: at,
        version: row.version + 1,
      })
      .where("region_code", "=", region)
      .where("id", "=", id)
      .execute();
    const [item] = await learningItemsByIds(trx, region, [id]);
    if (!item) throw new Error(`learning item ${id} vanished inside its own transaction`);
    await writeAudit(trx, actor, {
      action: useCase,
      entity: "learning_item",
      entityId: id,
      before: { state: row.state, publishedOn: row.published_on },
      after: { state: item.state, publishedOn: item.publishedOn },
      at,
    });
    return { ok: true, value: item };
  });
}

/** Publishes a draft to its audience (rule 19). */
export const publishLearningItem = (
  db: Kysely<Database>,
  actor: CommandActor,
  input: { readonly learningItemId: unknown; readonly publishedOn?: unknown },
  options?: CommandOptions,
) => changePublication(db, actor, "PUBLISHED", input, options);
