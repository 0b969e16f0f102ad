import { type Expression, sql } from "kysely";
import type { Page, PageRequest, Queryable } from "./queryable.js";

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
  const after = page.after ?? null;
  const result = await sql<Row & { page_total: number }>`
    with filtered as not materialized (${filtered})
    select t.page_total, f.*
      from (select count(*) as page_total from filtered) t
      left join lateral (
        select * from filtered
         where ${after}::text is null or id > ${after}::text
         order by id
         limit ${page.first + 1}
      ) f on true
     order by f.id`.execute(db);
  const totalCount = Number(result.rows[0]?.page_total ?? 0);
  const rows = result.rows
    .filter((row) => row.id !== null)
    .map(({ page_total: _total, ...row }) => row as unknown as Row);
  return { rows: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount };
}
