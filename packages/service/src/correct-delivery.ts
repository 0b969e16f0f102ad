import {
  type DaysInput,
  type EpochMs,
  type ForbiddenError,
  type NotFoundError,
  type RegionPolicy,
  type Result,
  type ValidationError,
  checkEmployedOn,
  formatDays,
  invalid,
  notFound,
  quotaHolderOf,
  validateDeliveryInput,
} from "@adviser-hub/domain";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { allocateHolderYear } from "./allocation/allocate-holder-year.js";
import {
  type Database,
  type DeliveryRecord,
  type DeliveryRow,
  deliveryRecord,
  loadAdviser,
  loadOrganisation,
  loadPolicies,
  lockEngagement,
  lockRegionPolicy,
  lockQuotaHolderYears,
  UNALLOCATED,
  engagementRowToEngagement,
  withTransaction,
  writeAudit,
} from "@adviser-hub/persistence";

export interface CorrectDeliveryInput {
  readonly deliveryId: string;
  /** The version the caller last read; a later change makes this correction fail. */
  readonly expectedVersion?: number;
  /** Remove the delivery (kept, marked removed) instead of editing it. */
  readonly remove?: boolean;
  readonly date?: unknown;
  readonly days?: DaysInput;
  readonly onSiteAt?: EpochMs | null;
  readonly notes?: string | null;
  /** Why: kept in the audit log with the values before and after. */
  readonly reason: string;
}

export interface CorrectedDelivery {
  readonly before: DeliveryRecord;
  readonly delivery: DeliveryRecord;
  /** The row as written, for a caller that shows it without reading it again. */
  readonly row: DeliveryRow;
  /** The region's latest policy, as the use case read it: a caller shows days without a second read. */
  readonly policy: RegionPolicy;
}

export type CorrectDeliveryError = ValidationError | NotFoundError | ForbiddenError;
export type CorrectDeliveryResult = Result<CorrectedDelivery, CorrectDeliveryError>;

/**
 * Edits or removes a delivery. Nothing is deleted: an edit bumps the version and the audit log
 * keeps both versions; a removal marks the row. Issued statements are never touched: the next
 * statement of each affected organisation recomputes the issued periods and carries the
 * difference as an adjustment.
 */
