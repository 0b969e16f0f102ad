import { sql } from "kysely";
import type { Strand } from "@adviser-hub/domain";
import type { FunderContribution } from "./funders.js";
import {
  type OutcomeCounts,
  outcomeCountsSql,
  parseOutcomeCounts,
  parseRapidResponseTimings,
  type RapidResponseTiming,
  rapidResponseTimingsSql,
} from "./programme-evidence.js";
import type { Queryable } from "./queryable.js";

/** Everything the funding report can aggregate without a rule, for one region and year. */
export interface FundingFigures {
  readonly programmeCostPence: number;
  /** Each funder's contribution, by funder id (funders with none omitted); they sum to the cost. */
  readonly contributions: readonly FunderContribution[];
  /** The year's charges: the sum of the charges the domain stored on its live deliveries. */
  readonly chargeIncomePence: number;
  readonly deliveredUnits: number;
  readonly deliveredUnitsByStrand: readonly { readonly strand: Strand; readonly units: number }[];
  /** Authorities whose organisations received any delivery in the year (GSS codes, sorted). */
  readonly servedAuthorityIds: readonly string[];
  readonly authorityCount: number;
  /** Estimates of engagements requested in the year. */
  readonly requestedUnits: number;
  /** Estimates of engagements requested in the year that were waitlisted at some point. */
  readonly waitlistedUnits: number;
  /** Rapid-response engagements requested in the year, with their first on-site time. */
  readonly rapidResponseTimings: readonly RapidResponseTiming[];
  /** Outcome indicators measured in the year, by assessment. */
  readonly outcomes: OutcomeCounts;
}

/** The year as dates (deliveries, measurements) and as instants (requests are instants). */
export interface FundingWindow {
  readonly yearStart: string;
  readonly yearEnd: string;
  readonly requestedFrom: Date;
  readonly requestedBefore: Date;
}

/**
 * One statement: sums over deliveries, contributions, authorities and requests of one financial
 * year, with each funder's contribution, the charge income (a sum of stored charges), the
 * rapid-response timings and the outcome counts, which a report needs together: one round trip
 * and one plan instead of five.
 */
export async function fundingFigures(
  db: Queryable,
  region: string,
  year: number,
  window: FundingWindow,
): Promise<FundingFigures> {
  const { requestedFrom, requestedBefore } = window;
  const result = await sql<{
    programme_cost: number;
    contributions: { funder_id: string; name: string; amount_pence: number }[] | null;
    charge_income: number;
    delivered_units: number;
    by_strand: { strand: Strand; units: number }[] | null;
    served: string[] | null;
    authority_count: number;
    requested_units: number;
    waitlisted_units: number;
    rapid_response: unknown;
    outcomes: unknown;
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
      -- Rules 3 to 5 were decided when each delivery was written: only a sum is left to do.
      (select coalesce(sum(charge_pence), 0)::int8 from deliveries
        where region_code = ${region} and financial_year = ${year} and removed_at is null) as charge_income,
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
                         and t.to_status = 'WAITLISTED')) as waitlisted_units,
      ${rapidResponseTimingsSql(region, requestedFrom, requestedBefore)} as rapid_response,
      ${outcomeCountsSql(region, window.yearStart, window.yearEnd)} as outcomes`.execute(db);
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
    rapidResponseTimings: parseRapidResponseTimings(row.rapid_response),
    outcomes: parseOutcomeCounts(row.outcomes),
  };
}
