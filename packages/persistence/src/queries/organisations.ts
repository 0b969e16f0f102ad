import type { OrganisationRow } from "../schema.js";
import type { Queryable } from "./queryable.js";
import { regionRowsByIds } from "./by-ids.js";

/** Organisations of one region by id, in the order asked. */
export function organisationsByIds(db: Queryable, region: string, ids: readonly string[]): Promise<(OrganisationRow | undefined)[]> {
  return regionRowsByIds(db, "organisations", region, ids);
}

/** Organisations whose home authority is each of the given authorities, by name. One statement. */
export async function organisationsOfAuthorities(
  db: Queryable,
  region: string,
  authorityIds: readonly string[],
): Promise<OrganisationRow[][]> {
  if (authorityIds.length === 0) return [];
  const rows = await db
    .selectFrom("organisations")
    .selectAll()
    .where("region_code", "=", region)
    .where("home_authority_id", "in", [...authorityIds])
    .orderBy("name")
    .orderBy("id")
    .execute();
  return authorityIds.map((id) => rows.filter((row) => row.home_authority_id === id));
}
