import { type RawBuilder, sql } from "kysely";
import type { AdviserRow, AuthorityRow } from "../schema.js";
import type { Queryable } from "./queryable.js";

export interface RapidResponseTiming {
  readonly engagementId: string;
  readonly requestedAt: Date;
  /** The first on-site instant among its live deliveries; null while nobody has been on site. */
  readonly firstOnSiteAt: Date | null;
}

/**
 * Rapid-response engagements requested in [requestedFrom, requestedBefore), each with its first
 * on-site time (SQL min), as a json array of {engagement_id, requested_at, first_on_site} in id
 * order, null when there are none: a scalar subquery for the funding report's one statement.
 */
export function rapidResponseTimingsSql(region: string, requestedFrom: Date, requestedBefore: Date): RawBuilder<unknown> {
  return sql`(
    select json_agg(json_build_object('engagement_id', t.id, 'requested_at', t.requested_at, 'first_on_site', t.first_on_site)
                    order by t.id)
      from (select e.id, e.requested_at, min(d.started_at) as first_on_site
              from engagements e
              left join deliveries d on d.region_code = e.region_code and d.engagement_id = e.id
                                    and d.removed_at is null and d.on_site
             where e.region_code = ${region} and e.strand = 'RAPID_RESPONSE'
               and e.requested_at >= ${requestedFrom} and e.requested_at < ${requestedBefore}
             group by e.id, e.requested_at) t)`;
}

/** Reads rapidResponseTimingsSql's json. */
export function parseRapidResponseTimings(value: unknown): RapidResponseTiming[] {
  const rows = (value ?? []) as { engagement_id: string; requested_at: string; first_on_site: string | null }[];
  return rows.map((row) => ({
    engagementId: row.engagement_id,
    requestedAt: new Date(row.requested_at),
    firstOnSiteAt: row.first_on_site ? new Date(row.first_on_site) : null,
  }));
}

export interface HostArrangementYear {
  readonly id: string;
  readonly adviserId: string;
  readonly adviserName: string;
  readonly authorityId: string;
  readonly authorityName: string;
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly salaryShareBp: number;
  readonly commitmentUnitsPerWeek: number;
  /** The hosted adviser's row and the host authority's, read with the arrangement. */
  readonly adviser: AdviserRow;
  readonly authority: AuthorityRow;
  /** Host-support units per date, by the arrangement's adviser for its authority's organisations. */
  readonly deliveredByDate: readonly { readonly date: string; readonly units: number }[];
}

/**
 * Host arrangements overlapping [yearStart, yearEnd] with their host-support deliveries of that
 * financial year summed per date in SQL, and their adviser's and authority's rows (one statement).
 */
