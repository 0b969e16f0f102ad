import {
  type ForbiddenError,
  isPlainDate,
  medianDays,
  overdueCriteria,
  type PlainDate,
  RECOMMENDATION_STATUSES,
  type RecommendationStatus,
  type Result,
  type ValidationError,
  invalid,
} from "@adviser-hub/domain";
import { type Database, recommendationFiguresByBoard } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type Reader, requireReader } from "./actor.js";

export interface RecommendationTally {
  readonly reviews: number;
  readonly byStatus: Readonly<Record<RecommendationStatus, number>>;
  readonly total: number;
  readonly overdue: number;
  /** Median of the stored days to close of closed recommendations; null before any closed. */
  readonly medianDaysToClose: number | null;
}

export interface CaseReviewReport {
  readonly asOf: PlainDate;
  readonly region: RecommendationTally;
  readonly boards: readonly (RecommendationTally & { readonly boardOrganisationId: string; readonly boardName: string })[];
}

function tally(reviews: number, byStatus: Readonly<Record<RecommendationStatus, number>>, overdue: number, days: readonly number[]): RecommendationTally {
  const total = RECOMMENDATION_STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
  return { reviews, byStatus, total, overdue, medianDaysToClose: medianDays(days) };
}

/**
 * Rule 20's report per publishing board and for the region: recommendations by stored status,
 * overdue ones as of a date, and the median days to close from the days stored at closing.
 * No recommendation's text: every role of the region may read it.
 */
export async function caseReviewReport(
  db: Kysely<Database>,
  reader: Reader,
  args: { readonly region: string; readonly asOf: unknown },
): Promise<Result<CaseReviewReport, ValidationError | ForbiddenError>> {
  const denied = requireReader(reader, "caseReviewReport", args.region);
  if (denied) return { ok: false, error: denied };
  if (!isPlainDate(args.asOf)) return invalid("asOf", "must be a date YYYY-MM-DD");
  const figures = await recommendationFiguresByBoard(db, args.region, overdueCriteria(args.asOf));
  const boards = figures.map((f) => ({ boardOrganisationId: f.boardOrganisationId, boardName: f.boardName, ...tally(f.reviews, f.byStatus, f.overdue, f.daysToClose) }));
  const sum = (pick: (f: (typeof figures)[number]) => number) => figures.reduce((total, f) => total + pick(f), 0);
  const byStatus = Object.fromEntries(RECOMMENDATION_STATUSES.map((s) => [s, sum((f) => f.byStatus[s])])) as Record<RecommendationStatus, number>;
  const region = tally(
    sum((f) => f.reviews),
    byStatus,
    sum((f) => f.overdue),
    figures.flatMap((f) => f.daysToClose),
  );
  return { ok: true, value: { asOf: args.asOf, region, boards } };
}
