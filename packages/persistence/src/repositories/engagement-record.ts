import type { EngagementRow } from "../schema.js";

/** An engagement as commands return it (notes included: commands run for the region's staff). */
export interface EngagementRecord {
  readonly id: string;
  readonly organisationId: string;
  readonly strand: EngagementRow["strand"];
  readonly title: string;
  readonly themes: readonly string[];
  readonly leadAdviserId: string | null;
  readonly agreedDayRatePence: number | null;
  readonly estimateUnits: number;
  readonly status: EngagementRow["status"];
  readonly requestedAt: Date;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly earliestStartWeek: string | null;
  readonly notes: string | null;
  readonly version: number;
}

export interface TransitionRecord {
  readonly engagementId: string;
  readonly from: EngagementRow["status"] | null;
  readonly to: EngagementRow["status"];
  readonly by: string;
  readonly at: Date;
  readonly reason: string | null;
}

export function engagementRecord(row: EngagementRow): EngagementRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    strand: row.strand,
    title: row.title,
    themes: row.themes,
    leadAdviserId: row.lead_adviser_id,
    agreedDayRatePence: row.agreed_rate_pence,
    estimateUnits: row.estimate_units,
    status: row.status,
    requestedAt: row.requested_at,
    startDate: row.starts_on,
    endDate: row.ends_on,
    earliestStartWeek: row.earliest_start_week,
    notes: row.notes,
    version: row.version,
  };
}
