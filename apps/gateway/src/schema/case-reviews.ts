import { CASE_REVIEW_SCOPES, isOverdue, RECOMMENDATION_STATUSES } from "@adviser-hub/domain";
import {
  type CaseReviewReport,
  type CaseReviewView,
  caseReviewReport,
  caseReviewsOfRegion,
  overdueRecommendations,
  progressRecommendation,
  type RecommendationTally,
  type RecommendationView,
  type RecordedCaseReview,
  recommendationsOfCaseReviews,
  recordCaseReview,
} from "@adviser-hub/service";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { InvalidTransitionError } from "../errors/index.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { baseMutationErrors } from "./errors.js";
import { actorOf, mutationScopes, orThrow, readerOf, rowId } from "./mutation-support.js";
import { Region } from "./region.js";
import { isRegionStaff, regionStaff, useCaseScopes } from "./scopes.js";

// Case reviews and their recommendations (rule 20): the learning from serious case reviews
// the advisers support, what each recommendation's owner has done, and what is overdue.

const CaseReviewScopeEnum = builder.enumType("CaseReviewScope", {
  description: "Whether a case review was a local board's or national.",
  values: {
    LOCAL: { description: "Published by a local safeguarding board." },
    NATIONAL: { description: "A national review." },
  } satisfies Record<(typeof CASE_REVIEW_SCOPES)[number], unknown>,
});

export const RecommendationStatusEnum = builder.enumType("RecommendationStatus", {
  description: "Where a recommendation stands: OPEN to IN_PROGRESS to EVIDENCED to CLOSED (evidence not accepted goes back IN_PROGRESS).",
  values: {
    OPEN: { description: "Agreed, nothing done yet." },
    IN_PROGRESS: { description: "Its owner is working on it." },
    EVIDENCED: { description: "Evidence offered, awaiting the board." },
    CLOSED: { description: "Closed by the board; its days to close are stored." },
  } satisfies Record<(typeof RECOMMENDATION_STATUSES)[number], unknown>,
});

/** A recommendation with the as-of date its reader asked about, when there is one. */
interface RecommendationValue {
  readonly recommendation: RecommendationView;
  readonly asOf: string | null;
}

const Recommendation = builder.objectRef<RecommendationValue>("Recommendation").implement({
  description: "A recommendation of a case review, with its owner, due date and progress. Its text is never child-level personal data.",
  fields: (t) => ({
    code: t.string({ description: "The recommendation's id within the region.", resolve: (v) => v.recommendation.id }),
    position: t.int({ description: "Its number within the review, from 1.", resolve: (v) => v.recommendation.position }),
    caseReviewCode: t.string({ description: "The review's id.", resolve: (v) => v.recommendation.caseReviewId }),
    caseReviewTitle: t.string({ description: "The review's title.", resolve: (v) => v.recommendation.caseReviewTitle }),
    text: t.string({ description: "What is recommended. Never child-level personal data.", resolve: (v) => v.recommendation.text }),
    ownerCode: t.string({ description: "The owner organisation's id.", resolve: (v) => v.recommendation.ownerOrganisationId }),
    ownerName: t.string({ description: "The owner organisation's name.", resolve: (v) => v.recommendation.ownerOrganisationName }),
    agreedOn: t.field({ type: "Date", description: "When it was agreed.", resolve: (v) => v.recommendation.agreedOn }),
    dueOn: t.field({ type: "Date", description: "When it is due.", resolve: (v) => v.recommendation.dueOn }),
    status: t.field({ type: RecommendationStatusEnum, description: "Where it stands.", resolve: (v) => v.recommendation.status }),
    overdue: t.boolean({
      nullable: true,
      description: "Overdue as of the date asked (outstanding and past its due date); null where no date was asked.",
      resolve: (v) => (v.asOf === null ? null : isOverdue(v.recommendation, v.asOf)),
    }),
    evidence: t.string({
      nullable: true,
      description: "Evidence notes: the region's own staff only. Never child-level personal data.",
      authScopes: (v, _args, context) => isRegionStaff(context, v.recommendation.regionCode),
      resolve: (v) => v.recommendation.evidence,
    }),
    closedOn: t.field({ type: "Date", nullable: true, description: "When it was closed.", resolve: (v) => v.recommendation.closedOn }),
    daysToClose: t.int({ nullable: true, description: "Days from agreed to closed, stored when closed.", resolve: (v) => v.recommendation.daysToClose }),
  }),
});

