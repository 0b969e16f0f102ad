import type { Selectable } from "kysely";
import type { Database } from "../schema.js";
import type { Queryable } from "./queryable.js";

/** Tables whose rows are keyed by (region_code, id): every entity a DataLoader fetches by id. */
export type RegionKeyedTable = {
  [T in keyof Database]: Database[T] extends { region_code: string; id: string } ? T : never;
}[keyof Database];

/** A DataLoader's batch answer: one slot per id asked, in the order asked, undefined where none. */
export function inRequestedOrder<Row>(ids: readonly string[], rows: readonly Row[], idOf: (row: Row) => string) {
  const byId = new Map(rows.map((row) => [idOf(row), row]));
  return ids.map((id) => byId.get(id));
}

/** Rows of one region's table by id, in the order asked. One statement however many ids. */
export async function regionRowsByIds<T extends RegionKeyedTable>(
  db: Queryable,
  table: T,
  region: string,
  ids: readonly string[],
): Promise<(Selectable<Database[T]> | undefined)[]> {
  if (ids.length === 0) return [];
  // Kysely cannot narrow a generic table name; every RegionKeyedTable has both columns.
  const rows = (await db
    .selectFrom(table as "advisers")
    .selectAll()
    .where("region_code", "=", region)
    .where("id", "in", [...ids])
    .execute()) as unknown as (Selectable<Database[T]> & { id: string })[];
  return inRequestedOrder(ids, rows, (row) => row.id);
}
