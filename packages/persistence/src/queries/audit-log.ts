import { sql } from "kysely";
import { keysetWindow } from "./keyset-page.js";
import type { Page, Queryable } from "./queryable.js";

/** One change as the audit log keeps it: who, what, when, before and after. */
export interface AuditEntry {
  /** The row's identity, in recording order; the page's keyset. */
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditLogFilter {
  readonly entity?: string | null;
  readonly actor?: string | null;
}

/**
 * One page of a region's audit log, newest first (by recording order, the identity), after the
 * entry `after` (an id), with the filter's total: one statement whatever the page size, walking
 * the primary key (region_code, id) backwards and stopping after `first + 1` rows.
 */
export async function pageAuditLog(
  db: Queryable,
  region: string,
  filter: AuditLogFilter,
  page: { readonly first: number; readonly after: string | null },
): Promise<Page<AuditEntry>> {
  const entity = filter.entity ?? null;
  const actor = filter.actor ?? null;
  const result = await sql<{
    page_total: string | number;
    id: string | null;
    at: Date | string;
    actor: string;
    action: string;
    entity: string;
    entity_id: string;
    before: unknown;
    after: unknown;
  }>`
    with filtered as not materialized (
      select id, at, actor, action, entity, entity_id, before, after from audit_log
       where region_code = ${region}
         and (${entity}::text is null or entity = ${entity}::text)
         and (${actor}::text is null or actor = ${actor}::text)
    )
    select t.page_total, f.id::text as id, f.at, f.actor, f.action, f.entity, f.entity_id, f.before, f.after
      from (select count(*) as page_total from filtered) t
      left join lateral (
        select * from filtered
        ${keysetWindow(page, { descending: true, keyType: "bigint" })}
      ) f on true
     order by f.id desc`.execute(db);
  const totalCount = Number(result.rows[0]?.page_total ?? 0);
  const rows: AuditEntry[] = result.rows
    .filter((row) => row.id !== null)
    .map((row) => ({
      id: row.id!,
      at: row.at instanceof Date ? row.at : new Date(row.at),
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      before: row.before,
      after: row.after,
    }));
  return { rows: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount };
}
