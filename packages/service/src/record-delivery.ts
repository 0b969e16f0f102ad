import {
  type DeliveryInput,
  type ForbiddenError,
  type NotFoundError,
  type RegionPolicy,
  type Result,
  type ValidationError,
  checkEmployedOn,
  checkHostSupport,
  notFound,
  quotaHolderOf,
  transitionEngagement,
  validateDeliveryInput,
} from "@adviser-hub/domain";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { allocateHolderYear } from "./allocation/allocate-holder-year.js";
import {
  type Database,
  type DeliveryAllocation,
  type DeliveryRecord,
  type DeliveryRow,
  type TransitionRecord,
  applyTransition,
  deliveryRecord,
  loadAdviser,
  loadArrangements,
  loadOrganisation,
  loadPolicies,
  lockEngagement,
  lockRegionPolicy,
  lockQuotaHolderYear,
  engagementRowToEngagement,
  withTransaction,
  writeAudit,
} from "@adviser-hub/persistence";

export interface RecordedDelivery {
  readonly delivery: DeliveryRecord;
  /** The row as written, for a caller that shows it without reading it again. */
  readonly row: DeliveryRow;
  /**
   * The region's latest policy, as the use case read it: a caller shows days without a second
   * read. The allocation was decided with the policy of the delivery's financial year.
   */
  readonly policy: RegionPolicy;
  readonly allocation: DeliveryAllocation;
  /** ACCEPTED -> ACTIVE, when this was the engagement's first delivery. */
  readonly transition: TransitionRecord | null;
}

export type RecordDeliveryError = ValidationError | NotFoundError | ForbiddenError;
export type RecordDeliveryResult = Result<RecordedDelivery, RecordDeliveryError>;

/**
 * Records days worked. The quota holder's year is locked before the delivery takes its
 * recorded_seq, so concurrent deliveries are numbered, and allocated, exactly as if they had
 * been recorded one after another. The first delivery moves an ACCEPTED engagement to ACTIVE.
 */
export async function recordDelivery(
  db: Kysely<Database>,
  actor: CommandActor,
  input: DeliveryInput,
  options?: CommandOptions,
): Promise<RecordDeliveryResult> {
  const denied = requireRole(actor, "recordDelivery");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  return withTransaction(db, async (trx): Promise<RecordDeliveryResult> => {
    // Shared with other delivery commands, exclusive against a policy change (setRegionPolicy):
    // the allocation stored below is decided with the policy this transaction reads next.
    await lockRegionPolicy(trx, region, "shared");
    const policies = await loadPolicies(trx, region);
    if (!policies.ok) return policies;
    const latest = policies.value.latest;
    const engagementId = typeof input?.engagementId === "string" ? input.engagementId : "";
    const row = engagementId ? await lockEngagement(trx, region, engagementId) : undefined;
    const engagement = row ? engagementRowToEngagement(row) : null;
    const first = validateDeliveryInput(latest, input, engagement);
    if (!first.ok) return first;
    // The delivery is allocated, and its days read, with the policy in force for its financial year.
    const policy = policies.value.forYear(first.value.financialYear);
    const valid = policy === latest ? first : validateDeliveryInput(policy, input, engagement);
    if (!valid.ok) return valid;
    const delivery = valid.value;
    if (!row) return { ok: false, error: notFound("engagement", engagementId, "engagementId") };

    const adviser = await loadAdviser(trx, region, delivery.adviserId);
    if (!adviser) return { ok: false, error: notFound("adviser", delivery.adviserId, "adviserId") };
    const employed = checkEmployedOn(adviser, delivery.date, "date");
    if (!employed.ok) return employed;
    const organisation = await loadOrganisation(trx, region, row.organisation_id);
    if (!organisation) throw new Error(`engagement ${row.id} names a missing organisation`);
    if (row.strand === "HOST_SUPPORT") {
      const host = checkHostSupport({
        adviserId: adviser.id,
        date: delivery.date,
        organisationHomeAuthorityId: organisation.homeAuthorityId,
        arrangements: await loadArrangements(trx, region, [adviser.id]),
      });
      if (!host.ok) return host;
    }

    const holderId = quotaHolderOf(policy, organisation);
    await lockQuotaHolderYear(trx, region, holderId, delivery.financialYear);

    const at = nowOf(options);
    const inserted = await trx
      .insertInto("deliveries")
      .values({
        region_code: region,
        id: crypto.randomUUID(),
        adviser_id: adviser.id,
        engagement_id: row.id,
        delivered_on: delivery.date,
        units: delivery.units,
        on_site: delivery.onSiteAt !== null,
        started_at: delivery.onSiteAt === null ? null : new Date(delivery.onSiteAt),
        recorded_at: at,
        financial_year: delivery.financialYear,
        notes: delivery.notes,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    let transition: TransitionRecord | null = null;
    if (row.status === "ACCEPTED") {
      const moved = transitionEngagement("ACCEPTED", "ACTIVE", { by: actor.userId, at: at.getTime() });
      // The lifecycle always allows ACCEPTED -> ACTIVE: a refusal here is a bug, not a caller's error.
      if (!moved.ok) throw new Error(`the lifecycle refused a first delivery: ${moved.error.message}`);
      transition = (await applyTransition(trx, row, moved.value, "first delivery recorded")).record;
    }

    const allocation = (await allocateHolderYear(trx, policy, region, holderId, delivery.financialYear)).get(
      inserted.id,
    );
    if (!allocation) throw new Error(`delivery ${inserted.id} is missing from its own allocation`);
    const record = deliveryRecord(inserted);
    await writeAudit(trx, actor, {
      action: "recordDelivery",
      entity: "delivery",
      entityId: record.id,
      before: null,
      after: { ...record, allocation },
      at,
    });
    return { ok: true, value: { delivery: record, row: inserted, policy: latest, allocation, transition } };
  });
}
