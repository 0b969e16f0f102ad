import {
  type EngagementInput,
  type ForbiddenError,
  type NotFoundError,
  type RegionPolicy,
  type Result,
  type ValidationError,
  checkOrganisationOpen,
  decideRequest,
  invalid,
  notFound,
  validateEngagementInput,
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
  loadAdviser,
  loadOrganisation,
  loadPolicy,
  withTransaction,
  writeAudit,
} from "@adviser-hub/persistence";

export interface RequestEngagementInput extends EngagementInput {
  readonly title: string;
}

export interface RequestedEngagement {
  readonly engagement: EngagementRecord;
  readonly transitions: readonly TransitionRecord[];
  readonly fit: CapacityFit;
  /** The row as written, with its organisation's area, for a caller that shows it without reading it again. */
  readonly row: EngagementWithArea;
  /** The region's latest policy, as the use case read it: a caller shows days without a second read. */
  readonly policy: RegionPolicy;
}

export type RequestEngagementError = ValidationError | NotFoundError | ForbiddenError;
export type RequestEngagementResult = Result<RequestedEngagement, RequestEngagementError>;

/**
 * Asks for a piece of work. It is stored as REQUESTED for the region to decide; when it does not
 * fit capacity it is WAITLISTED at once with the earliest week it could start (rule 9).
 * An authority may ask only for organisations in its own area.
 */
export async function requestEngagement(
  db: Kysely<Database>,
  actor: CommandActor,
  input: RequestEngagementInput,
  options?: CommandOptions,
): Promise<RequestEngagementResult> {
  const denied = requireRole(actor, "requestEngagement");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  return withTransaction(db, async (trx): Promise<RequestEngagementResult> => {
    const policy = await loadPolicy(trx, region);
    if (!policy.ok) return policy;
    if (typeof input?.title !== "string" || input.title.trim() === "") return invalid("title", "must not be empty");
    const valid = validateEngagementInput(policy.value, input);
    if (!valid.ok) return valid;
    const request = valid.value;

    const organisation = await loadOrganisation(trx, region, request.organisationId);
    if (!organisation) return { ok: false, error: notFound("organisation", request.organisationId, "organisationId") };
    if (actor.role === "AUTHORITY" && (!actor.authority || organisation.homeAuthorityId !== actor.authority))
      return { ok: false, error: forbidden("an authority may request work only for organisations in its own area") };
    const open = checkOrganisationOpen(organisation, request.startDate);
    if (!open.ok) return open;
    if (request.leadAdviserId !== null && !(await loadAdviser(trx, region, request.leadAdviserId)))
      return { ok: false, error: notFound("adviser", request.leadAdviserId, "leadAdviserId") };

    const at = nowOf(options);
    const inserted = await trx
      .insertInto("engagements")
      .values({
        region_code: region,
        id: crypto.randomUUID(),
        organisation_id: organisation.id,
        strand: request.strand,
        title: input.title.trim(),
        themes: [...request.themes],
        lead_adviser_id: request.leadAdviserId,
        agreed_rate_pence: request.agreedDayRatePence,
        estimate_units: request.estimateUnits,
        status: "REQUESTED",
        requested_at: at,
        starts_on: request.startDate,
        ends_on: request.endDate,
        notes: request.notes,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("engagement_transitions")
      .values({
        region_code: region,
        engagement_id: inserted.id,
        from_status: null,
        to_status: "REQUESTED",
        by_actor: actor.userId,
        at,
        reason: null,
      })
      .execute();
    const transitions: TransitionRecord[] = [
      { engagementId: inserted.id, from: null, to: "REQUESTED", by: actor.userId, at, reason: null },
    ];

    const fit = await capacityFit(trx, policy.value, region, request);
    let row = inserted;
    if (!fit.fits) {
      const decided = decideRequest("REQUESTED", fit, { by: actor.userId, at: at.getTime() });
      // A new request may always be waitlisted: a refusal here is a bug, not a caller's error.
      if (!decided.ok) throw new Error(`the lifecycle refused to waitlist a new request: ${decided.error.message}`);
      const applied = await applyTransition(trx, row, decided.value, "does not fit capacity");
      row = applied.row;
      transitions.push(applied.record);
    }
    const engagement = engagementRowToEngagement(row);
    await writeAudit(trx, actor, {
      action: "requestEngagement",
      entity: "engagement",
      entityId: engagement.id,
      before: null,
      after: { ...engagement, fit },
      at,
    });
    return { ok: true, value: { engagement, transitions, fit, row: { ...row, home_authority_id: organisation.homeAuthorityId }, policy: policy.value } };
  });
}
