import type { DeliveryRow } from "../schema.js";

export interface DeliveryRecord {
  readonly id: string;
  readonly engagementId: string;
  readonly adviserId: string;
  readonly date: string;
  readonly units: number;
  readonly financialYear: number;
  readonly recordedSeq: number;
  readonly recordedAt: Date;
  readonly onSite: boolean;
  readonly startedAt: Date | null;
  readonly notes: string | null;
  readonly removedAt: Date | null;
  readonly version: number;
}

export function deliveryRecord(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    adviserId: row.adviser_id,
    date: row.delivered_on,
    units: row.units,
    financialYear: row.financial_year,
    recordedSeq: row.recorded_seq,
    recordedAt: row.recorded_at,
    onSite: row.on_site,
    startedAt: row.started_at,
    notes: row.notes,
    removedAt: row.removed_at,
    version: row.version,
  };
}

/** How the allocation treats one delivery right after the write. */
export interface DeliveryAllocation {
  readonly holderId: string;
  readonly financialYear: number;
  readonly freeUnits: number;
  readonly chargeableUnits: number;
  readonly dayRatePence: number;
  readonly chargePence: number;
}
