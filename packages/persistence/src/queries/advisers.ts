import type { AdviserRow } from "../schema.js";
import type { Queryable } from "./queryable.js";

/** Every adviser of a region, by id. */
export function advisersOfRegion(db: Queryable, region: string): Promise<AdviserRow[]> {
  return db.selectFrom("advisers").selectAll().where("region_code", "=", region).orderBy("id").execute();
}

/** Advisers of one region by id, in the order asked. */
export async function advisersByIds(
  db: Queryable,
  region: string,
  ids: readonly string[],
): Promise<(AdviserRow | undefined)[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("advisers")
    .selectAll()
    .where("region_code", "=", region)
    .where("id", "in", [...ids])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id));
}
