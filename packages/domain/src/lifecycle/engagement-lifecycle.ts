import type { EpochMs, PlainDate } from "../calendar/plain-date.js";
import type { EngagementStatus } from "../entities/engagement.js";
import { err, type FieldIssue, type InvalidTransitionError, ok, type Result, validationError, type ValidationError } from "../result.js";

/** Rule 9. Anything not listed is refused. Terminal states have no way out. */
export const ENGAGEMENT_TRANSITIONS: Readonly<Record<EngagementStatus, readonly EngagementStatus[]>> = {
  REQUESTED: ["ACCEPTED", "WAITLISTED", "DECLINED"],
  WAITLISTED: ["ACCEPTED", "DECLINED", "WITHDRAWN"],
  ACCEPTED: ["ACTIVE"],
  ACTIVE: ["COMPLETED", "CANCELLED"],
  DECLINED: [],
  WITHDRAWN: [],
  COMPLETED: [],
  CANCELLED: [],
};

/**
 * The statuses a decision may name: ACTIVE is reached only by the first delivery and
 * REQUESTED only by the request itself, never by deciding.
 */
export const DECIDABLE_STATUSES: readonly EngagementStatus[] = ["ACCEPTED", "WAITLISTED", "DECLINED", "WITHDRAWN", "COMPLETED", "CANCELLED"];

/**
 * A decision to a status no decision may reach, as the transition it would be: the caller
 * learns where the engagement is (from) and what it asked (to), not a bad value of `to`.
 */
export function undecidableTransition(from: EngagementStatus, to: EngagementStatus): InvalidTransitionError | null {
  if (DECIDABLE_STATUSES.includes(to)) return null;
  const how = to === "ACTIVE" ? "it becomes ACTIVE with its first delivery" : "only a request makes an engagement REQUESTED";
  return { code: "INVALID_TRANSITION", from, to, message: `a decision cannot move an engagement from ${from} to ${to}: ${how}` };
}

/** Who made a change and when; `at` is passed in by the caller (the domain reads no clock). */
export interface Actor {
  readonly by: string;
  readonly at: EpochMs;
}

export interface EngagementTransition {
  readonly from: EngagementStatus;
  readonly to: EngagementStatus;
  readonly by: string;
  readonly at: EpochMs;
  /** For a move to WAITLISTED: the earliest week the request could start. */
  readonly earliestWeek: PlainDate | null;
}

export function canTransition(from: EngagementStatus, to: EngagementStatus): boolean {
  return ENGAGEMENT_TRANSITIONS[from].includes(to);
}

export function transitionEngagement(
  from: EngagementStatus,
  to: EngagementStatus,
  actor: Actor,
  earliestWeek: PlainDate | null = null,
): Result<EngagementTransition, InvalidTransitionError | ValidationError> {
  const issues: FieldIssue[] = [];
  if (typeof actor.by !== "string" || actor.by === "") issues.push({ field: "by", message: "must name who made the change" });
  if (!Number.isSafeInteger(actor.at)) issues.push({ field: "at", message: "must be an instant in epoch milliseconds" });
  if (issues.length > 0) return err(validationError(issues));
  if (!canTransition(from, to))
    return err({
      code: "INVALID_TRANSITION",
      from,
      to,
      message: `an engagement cannot go from ${from} to ${to}`,
    });
  return ok({ from, to, by: actor.by, at: actor.at, earliestWeek: to === "WAITLISTED" ? earliestWeek : null });
}

/**
 * Decides a request (rule 9): ACCEPTED when it fits capacity, else WAITLISTED with the earliest
 * week it could start (null when nothing in the horizon fits).
 */
export function decideRequest(
  from: EngagementStatus,
  fit: { readonly fits: boolean; readonly earliestWeek: PlainDate | null },
  actor: Actor,
): Result<EngagementTransition, InvalidTransitionError | ValidationError> {
  return fit.fits
    ? transitionEngagement(from, "ACCEPTED", actor)
    : transitionEngagement(from, "WAITLISTED", actor, fit.earliestWeek);
}
