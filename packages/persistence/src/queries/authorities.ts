import type { AuthorityRow } from "../schema.js";
import { keysetPage } from "./keyset-page.js";
import type { Page, PageRequest, Queryable } from "./queryable.js";

/** One page of a region's authorities in GSS-code order, with the region's total. */
export function pageAuthorities(db: Queryable, region: string, page: PageRequest): Promise<Page<AuthorityRow>> {
  return keysetPage(db, db.selectFrom("authorities").selectAll().where("region_code", "=", region), page);
}

/** Authorities of one region by GSS code, in the order asked. */
export async function authoritiesByIds(
  db: Queryable,
  region: string,
  ids: readonly string[],
): Promise<(AuthorityRow | undefined)[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("authorities")
    .selectAll()
    .where("region_code", "=", region)
    .where("id", "in", [...ids])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id));
}
