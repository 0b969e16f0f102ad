import type { Engagement } from "@adviser-hub/domain";
import type { EngagementRow } from "../schema.js";

/** What the domain's delivery checks read of an engagement. */
export function toDomainEngagement(
  row: EngagementRow,
): Pick<Engagement, "id" | "status" | "startDate" | "endDate" | "strand"> {
  return {
    id: row.id,
    status: row.status,
    // An engagement without a start date takes work from the day it was requested.
    startDate: row.starts_on ?? row.requested_at.toISOString().slice(0, 10),
    endDate: row.ends_on,
    strand: row.strand,
  };
}