const CaseReview = builder.objectRef<CaseReviewView>("CaseReview").implement({
  description: "A published serious case review, local or national, with its recommendations and the engagements that support the learning from it.",
  fields: (t) => ({
    code: t.exposeString("id", { description: "The review's id within the region." }),
    title: t.exposeString("title", { description: "Its title. Never child-level personal data." }),
    scope: t.field({ type: CaseReviewScopeEnum, description: "Local or national.", resolve: (r) => r.scope }),
    boardCode: t.exposeString("boardOrganisationId", { description: "The publishing board's organisation id." }),
    publishedOn: t.field({ type: "Date", description: "When it was published.", resolve: (r) => r.publishedOn }),
    learningItemCode: t.exposeString("learningItemId", { nullable: true, description: "The learning item drawn from it, if any." }),
    engagementCodes: t.exposeStringList("engagementIds", { description: "Engagements through which an adviser supports the learning." }),
    recommendations: t.loadableList({
      type: Recommendation,
      description: "Its recommendations in order.",
      // Batched: one statement for every review of the list.
      load: async (keys: string[], context: GatewayContext) => {
        const results = await loadRegional(context.db, keys, async (db, region, ids) => recommendationsOfCaseReviews(db, region, ids));
        return results.map((result) => (result instanceof Error ? [] : result.map((recommendation) => ({ recommendation, asOf: null }))));
      },
      resolve: (review) => regionalKey(review.regionCode, review.id),
    }),
  }),
});

builder.objectField(Region, "caseReviews", (t) =>
  t.field({
    type: [CaseReview],
    description: "The region's case reviews, newest first: the region's staff only.",
    authScopes: (region) => regionStaff(region.code),
    resolve: (region, _args, context) => caseReviewsOfRegion(context.db, region.code),
  }),
);

builder.queryField("overdueRecommendations", (t) =>
  t.field({
    type: [Recommendation],
    description:
      "Recommendations overdue as of a date (outstanding, past their due date), oldest due first. Staff see all; an AUTHORITY those owned by organisations of its area.",
    args: {
      region: t.arg.string({ required: true, description: "Region code." }),
      asOf: t.arg({ type: "Date", required: true, description: "The date to judge against." }),
      board: t.arg.string({ required: false, description: "Only reviews published by this board (organisation id)." }),
      limit: t.arg.int({ required: false, description: "At most this many (1 to 500, default 100)." }),
    },
    authScopes: (_root, args) => useCaseScopes("overdueRecommendations", args.region),
    resolve: async (_root, args, context) => {
      const result = orThrow(
        await overdueRecommendations(context.db, readerOf(context), { region: args.region, asOf: args.asOf, board: args.board ?? null, limit: args.limit ?? null }),
      );
      return result.recommendations.map((recommendation) => ({ recommendation, asOf: result.asOf }));
    },
  }),
);

const Tally = builder.objectRef<RecommendationTally>("RecommendationTally").implement({
  description: "Recommendations counted by stored status, overdue as of the report's date, and the median days to close.",
  fields: (t) => ({
    reviews: t.exposeInt("reviews", { description: "Case reviews counted." }),
    total: t.exposeInt("total", { description: "Recommendations of those reviews." }),
    open: t.int({ description: "OPEN.", resolve: (r) => r.byStatus.OPEN }),
    inProgress: t.int({ description: "IN_PROGRESS.", resolve: (r) => r.byStatus.IN_PROGRESS }),
    evidenced: t.int({ description: "EVIDENCED.", resolve: (r) => r.byStatus.EVIDENCED }),
    closed: t.int({ description: "CLOSED.", resolve: (r) => r.byStatus.CLOSED }),
    overdue: t.exposeInt("overdue", { description: "Overdue as of the report's date." }),
    medianDaysToClose: t.exposeInt("medianDaysToClose", {
      nullable: true,
      description: "Median of the closed ones' days to close (an even count rounds the middle pair's mean half up); null before any is closed.",
    }),
  }),
});

const BoardTally = builder.objectRef<CaseReviewReport["boards"][number]>("BoardRecommendationTally").implement({
  description: "One publishing board's recommendations.",
  fields: (t) => ({
    boardCode: t.exposeString("boardOrganisationId", { description: "The board's organisation id." }),
    boardName: t.exposeString("boardName", { description: "The board's name." }),
    tally: t.field({ type: Tally, description: "Its recommendations.", resolve: (b) => b }),
  }),
});

const CaseReviewReportRef = builder.objectRef<CaseReviewReport>("CaseReviewReport").implement({
  description: "Recommendations of the region's case reviews per publishing board and for the region (rule 20). No recommendation's text.",
  fields: (t) => ({
    asOf: t.field({ type: "Date", description: "The date overdue is judged against.", resolve: (r) => r.asOf }),
    region: t.field({ type: Tally, description: "Every board together.", resolve: (r) => r.region }),
    boards: t.field({ type: [BoardTally], description: "Per publishing board, by id.", resolve: (r) => r.boards }),
  }),
});

builder.queryField("caseReviewReport", (t) =>
  t.field({
    type: CaseReviewReportRef,
    description: "Recommendations by status, overdue ones and median days to close, per board and for the region. Any token of the region (counts only).",
    args: {
      region: t.arg.string({ required: true, description: "Region code." }),
      asOf: t.arg({ type: "Date", required: true, description: "The date to judge overdue against." }),
    },
    authScopes: (_root, args) => useCaseScopes("caseReviewReport", args.region),
    resolve: async (_root, args, context) => orThrow(await caseReviewReport(context.db, readerOf(context), { region: args.region, asOf: args.asOf })),
  }),
);

