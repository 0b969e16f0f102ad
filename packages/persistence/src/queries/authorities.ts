import type { AuthorityRow } from "../schema.js";
import { keysetPage } from "./keyset-page.js";
import type { Page, PageRequest, Queryable } from "./queryable.js";
import { regionRowsByIds } from "./by-ids.js";

/** One page of a region's authorities in GSS-code order, with the region's total. */
export function pageAuthorities(db: Queryable, region: string, page: PageRequest): Promise<Page<AuthorityRow>> {
  return keysetPage(db, db.selectFrom("authorities").selectAll().where("region_code", "=", region), page);
}

/** Authorities of one region by GSS code, in the order asked. */
export function authoritiesByIds(db: Queryable, region: string, ids: readonly string[]): Promise<(AuthorityRow | undefined)[]> {
  return regionRowsByIds(db, "authorities", region, ids);
}
