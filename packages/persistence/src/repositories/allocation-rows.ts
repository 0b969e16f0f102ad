import type { QuotaDelivery, QuotaOrganisation } from "@adviser-hub/domain";
import { type Kysely, type Transaction, sql } from "kysely";
import type { Database } from "../schema.js";

// The rows the stored allocation (rules 3 to 5) is read from and written to. The service
// decides with the domain's allocateQuota, under the holder-year lock, and stores the result
// here; reports then only sum these columns. A removed delivery keeps no allocation: its
// columns are cleared, because it draws nothing from the allowance and owes nothing; what was
// billed for it stays frozen in the issued statement lines and its history in the audit log.
// The database holds that too (deliveries_removed_unallocated).

/**
 * The columns of a delivery with no allocation: a write that changes what allocation reads
 * (date, units) or removes the delivery sets these in the same UPDATE, so the allocation
 * checks hold at every statement, and the service stores the new allocation after it.
 */
export const UNALLOCATED = {
  holder_id: null,
  quota_units: null,
  free_units: null,
  chargeable_units: null,
  day_rate_pence: null,
  charge_pence: null,
} as const;

/** A delivery's stored allocation columns (all null when it has none). */
export interface StoredAllocation {
  readonly holderId: string | null;
  readonly quotaUnits: number | null;
  readonly freeUnits: number | null;
  readonly chargeableUnits: number | null;
  readonly dayRatePence: number | null;
  readonly chargePence: number | null;
}

/** One live delivery as allocation reads it: its quota inputs and what was stored last. */
export interface AllocatableDelivery {
  readonly quota: QuotaDelivery;
  /** The organisation's negotiated rate for the delivery's financial year, if any. */
  readonly negotiatedDayRatePence: number | null;
  readonly stored: StoredAllocation;
}

/**
 * The organisations that may share `holderId`'s allowance: the holder itself and those whose
 * home authority it is. Which of them do is the policy's pooling, decided by the caller.
 */
export async function organisationsNamingHolder(
  trx: Transaction<Database>,
  region: string,
  holderId: string,
): Promise<QuotaOrganisation[]> {
  const rows = await trx
    .selectFrom("organisations")
    .select(["id", "home_authority_id"])
    .where("region_code", "=", region)
    .where((eb) => eb.or([eb("home_authority_id", "=", holderId), eb("id", "=", holderId)]))
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, homeAuthorityId: r.home_authority_id }));
}

/** Every organisation of a region, as allocation sees it. */
export async function regionOrganisations(trx: Transaction<Database>, region: string): Promise<QuotaOrganisation[]> {
  const rows = await trx
    .selectFrom("organisations")
    .select(["id", "home_authority_id"])
    .where("region_code", "=", region)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, homeAuthorityId: r.home_authority_id }));
}

/**
 * The live deliveries of one financial year (of some organisations, or all) with their quota
 * inputs, stored allocation and the organisation's negotiated rate for the year, in
 * allocation order (one statement).
 */
export async function allocatableDeliveries(
  trx: Transaction<Database>,
  region: string,
  year: number,
  organisationIds: readonly string[] | null,
): Promise<AllocatableDelivery[]> {
  let query = trx
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
    .leftJoin("organisation_rates as r", (j) =>
      j
        .onRef("r.region_code", "=", "e.region_code")
        .onRef("r.organisation_id", "=", "e.organisation_id")
        .onRef("r.financial_year", "=", "d.financial_year"),
    )
    .select([
      "d.id",
      "d.delivered_on",
      "d.recorded_seq",
      "d.units",
      "d.holder_id",
      "d.quota_units",
      "d.free_units",
      "d.chargeable_units",
      "d.day_rate_pence",
      "d.charge_pence",
      "e.organisation_id",
      "e.strand",
      "e.agreed_rate_pence",
      "r.day_rate_pence as negotiated_rate_pence",
    ])
    .where("d.region_code", "=", region)
    .where("d.financial_year", "=", year)
    .where("d.removed_at", "is", null);
  if (organisationIds) {
    if (organisationIds.length === 0) return [];
    query = query.where("e.organisation_id", "in", [...organisationIds]);
  }
  const rows = await query.orderBy("d.delivered_on").orderBy("d.recorded_seq").execute();
  return rows.map((r) => ({
    quota: {
      id: r.id,
      date: r.delivered_on,
      recordedSeq: r.recorded_seq,
      units: r.units,
      organisationId: r.organisation_id,
      strand: r.strand,
      agreedDayRatePence: r.agreed_rate_pence,
    },
    negotiatedDayRatePence: r.negotiated_rate_pence,
    stored: {
      holderId: r.holder_id,
      quotaUnits: r.quota_units,
      freeUnits: r.free_units,
      chargeableUnits: r.chargeable_units,
      dayRatePence: r.day_rate_pence,
      chargePence: r.charge_pence,
    },
  }));
}

const VALUES_PER_STATEMENT = 5_000;

/**
 * Stores allocations on deliveries: one UPDATE ... FROM VALUES for a holder-year; a whole
 * year of a large region is cut below the protocol's 65,535 parameters per statement.
 */
export async function storeAllocations(
  trx: Transaction<Database>,
  region: string,
  rows: readonly { readonly deliveryId: string; readonly allocation: StoredAllocation }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += VALUES_PER_STATEMENT) {
    const values = rows
      .slice(i, i + VALUES_PER_STATEMENT)
      .map(
        ({ deliveryId, allocation: a }) =>
          sql`(${deliveryId}, ${a.holderId}, ${a.quotaUnits}, ${a.freeUnits}, ${a.chargeableUnits}, ${a.dayRatePence}, ${a.chargePence})`,
      );
    await sql`
      update deliveries as d
         set holder_id = v.holder_id::text,
             quota_units = v.quota_units::integer,
             free_units = v.free_units::integer,
             chargeable_units = v.chargeable_units::integer,
             day_rate_pence = v.day_rate_pence::bigint,
             charge_pence = v.charge_pence::bigint
        from (values ${sql.join(values)}) as v(id, holder_id, quota_units, free_units, chargeable_units, day_rate_pence, charge_pence)
       where d.region_code = ${region} and d.id = v.id::text`.execute(trx);
  }
}

/** The region-years that have a live delivery without a stored allocation, in order. */
export async function unallocatedRegionYears(
  db: Kysely<Database>,
): Promise<{ readonly region: string; readonly year: number }[]> {
  const rows = await db
    .selectFrom("deliveries")
    .select(["region_code", "financial_year"])
    .where("holder_id", "is", null)
    .where("removed_at", "is", null)
    .groupBy(["region_code", "financial_year"])
    .orderBy("region_code")
    .orderBy("financial_year")
    .execute();
  return rows.map((r) => ({ region: r.region_code, year: r.financial_year }));
}
