import { sql } from "kysely";
import type { Strand } from "@adviser-hub/domain";
import type { Queryable } from "./queryable.js";

export interface IssuedStatementRow {
  readonly regionCode: string;
  readonly id: string;
  readonly organisationId: string;
  /** Who besides staff may read it: the organisation's home authority. */
  readonly homeAuthorityId: string | null;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly issuedAt: Date;
  readonly issuedBy: string | null;
  readonly totalPence: number;
  readonly lines: readonly {
    readonly deliveryId: string | null;
    readonly date: string | null;
    readonly strand: Strand | null;
    readonly units: number;
    readonly freeUnits: number;
    readonly chargeableUnits: number;
    readonly ratePence: number;
    readonly amountPence: number;
  }[];
  readonly adjustments: readonly {
    readonly periodStart: string | null;
    readonly periodEnd: string | null;
    readonly billedPence: number | null;
    readonly recomputedPence: number | null;
    readonly amountPence: number;
  }[];
}

type Raw = {
  region_code: string;
  id: string;
  organisation_id: string;
  home_authority_id: string | null;
  period_start: string;
  period_end: string;
  issued_at: Date;
  issued_by: string | null;
  total_pence: number;
  lines:
    | {
        delivery_id: string | null;
        delivered_on: string | null;
        strand: Strand | null;
        units: number;
        free_units: number;
        charged_units: number;
        rate_pence: number;
        amount_pence: number;
      }[]
    | null;
  adjustments:
    | { period_start: string | null; period_end: string | null; billed_pence: number | null; recomputed_pence: number | null; amount_pence: number }[]
    | null;
};

/**
 * Issued statements of each organisation, oldest period first, with their frozen charge lines
 * and the adjustments they carry. One statement; lines and adjustments come as JSON.
 */
export async function issuedStatementsOfOrganisations(
  db: Queryable,
  region: string,
  organisationIds: readonly string[],
): Promise<IssuedStatementRow[][]> {
  if (organisationIds.length === 0) return [];
  const result = await sql<Raw>`
    select s.region_code, s.id, s.organisation_id, o.home_authority_id, s.period_start, s.period_end,
           s.issued_at, s.issued_by, s.total_pence,
           (select json_agg(json_build_object('delivery_id', l.delivery_id, 'delivered_on', l.delivered_on,
                    'strand', e.strand, 'units', l.units, 'free_units', l.free_units, 'charged_units', l.charged_units,
                    'rate_pence', l.rate_pence, 'amount_pence', l.amount_pence) order by l.line_no)
              from statement_lines l
              left join engagements e on e.region_code = l.region_code and e.id = l.engagement_id
             where l.region_code = s.region_code and l.statement_id = s.id and l.kind = 'CHARGE') as lines,
           (select json_agg(json_build_object('period_start', a.period_start, 'period_end', a.period_end,
                    'billed_pence', a.billed_pence, 'recomputed_pence', a.recomputed_pence, 'amount_pence', a.amount_pence)
                    order by a.period_start, a.id)
              from adjustments a
             where a.region_code = s.region_code and a.applied_statement_id = s.id) as adjustments
      from statements s
      join organisations o on o.region_code = s.region_code and o.id = s.organisation_id
     where s.region_code = ${region} and s.issued_at is not null
       and s.organisation_id = any(${sql.val([...organisationIds])}::text[])
     order by s.organisation_id, s.period_start`.execute(db);
  const groups = new Map<string, IssuedStatementRow[]>(organisationIds.map((id) => [id, []]));
  for (const row of result.rows) {
    groups.get(row.organisation_id)?.push({
      regionCode: row.region_code,
      id: row.id,
      organisationId: row.organisation_id,
      homeAuthorityId: row.home_authority_id,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      issuedAt: new Date(row.issued_at),
      issuedBy: row.issued_by,
      totalPence: Number(row.total_pence),
      lines: (row.lines ?? []).map((l) => ({
        deliveryId: l.delivery_id,
        date: l.delivered_on,
        strand: l.strand,
        units: Number(l.units),
        freeUnits: Number(l.free_units),
        chargeableUnits: Number(l.charged_units),
        ratePence: Number(l.rate_pence),
        amountPence: Number(l.amount_pence),
      })),
      adjustments: (row.adjustments ?? []).map((a) => ({
        periodStart: a.period_start,
        periodEnd: a.period_end,
        billedPence: a.billed_pence === null ? null : Number(a.billed_pence),
        recomputedPence: a.recomputed_pence === null ? null : Number(a.recomputed_pence),
        amountPence: Number(a.amount_pence),
      })),
    });
  }
  return organisationIds.map((id) => groups.get(id) ?? []);
}
