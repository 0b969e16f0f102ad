import {
  type ForbiddenError,
  type InvalidTransitionError,
  type NotFoundError,
  notFound,
  progressRecommendation as progress,
  type Result,
  type ValidationError,
} from "@adviser-hub/domain";
import { type Database, type RecommendationView, recommendationsOfCaseReviews, withTransaction, writeAudit } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { requiredId } from "./required-id.js";

export type ProgressRecommendationError = ValidationError | NotFoundError | ForbiddenError | InvalidTransitionError;
export type ProgressRecommendationResult = Result<RecommendationView, ProgressRecommendationError>;

/**
 * Moves a recommendation on (rule 20): started, evidenced with notes, sent back, or closed on
 * a date, when the domain stores the days it took. Evidence notes are never child-level
 * personal data.
 */
export async function progressRecommendation(
  db: Kysely<Database>,
  actor: CommandActor,
  input: { readonly recommendationId: unknown; readonly status: unknown; readonly evidence?: unknown; readonly on: unknown },
  options?: CommandOptions,
): Promise<ProgressRecommendationResult> {
  const denied = requireRole(actor, "progressRecommendation");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  const required = requiredId(input?.recommendationId, "input.recommendationId");
  if (!required.ok) return required;
  const id = required.value;
  return withTransaction(db, async (trx): Promise<ProgressRecommendationResult> => {
    const row = await trx
      .selectFrom("recommendations")
      .selectAll()
      .where("region_code", "=", region)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false, error: notFound("recommendation", id, "input.recommendationId") };
    const next = progress({ status: row.status, agreedOn: row.agreed_on, evidence: row.evidence }, input);
    if (!next.ok) return next;
    const at = nowOf(options);
    await trx
      .updateTable("recommendations")
      .set({
        status: next.value.status,
        evidence: next.value.evidence,
        closed_on: next.value.closedOn,
        days_to_close: next.value.daysToClose,
        version: row.version + 1,
        updated_at: at,
      })
      .where("region_code", "=", region)
      .where("id", "=", id)
      .execute();
    const [list = []] = await recommendationsOfCaseReviews(trx, region, [row.case_review_id]);
    const view = list.find((r) => r.id === id);
    if (!view) throw new Error(`recommendation ${id} vanished inside its own transaction`);
    await writeAudit(trx, actor, {
      action: "progressRecommendation",
      entity: "recommendation",
      entityId: id,
      before: { status: row.status, evidence: row.evidence, closedOn: row.closed_on },
      after: { status: view.status, evidence: view.evidence, closedOn: view.closedOn, daysToClose: view.daysToClose },
      at,
    });
    return { ok: true, value: view };
  });
}
