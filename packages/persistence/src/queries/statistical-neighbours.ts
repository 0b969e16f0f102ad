import type { AuthorityRow } from "../schema.js";
import type { Queryable } from "./queryable.js";

/**
 * Each authority's statistical neighbours (as published, nearest first) with the neighbours'
 * own rows, for many authorities in one statement: a DataLoader's batch, in the order asked.
 */
export async function statisticalNeighboursOf(
  db: Queryable,
  region: string,
  authorityIds: readonly string[],
): Promise<AuthorityRow[][]> {
  if (authorityIds.length === 0) return [];
  const rows = await db
    .selectFrom("statistical_neighbours as n")
    .innerJoin("authorities as a", (j) => j.onRef("a.region_code", "=", "n.region_code").onRef("a.id", "=", "n.neighbour_id"))
    .selectAll("a")
    .select("n.authority_id as of_authority")
    .where("n.region_code", "=", region)
    .where("n.authority_id", "in", [...authorityIds])
    .orderBy("n.authority_id")
    .orderBy("n.rank")
    .execute();
  const byAuthority = new Map<string, AuthorityRow[]>();
  for (const { of_authority, ...authority } of rows) {
    const list = byAuthority.get(of_authority);
    if (list) list.push(authority);
    else byAuthority.set(of_authority, [authority]);
  }
  return authorityIds.map((id) => byAuthority.get(id) ?? []);
}