// Mutations -----------------------------------------------------------------------------------

const RecommendationInput = builder.inputType("RecommendationInput", {
  description: "One recommendation of a review. Never child-level personal data.",
  fields: (t) => ({
    text: t.string({ required: true, description: "What is recommended (at most 2,000 characters)." }),
    ownerOrganisationId: t.id({ required: true, description: "The organisation that owns it." }),
    agreedOn: t.field({ type: "Date", required: false, description: "When it was agreed; the review's publication date when absent." }),
    dueOn: t.field({ type: "Date", required: true, description: "When it is due." }),
  }),
});

const RecordCaseReviewInput = builder.inputType("RecordCaseReviewInput", {
  description: "A published case review and its recommendations. Never child-level personal data.",
  fields: (t) => ({
    title: t.string({ required: true, description: "Its title (at most 200 characters)." }),
    scope: t.field({ type: CaseReviewScopeEnum, required: true, description: "Local or national." }),
    boardOrganisationId: t.id({ required: true, description: "The publishing board's organisation." }),
    publishedOn: t.field({ type: "Date", required: true, description: "When it was published." }),
    learningItemId: t.id({ required: false, description: "The learning item drawn from it." }),
    engagementIds: t.idList({ required: false, description: "Engagements through which an adviser supports the learning." }),
    recommendations: t.field({ type: [RecommendationInput], required: true, description: "Its recommendations, in order." }),
  }),
});

const ProgressRecommendationInput = builder.inputType("ProgressRecommendationInput", {
  description: "A recommendation's next status.",
  fields: (t) => ({
    recommendationId: t.id({ required: true, description: "The recommendation's code." }),
    status: t.field({ type: RecommendationStatusEnum, required: true, description: "Its new status." }),
    evidence: t.string({ required: false, description: "Evidence notes, required to become EVIDENCED. Staff only; never child-level personal data." }),
    on: t.field({ type: "Date", required: true, description: "The day of the change (the closing date when closing)." }),
  }),
});

const RecordCaseReviewPayload = builder.objectRef<RecordedCaseReview>("RecordCaseReviewPayload").implement({
  description: "The case review as recorded.",
  fields: (t) => ({
    caseReview: t.field({ type: CaseReview, description: "The review.", resolve: (p) => p.review }),
  }),
});

const ProgressRecommendationPayload = builder.objectRef<RecommendationView>("ProgressRecommendationPayload").implement({
  description: "The recommendation as it now stands.",
  fields: (t) => ({
    recommendation: t.field({ type: Recommendation, description: "The recommendation.", resolve: (recommendation) => ({ recommendation, asOf: null }) }),
  }),
});

const optionalId = (context: GatewayContext, value: string | number | null | undefined, typename: string, field: string) =>
  value == null ? null : rowId(context, String(value), typename, field);

builder.mutationField("recordCaseReview", (t) =>
  t.field({
    type: RecordCaseReviewPayload,
    description: "Records a published case review with its recommendations, each OPEN (REGION_ADMIN, ADVISER).",
    ...mutationScopes("recordCaseReview"),
    errors: { types: [...baseMutationErrors], union: { name: "RecordCaseReviewResult", description: "The review, or why it was refused." } },
    args: { input: t.arg({ type: RecordCaseReviewInput, required: true, description: "The review." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await recordCaseReview(
          context.db,
          actorOf(context),
          {
            ...input,
            boardOrganisationId: rowId(context, String(input.boardOrganisationId), "Organisation", "input.boardOrganisationId"),
            learningItemId: optionalId(context, input.learningItemId, "LearningItem", "input.learningItemId"),
            engagementIds: (input.engagementIds ?? []).map((id, i) => rowId(context, String(id), "Engagement", `input.engagementIds.${i}`)),
            recommendations: input.recommendations.map((r, i) => ({
              ...r,
              ownerOrganisationId: rowId(context, String(r.ownerOrganisationId), "Organisation", `input.recommendations.${i}.ownerOrganisationId`),
            })),
          },
          { clock: context.clock },
        ),
      ),
  }),
);

builder.mutationField("progressRecommendation", (t) =>
  t.field({
    type: ProgressRecommendationPayload,
    description: "Moves a recommendation on: started, evidenced, sent back or closed (REGION_ADMIN, ADVISER).",
    ...mutationScopes("progressRecommendation"),
    errors: {
      types: [...baseMutationErrors, InvalidTransitionError],
      union: { name: "ProgressRecommendationResult", description: "The recommendation, or why it was refused." },
    },
    args: { input: t.arg({ type: ProgressRecommendationInput, required: true, description: "The change." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await progressRecommendation(
          context.db,
          actorOf(context),
          { ...input, recommendationId: String(input.recommendationId) },
          { clock: context.clock },
        ),
      ),
  }),
);
