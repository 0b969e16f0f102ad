import { type Expression, type RawBuilder, sql } from "kysely";
import type { Page, PageRequest, Queryable } from "./queryable.js";

/**
 * The keyset window of a page over rows in id order (or newest first): past the cursor, if
 * any, and `first + 1` rows, to know whether another page follows. The cursor is a parameter, but a page without
 * one has no cursor test at all, and the row count is written into the statement: with
 * `$2 is null or id > $2` and `limit $3` PostgreSQL cannot estimate a generic plan well, so a
 * prepared page was planned afresh on every call: London's engagements page cost the server
 * 3.4 ms of CPU that way against 2.3 to 2.75 ms now. Page sizes are bounded (at most 100), so
 * the statements stay few.
 */
export function keysetWindow(
  page: PageRequest,
  order: { readonly descending?: boolean; readonly keyType?: "text" | "bigint" } = {},
): RawBuilder<unknown> {
  const rows = page.first + 1;
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`a page size must be a whole number, got ${page.first}`);
  const after = page.after ?? null;
  const keyType = sql.raw(order.keyType ?? "text");
  const beyond = order.descending ? sql`where id < ${after}::${keyType}` : sql`where id > ${after}::${keyType}`;
  return sql`${after === null ? sql`` : beyond}
       order by id${order.descending ? sql` desc` : sql``}
       limit ${sql.lit(rows)}`;
}

/**
 * Runs a filtered query as one keyset page in id order plus the filter's total, in a single
 * statement: the count comes from a one-row subquery so it is there even for an empty page.
 * `first + 1` rows are read to know whether another page follows. The filter is inlined into
 * both uses, not materialized: the count then reads only the index columns it needs, and the
 * page walks the primary key in id order and stops after `first + 1` rows, instead of both
 * reading every matching row with all its columns (7 -> 1.5 ms for London's 3,141 engagements).
 */
export async function keysetPage<Row extends { id: string }>(
  db: Queryable,
  filtered: Expression<Row>,
  page: PageRequest,
): Promise<Page<Row>> {
  const result = await sql<Row & { page_total: number }>`
    with filtered as not materialized (${filtered})
    select t.page_total, f.*
      from (select count(*) as page_total from filtered) t
      left join lateral (
        select * from filtered
        ${keysetWindow(page)}
      ) f on true
     order by f.id`.execute(db);
  const totalCount = Number(result.rows[0]?.page_total ?? 0);
  const rows = result.rows
    .filter((row) => row.id !== null)
    .map(({ page_total: _total, ...row }) => row as unknown as Row);
  return { rows: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount };
}
