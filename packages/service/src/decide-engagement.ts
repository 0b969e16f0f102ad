import {
  DECIDABLE_STATUSES,
  ENGAGEMENT_STATUSES,
  undecidableTransition,
  type EngagementStatus,
  type ForbiddenError,
  type InvalidTransitionError,
  type NotFoundError,
  type RegionPolicy,
  type Result,
  type ValidationError,
  decideRequest,
  invalid,
  isPlainDate,
  notFound,
  transitionEngagement,
  weekStartOf,
} from "@adviser-hub/domain";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, forbidden, nowOf, requireRole } from "./actor.js";
import { type CapacityFit, capacityFit } from "./capacity/capacity-fit.js";
import {
  type Database,
  type EngagementRecord,
  type EngagementWithArea,
  type TransitionRecord,
  applyTransition,
  engagementRowToEngagement,
  loadPolicy,
  lockEngagement,
  withTransaction,
  writeAudit,
} from "@adviser-hub/persistence";

export interface DecideEngagementInput {
  readonly engagementId: string;
  /** The status to move to. ACTIVE is reached only by recording the first delivery. */
  readonly to: EngagementStatus;
  readonly reason?: string | null;
  /** For WAITLISTED: the week it could start; computed from capacity when absent. */
  readonly earliestWeek?: string | null;
  /** The version the caller last read; a later change makes this decision fail. */
  readonly expectedVersion?: number;
}

export interface DecidedEngagement {
  readonly engagement: EngagementRecord;
  readonly transition: TransitionRecord;
  /** Set when accepting checked capacity; an acceptance that does not fit is waitlisted. */
  readonly fit: CapacityFit | null;
  /** The row as written, with its organisation's area, for a caller that shows it without reading it again. */
  readonly row: EngagementWithArea;
  /** The region's latest policy, as the use case read it: a caller shows days without a second read. */
  readonly policy: RegionPolicy;
}

export type DecideEngagementError = ValidationError | NotFoundError | ForbiddenError | InvalidTransitionError;
export type DecideEngagementResult = Result<DecidedEngagement, DecideEngagementError>;


/**
 * Moves an engagement along its lifecycle (rule 9), keeping who and when. Accepting a request
 * checks capacity with the domain: one that does not fit is waitlisted with its earliest week.
 * The region's admins decide; an authority may withdraw its own area's waitlisted request.
 */
export async function decideEngagement(
  db: Kysely<Database>,
  actor: CommandActor,
  input: DecideEngagementInput,
  options?: CommandOptions,
): Promise<DecideEngagementResult> {
  const denied = requireRole(actor, "decideEngagement");
  if (denied) return { ok: false, error: denied };
  if (actor.role === "AUTHORITY" && input?.to !== "WITHDRAWN")
    return { ok: false, error: forbidden("an authority may only withdraw its own requests") };
  const region = actor.regionCode;
  return withTransaction(db, async (trx): Promise<DecideEngagementResult> => {
    if (typeof input?.engagementId !== "string" || input.engagementId === "")
      return invalid("engagementId", "is required");
    if (!(ENGAGEMENT_STATUSES as readonly string[]).includes(input.to))
      return invalid("to", `must be one of ${DECIDABLE_STATUSES.join(", ")}`);
    if (input.expectedVersion !== undefined && !Number.isSafeInteger(input.expectedVersion))
      return invalid("expectedVersion", "must be a whole number");
    if (input.earliestWeek !== undefined && input.earliestWeek !== null && !isPlainDate(input.earliestWeek))
      return invalid("earliestWeek", "must be a date YYYY-MM-DD");
    if (input.reason !== undefined && input.reason !== null && typeof input.reason !== "string")
      return invalid("reason", "must be text");

    const policy = await loadPolicy(trx, region);
    if (!policy.ok) return policy;
    const row = await lockEngagement(trx, region, input.engagementId);
    if (!row) return { ok: false, error: notFound("engagement", input.engagementId, "engagementId") };
    const undecidable = undecidableTransition(row.status, input.to);
    if (undecidable) return { ok: false, error: undecidable };
    if (actor.role === "AUTHORITY" && (!actor.authority || row.home_authority_id !== actor.authority))
      return { ok: false, error: forbidden("an authority may only withdraw its own area's requests") };
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      return invalid("expectedVersion", `the engagement changed since it was read (now version ${row.version})`);

    const at = nowOf(options);
    const who = { by: actor.userId, at: at.getTime() };
    let fit: CapacityFit | null = null;
    let decided: ReturnType<typeof transitionEngagement>;
    if (input.to === "ACCEPTED" && (row.status === "REQUESTED" || row.status === "WAITLISTED")) {
      const engagement = engagementRowToEngagement(row);
      fit = await capacityFit(trx, policy.value, region, {
        strand: row.strand,
        estimateUnits: row.estimate_units,
        startDate: engagement.startDate,
        endDate: row.ends_on,
        leadAdviserId: row.lead_adviser_id,
      });
      // Already waitlisted and still not fitting: stay put rather than repeat the move.
      if (!fit.fits && row.status === "WAITLISTED")
        return invalid("to", `the engagement still does not fit capacity; earliest week ${fit.earliestWeek ?? "beyond the horizon"}`);
      decided = decideRequest(row.status, fit, who);
    } else if (input.to === "WAITLISTED") {
      const earliest =
        input.earliestWeek != null
          ? weekStartOf(input.earliestWeek)
          : (
              await capacityFit(trx, policy.value, region, {
                strand: row.strand,
                estimateUnits: row.estimate_units,
                startDate: engagementRowToEngagement(row).startDate,
                endDate: row.ends_on,
                leadAdviserId: row.lead_adviser_id,
              })
            ).earliestWeek;
      decided = transitionEngagement(row.status, "WAITLISTED", who, earliest);
    } else {
      decided = transitionEngagement(row.status, input.to, who);
    }
    if (!decided.ok) return decided;
    const reason = input.reason ?? (fit && !fit.fits ? "does not fit capacity" : null);
    const applied = await applyTransition(trx, row, decided.value, reason);
    const engagement = engagementRowToEngagement(applied.row);
    await writeAudit(trx, actor, {
      action: "decideEngagement",
      entity: "engagement",
      entityId: engagement.id,
      before: engagementRowToEngagement(row),
      after: engagement,
      at,
    });
    return { ok: true, value: { engagement, transition: applied.record, fit, row: { ...applied.row, home_authority_id: row.home_authority_id }, policy: policy.value } };
  });
}
