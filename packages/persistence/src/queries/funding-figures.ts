import { sql } from "kysely";
import type { StrandCode } from "../schema.js";
import { type ChargingTerms, chargeIncomeSql } from "./charge-income.js";
import type { FunderContribution } from "./funders.js";
import type { Queryable } from "./queryable.js";

/** Everything the funding report can aggregate without a rule, for one region and year. */
export interface FundingFigures {
  readonly programmeCostPence: number;
  /** Each funder's contribution, by funder id (funders with none omitted); they sum to the cost. */
  readonly contributions: readonly FunderContribution[];
  /** The year's charges recomputed from scratch: see chargeIncome, which computes the same. */
  readonly chargeIncomePence: number;
  readonly deliveredUnits: number;
  readonly deliveredUnitsByStrand: readonly { readonly strand: StrandCode; readonly units: number }[];
  /** Authorities whose organisations received any delivery in the year (GSS codes, sorted). */
  readonly servedAuthorityIds: readonly string[];
  readonly authorityCount: number;
  /** Estimates of engagements requested in the year. */
  readonly requestedUnits: number;
  /** Estimates of engagements requested in the year that were waitlisted at some point. */
  readonly waitlistedUnits: number;
}

/**
 * One statement: sums over deliveries, contributions, authorities and requests of one financial
 * year, with each funder's contribution and the charge income, which a report needs together
 * (cost per day and net cost per day): one round trip and one plan instead of three.
 * `requestedFrom`/`requestedBefore` bound the year as instants (requests are instants).
 */
export async function fundingFigures(
  db: Queryable,
  region: string,
  year: number,
  requestedFrom: Date,
  requestedBefore: Date,
  terms: ChargingTerms,
): Promise<FundingFigures> {
  const result = await sql<{
    programme_cost: number;
    contributions: { funder_id: string; name: string; amount_pence: number }[] | null;
    charge_income: number;
    delivered_units: number;
    by_strand: { strand: StrandCode; units: number }[] | null;
    served: string[] | null;
    authority_count: number;
    requested_units: number;
    waitlisted_units: number;
  }>`
    with year_engagements as (
      -- The year's deliveries summed per engagement first (index-only, in index order), so the
      -- joins below see one row per engagement delivered to in the year, not one per delivery.
      select d.engagement_id, sum(d.units) as units
        from deliveries d
       where d.region_code = ${region} and d.financial_year = ${year} and d.removed_at is null
       group by d.engagement_id
    ), live as (
      -- At most strands x authorities rows: every figure below reads this, not the deliveries.
      select e.strand, o.home_authority_id, sum(y.units)::int8 as units
        from year_engagements y
        join engagements e on e.region_code = ${region} and e.id = y.engagement_id
        join organisations o on o.region_code = ${region} and o.id = e.organisation_id
       group by e.strand, o.home_authority_id
    ), requested as (
      select e.id, e.estimate_units
        from engagements e
       where e.region_code = ${region} and e.requested_at >= ${requestedFrom} and e.requested_at < ${requestedBefore}
    )
    select
      (select coalesce(sum(amount_pence), 0) from funder_contributions
        where region_code = ${region} and financial_year = ${year}) as programme_cost,
      (select json_agg(json_build_object('funder_id', c.funder_id, 'name', f.name, 'amount_pence', c.amount_pence)
                       order by c.funder_id)
         from funder_contributions c
         join funders f on f.region_code = c.region_code and f.id = c.funder_id
        where c.region_code = ${region} and c.financial_year = ${year}) as contributions,
      ${chargeIncomeSql(region, year, terms)} as charge_income,
      (select coalesce(sum(units), 0) from live) as delivered_units,
      (select json_agg(json_build_object('strand', strand, 'units', units) order by strand)
         from (select strand, sum(units)::int8 as units from live group by strand) s) as by_strand,
      (select array_agg(distinct home_authority_id order by home_authority_id) from live
        where home_authority_id is not null) as served,
      (select count(*) from authorities where region_code = ${region}) as authority_count,
      (select coalesce(sum(estimate_units), 0) from requested) as requested_units,
      (select coalesce(sum(r.estimate_units), 0) from requested r
        where exists (select 1 from engagement_transitions t
                       where t.region_code = ${region} and t.engagement_id = r.id
                         and t.to_status = 'WAITLISTED')) as waitlisted_units`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error("funding figures returned no row");
  return {
    programmeCostPence: Number(row.programme_cost),
    contributions: (row.contributions ?? []).map((c) => ({
      funderId: c.funder_id,
      name: c.name,
      financialYear: year,
      amountPence: Number(c.amount_pence),
    })),
    chargeIncomePence: Number(row.charge_income),
    deliveredUnits: Number(row.delivered_units),
    deliveredUnitsByStrand: (row.by_strand ?? []).map((s) => ({ strand: s.strand, units: Number(s.units) })),
    servedAuthorityIds: row.served ?? [],
    authorityCount: Number(row.authority_count),
    requestedUnits: Number(row.requested_units),
    waitlistedUnits: Number(row.waitlisted_units),
  };
}
