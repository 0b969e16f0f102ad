import { type RawBuilder, sql } from "kysely";
import type { StrandCode } from "../schema.js";
import type { Queryable } from "./queryable.js";

/** The parts of a region's policy that price one financial year (from the domain's RegionPolicy). */
export interface ChargingTerms {
  readonly unitsPerDay: number;
  readonly pooling: "AREA" | "ORGANISATION";
  readonly defaultAllowanceUnits: number;
  /** Allowance overrides for this year by holder id. */
  readonly allowanceByHolder: Readonly<Record<string, number>>;
  readonly defaultDayRatePence: number;
  readonly quotaStrands: readonly StrandCode[];
  readonly chargedStrands: readonly StrandCode[];
}

/**
 * The year's charges recomputed from scratch, entirely in SQL: per quota holder, a running
 * total of quota-consuming units in (date, recorded order) gives each delivery what is left of
 * the allowance; the rest of a charged strand's units is priced at agreed, else negotiated,
 * else default rate, rounded half up to the penny per delivery. Equal to the domain's
 * allocateQuota over the same rows (a gateway test proves it on the pilot).
 */
export async function chargeIncome(db: Queryable, region: string, year: number, terms: ChargingTerms): Promise<number> {
  if (terms.chargedStrands.length === 0) return 0;
  const result = await sql<{ charge: number }>`select ${chargeIncomeSql(region, year, terms)} as charge`.execute(db);
  return Number(result.rows[0]?.charge ?? 0);
}

/**
 * The same computation as a scalar subquery (int8), for statements that return the charge
 * income beside other figures of the year.
 */
export function chargeIncomeSql(region: string, year: number, terms: ChargingTerms): RawBuilder<number> {
  if (terms.chargedStrands.length === 0) return sql<number>`0::int8`;
  const overrides = JSON.stringify(terms.allowanceByHolder);
  return sql<number>`(
    with d as (
      select d.units, d.delivered_on, d.recorded_seq,
             e.strand = any(${sql.val([...terms.quotaStrands])}::text[]) as consumes,
             e.strand = any(${sql.val([...terms.chargedStrands])}::text[]) as charged,
             case when ${terms.pooling} = 'AREA' and o.home_authority_id is not null
                  then o.home_authority_id else o.id end as holder,
             coalesce(nullif(e.agreed_rate_pence, 0), r.day_rate_pence, ${terms.defaultDayRatePence}::int8) as rate
        from deliveries d
        join engagements e on e.region_code = d.region_code and e.id = d.engagement_id
        join organisations o on o.region_code = e.region_code and o.id = e.organisation_id
        left join organisation_rates r on r.region_code = o.region_code and r.organisation_id = o.id
                                      and r.financial_year = d.financial_year
       where d.region_code = ${region} and d.financial_year = ${year} and d.removed_at is null
         -- A delivery on a strand that neither consumes quota nor is charged adds nothing to a
         -- running total or a charge: leave it out before the window sorts what is left.
         and (e.strand = any(${sql.val([...terms.quotaStrands])}::text[])
              or e.strand = any(${sql.val([...terms.chargedStrands])}::text[]))
    ), running as (
      select d.*,
             coalesce((${overrides}::jsonb ->> d.holder)::int8, ${terms.defaultAllowanceUnits}::int8) as allowance,
             coalesce(sum(case when consumes then units else 0 end) over (
               partition by holder order by delivered_on, recorded_seq
               rows between unbounded preceding and 1 preceding), 0) as used_before
        from d
    ), split as (
      select rate,
             case when charged
                  then units - case when consumes then greatest(0, least(units, allowance - used_before)) else 0 end
                  else 0 end as chargeable
        from running
    )
    select coalesce(sum((2 * chargeable * rate + ${terms.unitsPerDay}::int8) / (2 * ${terms.unitsPerDay}::int8)), 0)::int8 as charge
      from split)`;
}
