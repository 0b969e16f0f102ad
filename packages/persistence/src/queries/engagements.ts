import type { EngagementStatus, Strand } from "@adviser-hub/domain";
import type { EngagementRow } from "../schema.js";
import { keysetPage } from "./keyset-page.js";
import type { Page, PageRequest, Queryable } from "./queryable.js";
import { inRequestedOrder } from "./by-ids.js";

export interface EngagementFilter {
  readonly strands?: readonly Strand[] | null;
  readonly statuses?: readonly EngagementStatus[] | null;
  /** GSS code: engagements of organisations whose home authority it is. */
  readonly authorityId?: string | null;
  /** Requested within [requestedFrom, requestedBefore) (instants): a financial year. */
  readonly requestedFrom?: Date | null;
  readonly requestedBefore?: Date | null;
  /** Engagements listing this theme (exact match). */
  readonly theme?: string | null;
}

/** An engagement with its organisation's home authority, which decides who may see it. */
export type EngagementWithArea = EngagementRow & { readonly home_authority_id: string | null };

function withArea(db: Queryable) {
  return db
    .selectFrom("engagements as e")
    .innerJoin("organisations as o", (join) =>
      join.onRef("o.region_code", "=", "e.region_code").onRef("o.id", "=", "e.organisation_id"),
    )
    .selectAll("e")
    .select("o.home_authority_id");
}

function filtered(db: Queryable, region: string, filter: EngagementFilter) {
  let query = withArea(db).where("e.region_code", "=", region);
  if (filter.strands && filter.strands.length > 0) query = query.where("e.strand", "in", [...filter.strands]);
  if (filter.statuses && filter.statuses.length > 0) query = query.where("e.status", "in", [...filter.statuses]);
  if (filter.requestedFrom) query = query.where("e.requested_at", ">=", filter.requestedFrom);
  if (filter.requestedBefore) query = query.where("e.requested_at", "<", filter.requestedBefore);
  if (filter.theme) {
    const theme = filter.theme;
    query = query.where((eb) => eb(eb.val(theme), "=", eb.fn.any("e.themes")));
  }
  if (filter.authorityId) query = query.where("o.home_authority_id", "=", filter.authorityId);
  return query;
}

/** One page of a region's engagements in id order, filtered, with the filter's total. */
export function pageEngagements(
  db: Queryable,
  region: string,
  filter: EngagementFilter,
  page: PageRequest,
): Promise<Page<EngagementWithArea>> {
  return keysetPage(db, filtered(db, region, filter), page);
}

/** Engagements of one region by id, in the order asked. */
export async function engagementsByIds(
  db: Queryable,
  region: string,
  ids: readonly string[],
): Promise<(EngagementWithArea | undefined)[]> {
  if (ids.length === 0) return [];
  const rows = await withArea(db)
    .where("e.region_code", "=", region)
    .where("e.id", "in", [...ids])
    .execute();
  return inRequestedOrder(ids, rows, (row) => row.id);
}
