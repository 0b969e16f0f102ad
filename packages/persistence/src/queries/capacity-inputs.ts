import { sql } from "kysely";
import type { BookingStatus, Strand } from "@adviser-hub/domain";
import type { Queryable } from "./queryable.js";

export interface CapacityAdviser {
  readonly id: string;
  readonly name: string;
  readonly fteBp: number;
  readonly employedFrom: string;
  readonly employedTo: string | null;
  readonly leave: readonly { readonly date: string; readonly units: number }[];
  readonly arrangements: readonly {
    readonly id: string;
    readonly authorityId: string;
    readonly startsOn: string;
    readonly endsOn: string | null;
    readonly salaryShareBp: number;
    readonly commitmentUnitsPerWeek: number;
  }[];
}

/** Advisers with their leave in [from, to] and host arrangements overlapping it: one statement. */
export async function capacityAdvisers(db: Queryable, region: string, from: string, to: string): Promise<CapacityAdviser[]> {
  const result = await sql<{
    id: string;
    name: string;
    fte_bp: number;
    employed_from: string;
    employed_to: string | null;
    leave: { date: string; units: number }[] | null;
    arrangements:
      | {
          id: string;
          authority_id: string;
          starts_on: string;
          ends_on: string | null;
          salary_share_bp: number;
          commitment_units_per_week: number;
        }[]
      | null;
  }>`
    select a.id, a.name, a.fte_bp, a.employed_from, a.employed_to,
           (select json_agg(json_build_object('date', l.leave_on, 'units', l.units) order by l.leave_on)
              from adviser_leave l
             where l.region_code = a.region_code and l.adviser_id = a.id
               and l.leave_on between ${from}::date and ${to}::date) as leave,
           (select json_agg(json_build_object('id', h.id, 'authority_id', h.authority_id, 'starts_on', h.starts_on,
                                              'ends_on', h.ends_on, 'salary_share_bp', h.salary_share_bp,
                                              'commitment_units_per_week', h.commitment_units_per_week) order by h.id)
              from host_arrangements h
             where h.region_code = a.region_code and h.adviser_id = a.id
               and h.starts_on <= ${to}::date and (h.ends_on is null or h.ends_on >= ${from}::date)) as arrangements
      from advisers a
     where a.region_code = ${region}
       and a.employed_from <= ${to}::date and (a.employed_to is null or a.employed_to >= ${from}::date)
     order by a.id`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    fteBp: row.fte_bp,
    employedFrom: row.employed_from,
    employedTo: row.employed_to,
    leave: (row.leave ?? []).map((l) => ({ date: l.date, units: Number(l.units) })),
    arrangements: (row.arrangements ?? []).map((h) => ({
      id: h.id,
      authorityId: h.authority_id,
      startsOn: h.starts_on,
      endsOn: h.ends_on,
      salaryShareBp: Number(h.salary_share_bp),
      commitmentUnitsPerWeek: Number(h.commitment_units_per_week),
    })),
  }));
}

export interface WeekLoad {
  readonly adviserId: string;
  readonly weekStart: string;
  /** BOOKED rows come from bookings; RAPID_RESPONSE_DELIVERED from rapid-response deliveries. */
  readonly source: "BOOKED" | "RAPID_RESPONSE_DELIVERED";
  readonly status: BookingStatus | null;
  readonly strand: Strand;
  readonly units: number;
}

/**
 * Booked units per adviser, week, status and strand, plus rapid-response units delivered per
 * adviser and week (call-outs are not booked ahead), for weeks in [fromWeek, toWeek]. One statement.
 */
export async function weekLoads(db: Queryable, region: string, fromWeek: string, toWeek: string): Promise<WeekLoad[]> {
  const result = await sql<{
    adviser_id: string;
    week_start: string;
    source: "BOOKED" | "RAPID_RESPONSE_DELIVERED";
    status: BookingStatus | null;
    strand: Strand;
    units: number;
  }>`
    select b.adviser_id, b.week_start, 'BOOKED' as source, b.status, e.strand, sum(b.units)::int8 as units
      from bookings b
      join engagements e on e.region_code = b.region_code and e.id = b.engagement_id
     where b.region_code = ${region} and b.week_start between ${fromWeek}::date and ${toWeek}::date
     group by b.adviser_id, b.week_start, b.status, e.strand
    union all
    select d.adviser_id, date_trunc('week', d.delivered_on)::date as week_start, 'RAPID_RESPONSE_DELIVERED',
           null, e.strand, sum(d.units)::int8
      from deliveries d
      join engagements e on e.region_code = d.region_code and e.id = d.engagement_id
     where d.region_code = ${region} and e.strand = 'RAPID_RESPONSE' and d.removed_at is null
       and d.delivered_on between ${fromWeek}::date and (${toWeek}::date + 6)
     group by d.adviser_id, date_trunc('week', d.delivered_on)::date, e.strand
     order by 1, 2, 3, 4, 5`.execute(db);
  return result.rows.map((row) => ({
    adviserId: row.adviser_id,
    weekStart: row.week_start,
    source: row.source,
    status: row.status,
    strand: row.strand,
    units: Number(row.units),
  }));
}
