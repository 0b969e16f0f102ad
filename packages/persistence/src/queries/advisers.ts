import type { AdviserRow } from "../schema.js";
import type { Queryable } from "./queryable.js";
import { regionRowsByIds } from "./by-ids.js";

/** Every adviser of a region, by id. */
export function advisersOfRegion(db: Queryable, region: string): Promise<AdviserRow[]> {
  return db.selectFrom("advisers").selectAll().where("region_code", "=", region).orderBy("id").execute();
}

/** Advisers of one region by id, in the order asked. */
export function advisersByIds(db: Queryable, region: string, ids: readonly string[]): Promise<(AdviserRow | undefined)[]> {
  return regionRowsByIds(db, "advisers", region, ids);
}
