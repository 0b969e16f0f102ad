import { type ForbiddenError, type NotFoundError, notFound, type Result, type ValidationError, validateCaseReviewContent } from "@adviser-hub/domain";
import {
  type CaseReviewView,
  type Database,
  type RecommendationView,
  recommendationsOfCaseReviews,
  withTransaction,
  writeAudit,
} from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { checkIds } from "./knowledge/links.js";

export interface RecordedCaseReview {
  readonly review: CaseReviewView;
  readonly recommendations: readonly RecommendationView[];
}
export type RecordCaseReviewError = ValidationError | NotFoundError | ForbiddenError;
export type RecordCaseReviewResult = Result<RecordedCaseReview, RecordCaseReviewError>;

/**
 * Records a published case review (rule 20) with its recommendations, each OPEN with its owner
 * and due date, and the engagements through which an adviser supports the learning from it.
 */
export async function recordCaseReview(
  db: Kysely<Database>,
  actor: CommandActor,
  input: unknown,
  options?: CommandOptions,
): Promise<RecordCaseReviewResult> {
  const denied = requireRole(actor, "recordCaseReview");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  const content = validateCaseReviewContent(input);
  if (!content.ok) return content;
  const c = content.value;
  return withTransaction(db, async (trx): Promise<RecordCaseReviewResult> => {
    const owners = [...new Set(c.recommendations.map((r) => r.ownerOrganisationId))];
    const refused =
      (await checkIds(trx, "organisations", "organisation", region, [c.boardOrganisationId], "input.boardOrganisationId")) ??
      (await checkIds(trx, "engagements", "engagement", region, c.engagementIds, "input.engagementIds")) ??
      (c.learningItemId === null ? null : await checkIds(trx, "learning_items", "learning item", region, [c.learningItemId], "input.learningItemId")) ??
      (await checkIds(trx, "organisations", "organisation", region, owners, "input.recommendations"));
    if (refused) {
      // Name the recommendation whose owner is missing, not its place in the distinct list.
      if (refused.code === "NOT_FOUND" && refused.field.startsWith("input.recommendations.")) {
        const index = c.recommendations.findIndex((r) => r.ownerOrganisationId === refused.id);
        return { ok: false, error: notFound("organisation", refused.id, `input.recommendations.${index}.ownerOrganisationId`) };
      }
      if (refused.code === "NOT_FOUND" && refused.field === "input.boardOrganisationId.0")
        return { ok: false, error: notFound("organisation", refused.id, "input.boardOrganisationId") };
      if (refused.code === "NOT_FOUND" && refused.field === "input.learningItemId.0")
        return { ok: false, error: notFound("learning item", refused.id, "input.learningItemId") };
      return { ok: false, error: refused };
    }
    const at = nowOf(options);
    const id = crypto.randomUUID();
    await trx
      .insertInto("case_reviews")
      .values({
        region_code: region,
        id,
        title: c.title,
        scope: c.scope,
        board_organisation_id: c.boardOrganisationId,
        published_on: c.publishedOn,
        learning_item_id: c.learningItemId,
        created_at: at,
      })
      .execute();
    if (c.engagementIds.length > 0)
      await trx
        .insertInto("case_review_engagements")
        .values(c.engagementIds.map((engagement_id) => ({ region_code: region, case_review_id: id, engagement_id })))
        .execute();
    if (c.recommendations.length > 0)
      await trx
        .insertInto("recommendations")
        .values(
          c.recommendations.map((r, i) => ({
            region_code: region,
            id: `${id}.${i + 1}`,
            case_review_id: id,
            position: i + 1,
            text: r.text,
            owner_organisation_id: r.ownerOrganisationId,
            agreed_on: r.agreedOn,
            due_on: r.dueOn,
            status: "OPEN" as const,
            updated_at: at,
          })),
        )
        .execute();
    const [recommendations = []] = await recommendationsOfCaseReviews(trx, region, [id]);
    const review: CaseReviewView = {
      regionCode: region,
      id,
      title: c.title,
      scope: c.scope,
      boardOrganisationId: c.boardOrganisationId,
      publishedOn: c.publishedOn,
      learningItemId: c.learningItemId,
      engagementIds: [...c.engagementIds].sort(),
    };
    await writeAudit(trx, actor, { action: "recordCaseReview", entity: "case_review", entityId: id, before: null, after: { review, recommendations }, at });
    return { ok: true, value: { review, recommendations } };
  });
}