export async function hostArrangementsForYear(
  db: Queryable,
  region: string,
  year: number,
  yearStart: string,
  yearEnd: string,
): Promise<HostArrangementYear[]> {
  const result = await sql<{
    id: string;
    adviser_id: string;
    adviser_name: string;
    authority_id: string;
    authority_name: string;
    starts_on: string;
    ends_on: string | null;
    salary_share_bp: number;
    commitment_units_per_week: number;
    adviser_fte_bp: number;
    adviser_employed_from: string;
    adviser_employed_to: string | null;
    authority_dfe_la_code: number | null;
    authority_inner_outer: string | null;
    authority_subregion: string | null;
    delivered: { date: string; units: number }[] | null;
  }>`
    with host_engagements as materialized (
      -- The region's host-support engagements with their home authority, hashed once: joining
      -- the year's deliveries to them beats looking up each engagement's deliveries by index
      -- once the region keeps many years (19,150 -> 1,586 buffers at a million deliveries).
      select e.id, o.home_authority_id
        from engagements e
        join organisations o on o.region_code = e.region_code and o.id = e.organisation_id
       where e.region_code = ${region} and e.strand = 'HOST_SUPPORT'
    ), host_days as materialized (
      -- One pass over the year's host-support deliveries, summed per adviser, host authority and
      -- date; each arrangement then picks its own dates from these few rows, instead of walking
      -- every engagement its authority's organisations ever had.
      select d.adviser_id, he.home_authority_id as authority_id, d.delivered_on, sum(d.units)::int8 as units
        from deliveries d
        join host_engagements he on he.id = d.engagement_id
       where d.region_code = ${region} and d.financial_year = ${year} and d.removed_at is null
       group by d.adviser_id, he.home_authority_id, d.delivered_on
    )
    select h.id, h.adviser_id, a.name as adviser_name, h.authority_id, au.name as authority_name,
           h.starts_on, h.ends_on, h.salary_share_bp, h.commitment_units_per_week,
           a.fte_bp as adviser_fte_bp, a.employed_from as adviser_employed_from, a.employed_to as adviser_employed_to,
           au.dfe_la_code as authority_dfe_la_code, au.inner_outer as authority_inner_outer,
           au.subregion as authority_subregion,
           (select json_agg(json_build_object('date', s.delivered_on, 'units', s.units) order by s.delivered_on)
              from host_days s
             where s.adviser_id = h.adviser_id and s.authority_id = h.authority_id
               and s.delivered_on >= h.starts_on and (h.ends_on is null or s.delivered_on <= h.ends_on)) as delivered
      from host_arrangements h
      join advisers a on a.region_code = h.region_code and a.id = h.adviser_id
      join authorities au on au.region_code = h.region_code and au.id = h.authority_id
     where h.region_code = ${region} and h.starts_on <= ${yearEnd}::date
       and (h.ends_on is null or h.ends_on >= ${yearStart}::date)
     order by h.id`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    adviserId: row.adviser_id,
    adviserName: row.adviser_name,
    authorityId: row.authority_id,
    authorityName: row.authority_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    salaryShareBp: row.salary_share_bp,
    commitmentUnitsPerWeek: row.commitment_units_per_week,
    adviser: {
      region_code: region,
      id: row.adviser_id,
      name: row.adviser_name,
      fte_bp: row.adviser_fte_bp,
      employed_from: row.adviser_employed_from,
      employed_to: row.adviser_employed_to,
    },
    authority: {
      region_code: region,
      id: row.authority_id,
      name: row.authority_name,
      dfe_la_code: row.authority_dfe_la_code,
      inner_outer: row.authority_inner_outer,
      subregion: row.authority_subregion,
    },
    deliveredByDate: (row.delivered ?? []).map((d) => ({ date: d.date, units: Number(d.units) })),
  }));
}

export interface OutcomeCounts {
  readonly improved: number;
  readonly worsened: number;
  readonly unchanged: number;
  /** Of those, how many reach their target (stored with the latest measurement). */
  readonly targetMet: number;
}

/**
 * Outcomes measured in [yearStart, yearEnd], counted by the assessment stored with their latest
 * measurement on or before yearEnd (rule 11, decided by the domain when it was written).
 * A json object {improved, worsened, unchanged}: a scalar subquery for the funding report.
 */
export function outcomeCountsSql(region: string, yearStart: string, yearEnd: string): RawBuilder<unknown> {
  return sql`(
    with latest as (
      select distinct on (m.outcome_id) m.outcome_id, m.assessment, m.target_met, m.measured_on
        from outcome_measurements m
       where m.region_code = ${region} and m.measured_on <= ${yearEnd}::date
       order by m.outcome_id, m.measured_on desc
    )
    select json_build_object('improved', count(*) filter (where assessment = 'IMPROVED'),
                             'worsened', count(*) filter (where assessment = 'WORSENED'),
                             'unchanged', count(*) filter (where assessment = 'UNCHANGED'),
                             'targetMet', count(*) filter (where target_met))
      from latest
     where measured_on >= ${yearStart}::date)`;
}

/** Reads outcomeCountsSql's json. */
export function parseOutcomeCounts(value: unknown): OutcomeCounts {
  const row = (value ?? {}) as { improved?: number; worsened?: number; unchanged?: number; targetMet?: number };
  return {
    improved: Number(row.improved ?? 0),
    worsened: Number(row.worsened ?? 0),
    unchanged: Number(row.unchanged ?? 0),
    targetMet: Number(row.targetMet ?? 0),
  };
}
