import type { StrandCode } from "../schema.js";
import type { Queryable } from "./queryable.js";

export interface QuotaDeliveryRow {
  readonly id: string;
  readonly engagementId: string;
  readonly engagementTitle: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly homeAuthorityId: string | null;
  readonly strand: StrandCode;
  readonly date: string;
  readonly recordedSeq: number;
  readonly units: number;
  readonly agreedDayRatePence: number | null;
  /** The organisation's negotiated rate for the delivery's financial year, if any. */
  readonly negotiatedDayRatePence: number | null;
}

/**
 * Live deliveries of one financial year to the organisations sharing a quota holder: those of
 * an authority's area (`areaAuthorityId`) or one organisation (`organisationId`), in allocation
 * order (date, recorded order). One statement.
 */
export async function quotaDeliveries(
  db: Queryable,
  region: string,
  year: number,
  holder: { readonly areaAuthorityId: string } | { readonly organisationId: string },
): Promise<QuotaDeliveryRow[]> {
  let query = db
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (join) =>
      join.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"),
    )
    .innerJoin("organisations as o", (join) =>
      join.onRef("o.region_code", "=", "e.region_code").onRef("o.id", "=", "e.organisation_id"),
    )
    .leftJoin("organisation_rates as r", (join) =>
      join
        .onRef("r.region_code", "=", "o.region_code")
        .onRef("r.organisation_id", "=", "o.id")
        .onRef("r.financial_year", "=", "d.financial_year"),
    )
    .select([
      "d.id",
      "d.engagement_id",
      "e.title",
      "o.id as organisation_id",
      "o.name as organisation_name",
      "o.home_authority_id",
      "e.strand",
      "d.delivered_on",
      "d.recorded_seq",
      "d.units",
      "e.agreed_rate_pence",
      "r.day_rate_pence",
    ])
    .where("d.region_code", "=", region)
    .where("d.financial_year", "=", year)
    .where("d.removed_at", "is", null);
  query =
    "areaAuthorityId" in holder
      ? query.where("o.home_authority_id", "=", holder.areaAuthorityId)
      : query.where("o.id", "=", holder.organisationId);
  const rows = await query.orderBy("d.delivered_on").orderBy("d.recorded_seq").execute();
  return rows.map((row) => ({
    id: row.id,
    engagementId: row.engagement_id,
    engagementTitle: row.title,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    homeAuthorityId: row.home_authority_id,
    strand: row.strand,
    date: row.delivered_on,
    recordedSeq: row.recorded_seq,
    units: row.units,
    agreedDayRatePence: row.agreed_rate_pence,
    negotiatedDayRatePence: row.day_rate_pence,
  }));
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
