import type { OrganisationRow } from "../schema.js";
import type { Queryable } from "./queryable.js";

/** Organisations of one region by id, in the order asked. */
export async function organisationsByIds(
  db: Queryable,
  region: string,
  ids: readonly string[],
): Promise<(OrganisationRow | undefined)[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("organisations")
    .selectAll()
    .where("region_code", "=", region)
    .where("id", "in", [...ids])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id));
}
