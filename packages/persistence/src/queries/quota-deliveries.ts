import type { Strand } from "@adviser-hub/domain";
import type { Queryable } from "./queryable.js";

export interface QuotaDeliveryRow {
  readonly id: string;
  readonly engagementId: string;
  readonly engagementTitle: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly homeAuthorityId: string | null;
  readonly strand: Strand;
  readonly date: string;
  readonly recordedSeq: number;
  readonly financialYear: number;
  readonly units: number;
  /** The allocation the domain stored when the delivery was written (rules 3 to 5). */
  readonly quotaUnits: number;
  readonly freeUnits: number;
  readonly chargeableUnits: number;
  readonly dayRatePence: number;
  readonly chargePence: number;
}

/** Sums of a holder-year's stored allocation. */
export interface QuotaHolderYearTotals {
  readonly deliveredUnits: number;
  readonly quotaUnits: number;
  readonly freeUnits: number;
  readonly chargeableUnits: number;
  readonly chargePence: number;
}

export interface QuotaHolderYear {
  readonly lines: readonly QuotaDeliveryRow[];
  readonly totals: QuotaHolderYearTotals;
}

/**
 * The live deliveries of one financial year allocated to a quota holder, in allocation order
 * (date, recorded order), with the allocation stored on each and the holder-year's sums of it
 * (window sums in the same statement: one statement, no rule).
 */
export async function quotaHolderYear(db: Queryable, region: string, year: number, holderId: string): Promise<QuotaHolderYear> {
  const rows = await db
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (join) =>
      join.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"),
    )
    .innerJoin("organisations as o", (join) =>
      join.onRef("o.region_code", "=", "e.region_code").onRef("o.id", "=", "e.organisation_id"),
    )
    .select((eb) => [
      "d.id",
      "d.engagement_id",
      "e.title",
      "o.id as organisation_id",
      "o.name as organisation_name",
      "o.home_authority_id",
      "e.strand",
      "d.delivered_on",
      "d.recorded_seq",
      "d.financial_year",
      "d.units",
      "d.quota_units",
      "d.free_units",
      "d.chargeable_units",
      "d.day_rate_pence",
      "d.charge_pence",
      eb.fn.sum<number>("d.units").over().as("total_units"),
      eb.fn.sum<number>("d.quota_units").over().as("total_quota_units"),
      eb.fn.sum<number>("d.free_units").over().as("total_free_units"),
      eb.fn.sum<number>("d.chargeable_units").over().as("total_chargeable_units"),
      eb.fn.sum<number>("d.charge_pence").over().as("total_charge_pence"),
    ])
    .where("d.region_code", "=", region)
    .where("d.financial_year", "=", year)
    .where("d.holder_id", "=", holderId)
    .where("d.removed_at", "is", null)
    .orderBy("d.delivered_on")
    .orderBy("d.recorded_seq")
    .execute();
  const first = rows[0];
  return {
    lines: rows.map((row) => ({
      id: row.id,
      engagementId: row.engagement_id,
      engagementTitle: row.title,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      homeAuthorityId: row.home_authority_id,
      strand: row.strand,
      date: row.delivered_on,
      recordedSeq: row.recorded_seq,
      financialYear: row.financial_year,
      units: row.units,
      // holder_id is set, so the all-or-none check says the rest is set too.
      quotaUnits: row.quota_units ?? 0,
      freeUnits: row.free_units ?? 0,
      chargeableUnits: row.chargeable_units ?? 0,
      dayRatePence: row.day_rate_pence ?? 0,
      chargePence: row.charge_pence ?? 0,
    })),
    totals: {
      deliveredUnits: Number(first?.total_units ?? 0),
      quotaUnits: Number(first?.total_quota_units ?? 0),
      freeUnits: Number(first?.total_free_units ?? 0),
      chargeableUnits: Number(first?.total_chargeable_units ?? 0),
      chargePence: Number(first?.total_charge_pence ?? 0),
    },
  };
}

export interface QuotaHolderCandidate {
  readonly kind: "AUTHORITY" | "ORGANISATION";
  readonly id: string;
  readonly name: string;
  /** For an organisation: its home authority. */
  readonly homeAuthorityId: string | null;
}

/** Resolves a holder id to an authority or an organisation of the region (one statement). */
export async function findQuotaHolder(db: Queryable, region: string, id: string): Promise<QuotaHolderCandidate | null> {
  const rows = await db
    .selectFrom("authorities")
    .select((eb) => [eb.val("AUTHORITY").as("kind"), "id", "name", eb.cast<string | null>(eb.val(null), "text").as("home_authority_id")])
    .where("region_code", "=", region)
    .where("id", "=", id)
    .unionAll(
      db
        .selectFrom("organisations")
        .select((eb) => [eb.val("ORGANISATION").as("kind"), "id", "name", "home_authority_id"])
        .where("region_code", "=", region)
        .where("id", "=", id),
    )
    .execute();
  const row = rows[0];
  if (!row) return null;
  return {
    kind: row.kind === "AUTHORITY" ? "AUTHORITY" : "ORGANISATION",
    id: row.id,
    name: row.name,
    homeAuthorityId: row.home_authority_id,
  };
}