export async function correctDelivery(
  db: Kysely<Database>,
  actor: CommandActor,
  input: CorrectDeliveryInput,
  options?: CommandOptions,
): Promise<CorrectDeliveryResult> {
  const denied = requireRole(actor, "correctDelivery");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  return withTransaction(db, async (trx): Promise<CorrectDeliveryResult> => {
    if (typeof input?.deliveryId !== "string" || input.deliveryId === "")
      return invalid("deliveryId", "is required");
    if (typeof input.reason !== "string" || input.reason.trim() === "")
      return invalid("reason", "say why the delivery is corrected");
    const remove = input.remove === true;
    if (!remove && input.date === undefined && input.days === undefined && input.notes === undefined && input.onSiteAt === undefined)
      return invalid("days", "give the corrected date, days or notes, or remove the delivery");
    if (input.expectedVersion !== undefined && !Number.isSafeInteger(input.expectedVersion))
      return invalid("expectedVersion", "must be a whole number");

    // Shared with other delivery commands, exclusive against a policy change (setRegionPolicy):
    // the allocation stored below is decided with the policy this transaction reads next.
    await lockRegionPolicy(trx, region, "shared");
    const policies = await loadPolicies(trx, region);
    if (!policies.ok) return policies;
    const latest = policies.value.latest;
    const current = await trx
      .selectFrom("deliveries")
      .selectAll()
      .where("region_code", "=", region)
      .where("id", "=", input.deliveryId)
      .executeTakeFirst();
    if (!current) return { ok: false, error: notFound("delivery", input.deliveryId, "deliveryId") };
    // Same lock order as recordDelivery: the engagement row, then the quota holder-years.
    const engagement = await lockEngagement(trx, region, current.engagement_id);
    if (!engagement) throw new Error(`delivery ${current.id} names a missing engagement`);
    const row = await trx
      .selectFrom("deliveries")
      .selectAll()
      .where("region_code", "=", region)
      .where("id", "=", input.deliveryId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.removed_at !== null) return invalid("deliveryId", "the delivery has been removed");
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
      return invalid("expectedVersion", `the delivery changed since it was read (now version ${row.version})`);

    // A correction may land on a closed engagement: check date and days as for an open one.
    const openEngagement = { ...engagementRowToEngagement(engagement), status: "ACTIVE" as const };
    // The stored units are in the granularity of the policy of the year they were recorded in.
    const before = policies.value.forYear(row.financial_year);
    const corrected = (policy: RegionPolicy) =>
      validateDeliveryInput(
        policy,
        {
          engagementId: row.engagement_id,
          adviserId: row.adviser_id,
          date: input.date ?? row.delivered_on,
          days: input.days ?? formatDays(row.units, before.unitsPerDay),
          onSiteAt: input.onSiteAt !== undefined ? input.onSiteAt : row.started_at ? row.started_at.getTime() : null,
          notes: input.notes !== undefined ? input.notes : row.notes,
        },
        openEngagement,
      );
    const first = corrected(latest);
    if (!first.ok) return first;
    // The corrected delivery is read and allocated with the policy of the year it lands in.
    const after = policies.value.forYear(first.value.financialYear);
    const valid = after === latest ? first : corrected(after);
    if (!valid.ok) return valid;
    const next = valid.value;
    if (!remove && next.date !== row.delivered_on) {
      const adviser = await loadAdviser(trx, region, row.adviser_id);
      if (!adviser) throw new Error(`delivery ${row.id} names a missing adviser`);
      const employed = checkEmployedOn(adviser, next.date, "date");
      if (!employed.ok) return employed;
    }

    const organisation = await loadOrganisation(trx, region, engagement.organisation_id);
    if (!organisation) throw new Error(`engagement ${engagement.id} names a missing organisation`);
    // Each year with its own policy: its pooling names the holder whose allowance it draws on.
    const leaving = { holderId: quotaHolderOf(before, organisation), year: row.financial_year, policy: before };
    const joining = { holderId: quotaHolderOf(after, organisation), year: next.financialYear, policy: after };
    await lockQuotaHolderYears(trx, region, [leaving, joining]);

    const at = nowOf(options);
    const updated = await trx
      .updateTable("deliveries")
      .set((eb) =>
        // The old allocation goes with the old values; allocateHolderYear stores the new one.
        remove
          ? { ...UNALLOCATED, removed_at: at, updated_at: at, version: eb("version", "+", 1) }
          : {
              ...UNALLOCATED,
              delivered_on: next.date,
              units: next.units,
              financial_year: next.financialYear,
              started_at: next.onSiteAt === null ? null : new Date(next.onSiteAt),
              on_site: next.onSiteAt !== null,
              notes: next.notes,
              updated_at: at,
              version: eb("version", "+", 1),
            },
      )
      .where("region_code", "=", region)
      .where("id", "=", row.id)
      .where("version", "=", row.version)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Under the locks: the years the delivery left and joined are allocated again and stored.
    const holderYears = leaving.holderId === joining.holderId && leaving.year === joining.year ? [leaving] : [leaving, joining];
    for (const holderYear of holderYears)
      await allocateHolderYear(trx, holderYear.policy, region, holderYear.holderId, holderYear.year);

    const previous = deliveryRecord(row);
    const written = deliveryRecord(updated);
    await writeAudit(trx, actor, {
      action: remove ? "removeDelivery" : "correctDelivery",
      entity: "delivery",
      entityId: row.id,
      before: { ...previous, reason: input.reason },
      after: written,
      at,
    });
    return { ok: true, value: { before: previous, delivery: written, row: updated, policy: latest } };
  });
}
