import {
  type NegotiatedRate,
  type QuotaDelivery,
  type QuotaInput,
  type QuotaOrganisation,
  type RegionPolicy,
  quotaHolderOf,
} from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";

/** Organisations that share `holderId`'s allowance under the policy's pooling. */
export async function holderOrganisations(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  holderId: string,
): Promise<QuotaOrganisation[]> {
  let query = trx.selectFrom("organisations").select(["id", "home_authority_id"]).where("region_code", "=", region);
  query =
    policy.quotaPooling === "AREA"
      ? query.where((eb) => eb.or([eb("home_authority_id", "=", holderId), eb("id", "=", holderId)]))
      : query.where("id", "=", holderId);
  const rows = await query.orderBy("id").execute();
  return rows
    .map((r) => ({ id: r.id, homeAuthorityId: r.home_authority_id }))
    .filter((o) => quotaHolderOf(policy, o) === holderId);
}

/**
 * Everything allocation needs for one quota holder: its organisations' live deliveries (all
 * years, or one), their strands and agreed rates, and negotiated rates. `knownAt` restricts to
 * what had been recorded, and not yet removed, by then (the seed replays history with it).
 */
export async function quotaInputForHolder(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  holderId: string,
  options: { readonly year?: number; readonly knownAt?: Date } = {},
): Promise<QuotaInput> {
  const organisations = await holderOrganisations(trx, policy, region, holderId);
  if (organisations.length === 0) return { deliveries: [], organisations: [], negotiatedRates: [] };
  const ids = organisations.map((o) => o.id);
  let query = trx
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
    .select([
      "d.id",
      "d.delivered_on",
      "d.recorded_seq",
      "d.units",
      "e.organisation_id",
      "e.strand",
      "e.agreed_rate_pence",
    ])
    .where("d.region_code", "=", region)
    .where("e.organisation_id", "in", ids);
  if (options.year !== undefined) query = query.where("d.financial_year", "=", options.year);
  const knownAt = options.knownAt;
  if (knownAt) {
    query = query
      .where("d.recorded_at", "<=", knownAt)
      .where((eb) => eb.or([eb("d.removed_at", "is", null), eb("d.removed_at", ">", knownAt)]));
  } else {
    query = query.where("d.removed_at", "is", null);
  }
  const rows = await query.orderBy("d.delivered_on").orderBy("d.recorded_seq").execute();
  const deliveries: QuotaDelivery[] = rows.map((r) => ({
    id: r.id,
    date: r.delivered_on,
    recordedSeq: r.recorded_seq,
    units: r.units,
    organisationId: r.organisation_id,
    strand: r.strand,
    agreedDayRatePence: r.agreed_rate_pence,
  }));
  const rates = await trx
    .selectFrom("organisation_rates")
    .select(["organisation_id", "financial_year", "day_rate_pence"])
    .where("region_code", "=", region)
    .where("organisation_id", "in", ids)
    .execute();
  const negotiatedRates: NegotiatedRate[] = rates.map((r) => ({
    organisationId: r.organisation_id,
    year: r.financial_year,
    dayRatePence: r.day_rate_pence,
  }));
  return { deliveries, organisations, negotiatedRates };
}
