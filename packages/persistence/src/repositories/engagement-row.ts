import type { EngagementRow } from "../schema.js";

/**
 * An engagement as use cases read and return it (notes included: they run for the region's
 * staff). It is also what the domain's delivery and capacity checks read of an engagement.
 */
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
  /** When work may start: the planned start, else the day it was requested. */
  readonly startDate: string;
  /** The planned start as stored; null when none was given. */
  readonly plannedStartDate: string | null;
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

/** The one mapper of an engagements row. */
export function engagementRowToEngagement(row: EngagementRow): EngagementRecord {
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
    // An engagement without a start date takes work from the day it was requested.
    startDate: row.starts_on ?? row.requested_at.toISOString().slice(0, 10),
    plannedStartDate: row.starts_on,
    endDate: row.ends_on,
    earliestStartWeek: row.earliest_start_week,
    notes: row.notes,
    version: row.version,
  };
}
