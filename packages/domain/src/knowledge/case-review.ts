import { daysBetween, isPlainDate, type PlainDate } from "../calendar/plain-date.js";
import { divideHalfUp, floorDiv } from "../quantities/integer-arithmetic.js";
import { err, type InvalidTransitionError, ok, type Result, type ValidationError } from "../result.js";
import { Reader } from "../validation/field-reader.js";

/** Rule 20. A serious case review published by a local board, or a national one. */
export const CASE_REVIEW_SCOPES = ["LOCAL", "NATIONAL"] as const;
export type CaseReviewScope = (typeof CASE_REVIEW_SCOPES)[number];

export const RECOMMENDATION_STATUSES = ["OPEN", "IN_PROGRESS", "EVIDENCED", "CLOSED"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/**
 * Work starts, evidence is offered, the board closes it. Evidence the board does not accept
 * sends it back in progress; a closed recommendation stays closed.
 */
export const RECOMMENDATION_TRANSITIONS: Readonly<Record<RecommendationStatus, readonly RecommendationStatus[]>> = {
  OPEN: ["IN_PROGRESS", "EVIDENCED"],
  IN_PROGRESS: ["EVIDENCED"],
  EVIDENCED: ["IN_PROGRESS", "CLOSED"],
  CLOSED: [],
};

/** Recommendations still waiting on their owner: only these can be overdue. */
export const OUTSTANDING_STATUSES: readonly RecommendationStatus[] = ["OPEN", "IN_PROGRESS"];

export function recommendationTransition(
  from: RecommendationStatus,
  to: RecommendationStatus,
): Result<RecommendationStatus, InvalidTransitionError> {
  if (RECOMMENDATION_TRANSITIONS[from].includes(to)) return ok(to);
  return err({ code: "INVALID_TRANSITION", from, to, message: `a ${from} recommendation cannot become ${to}` });
}

/**
 * Overdue as of a date: still outstanding and its due date has passed (due on the as-of date
 * itself is not yet overdue). Evidenced recommendations wait on the board, not the owner.
 */
export function isOverdue(recommendation: { readonly status: RecommendationStatus; readonly dueOn: PlainDate }, asOf: PlainDate): boolean {
  return OUTSTANDING_STATUSES.includes(recommendation.status) && recommendation.dueOn < asOf;
}

/**
 * The same rule as parameters for a query that lists overdue recommendations: the statuses
 * that count and the date a due date must be before. A query applies these, it never
 * restates the rule.
 */
export function overdueCriteria(asOf: PlainDate): { readonly statuses: readonly RecommendationStatus[]; readonly dueBefore: PlainDate } {
  return { statuses: OUTSTANDING_STATUSES, dueBefore: asOf };
}

/** Days from agreeing a recommendation to closing it, stored when it closes. */
export function daysToClose(agreedOn: PlainDate, closedOn: PlainDate): number {
  return daysBetween(agreedOn, closedOn);
}

/** The median of whole days; an even count takes the mean of the middle two, rounded half up. */
export function medianDays(days: readonly number[]): number | null {
  if (days.length === 0) return null;
  const sorted = [...days].sort((a, b) => a - b);
  const mid = floorDiv(sorted.length, 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : divideHalfUp(sorted[mid - 1]! + sorted[mid]!, 2);
}

export const RECOMMENDATIONS_MAX = 100;
export const RECOMMENDATION_TEXT_MAX = 2000;

export interface RecommendationContent {
  readonly text: string;
  readonly ownerOrganisationId: string;
  readonly agreedOn: PlainDate;
  readonly dueOn: PlainDate;
}

export interface CaseReviewContent {
  readonly title: string;
  readonly scope: CaseReviewScope;
  readonly boardOrganisationId: string;
  readonly publishedOn: PlainDate;
  readonly learningItemId: string | null;
  readonly engagementIds: readonly string[];
  readonly recommendations: readonly RecommendationContent[];
}

/** Reads a case review with its recommendations; every problem at once, named under `prefix`. */
export function validateCaseReviewContent(input: unknown, prefix = "input"): Result<CaseReviewContent, ValidationError> {
  const r = new Reader();
  const o = r.obj(input, prefix) ?? {};
  const at = (name: string) => `${prefix}.${name}`;
  const title = r.str(o.title, at("title"));
  if (title !== undefined && title.trim().length > 200) r.add(at("title"), "must be at most 200 characters");
  const scope = r.oneOf(o.scope, at("scope"), CASE_REVIEW_SCOPES);
  const board = r.id(o.boardOrganisationId, at("boardOrganisationId"));
  const publishedOn = r.date(o.publishedOn, at("publishedOn"));
  const learningItemId = o.learningItemId === undefined || o.learningItemId === null ? null : r.id(o.learningItemId, at("learningItemId"));
  const engagementIds: string[] = [];
  if (o.engagementIds !== undefined && o.engagementIds !== null) {
    (r.arr(o.engagementIds, at("engagementIds")) ?? []).forEach((v, i) => {
      const id = r.id(v, `${at("engagementIds")}.${i}`);
      if (id !== undefined && !engagementIds.includes(id)) engagementIds.push(id);
    });
  }
  const recommendations: RecommendationContent[] = [];
  const list = r.arr(o.recommendations, at("recommendations")) ?? [];
  if (list.length > RECOMMENDATIONS_MAX) r.add(at("recommendations"), `must list at most ${RECOMMENDATIONS_MAX}`);
  list.forEach((item, i) => {
    const p = `${at("recommendations")}.${i}`;
    const ro = r.obj(item, p) ?? {};
    const text = r.str(ro.text, `${p}.text`);
    if (text !== undefined && text.trim().length > RECOMMENDATION_TEXT_MAX)
      r.add(`${p}.text`, `must be at most ${RECOMMENDATION_TEXT_MAX} characters`);
    const owner = r.id(ro.ownerOrganisationId, `${p}.ownerOrganisationId`);
    // A recommendation is agreed when the review is published unless it says otherwise.
    const agreedOn = ro.agreedOn === undefined || ro.agreedOn === null ? publishedOn : r.date(ro.agreedOn, `${p}.agreedOn`);
    const dueOn = r.date(ro.dueOn, `${p}.dueOn`);
    if (agreedOn !== undefined && dueOn !== undefined && dueOn < agreedOn) r.add(`${p}.dueOn`, "must not be before it was agreed");
    if (text !== undefined && owner !== undefined && agreedOn !== undefined && dueOn !== undefined)
      recommendations.push({ text: text.trim(), ownerOrganisationId: owner, agreedOn, dueOn });
  });
  return r.result(() => ({
    title: title!.trim(),
    scope: scope!,
    boardOrganisationId: board!,
    publishedOn: publishedOn!,
    learningItemId: learningItemId ?? null,
    engagementIds,
    recommendations,
  }));
}

/** A recommendation's next state as a caller asks for it. */
export interface RecommendationProgress {
  readonly status: RecommendationStatus;
  readonly evidence: string | null;
  readonly on: PlainDate;
}

/**
 * Moves a recommendation on: the transition must be allowed, evidence is required to become
 * EVIDENCED (and kept after), and closing stores the days it took.
 */
export function progressRecommendation(
  current: { readonly status: RecommendationStatus; readonly agreedOn: PlainDate; readonly evidence: string | null },
  input: { readonly status: unknown; readonly evidence?: unknown; readonly on: unknown },
  prefix = "input",
): Result<
  { readonly status: RecommendationStatus; readonly evidence: string | null; readonly closedOn: PlainDate | null; readonly daysToClose: number | null },
  ValidationError | InvalidTransitionError
> {
  const r = new Reader();
  const status = r.oneOf(input.status, `${prefix}.status`, RECOMMENDATION_STATUSES);
  const on = isPlainDate(input.on) ? input.on : r.add(`${prefix}.on`, "must be a date YYYY-MM-DD");
  let evidence: string | null = current.evidence;
  if (input.evidence !== undefined && input.evidence !== null) {
    if (typeof input.evidence !== "string") r.add(`${prefix}.evidence`, "must be text");
    else if (input.evidence.trim().length > RECOMMENDATION_TEXT_MAX)
      r.add(`${prefix}.evidence`, `must be at most ${RECOMMENDATION_TEXT_MAX} characters`);
    else if (input.evidence.trim() !== "") evidence = input.evidence.trim();
  }
  if (status === "EVIDENCED" && evidence === null) r.add(`${prefix}.evidence`, "is required to mark a recommendation evidenced");
  if (on !== undefined && on < current.agreedOn) r.add(`${prefix}.on`, `must not be before the recommendation was agreed (${current.agreedOn})`);
  const read = r.result(() => ({ status: status!, on: on! }));
  if (!read.ok) return read;
  const moved = recommendationTransition(current.status, read.value.status);
  if (!moved.ok) return moved;
  const closed = moved.value === "CLOSED";
  return ok({
    status: moved.value,
    evidence,
    closedOn: closed ? read.value.on : null,
    daysToClose: closed ? daysToClose(current.agreedOn, read.value.on) : null,
  });
}
