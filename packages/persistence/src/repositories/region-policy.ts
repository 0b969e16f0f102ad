import { type NotFoundError, type RegionPolicy, notFound, parseRegionPolicy } from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";

export type LoadedPolicy = { ok: true; value: RegionPolicy } | { ok: false; error: NotFoundError };

/**
 * The region's policy for a financial year: the version with the greatest from_year <= year,
 * else its earliest. A stored policy the domain refuses is a bug in whoever stored it: it throws.
 */
export async function loadPolicy(
  trx: Transaction<Database>,
  regionCode: string,
  year?: number,
): Promise<LoadedPolicy> {
  const rows = await trx
    .selectFrom("region_policies")
    .select(["from_year", "policy"])
    .where("region_code", "=", regionCode)
    .orderBy("from_year")
    .execute();
  if (rows.length === 0) return { ok: false, error: notFound("region", regionCode, "regionCode") };
  let chosen = rows[0]!;
  for (const row of rows) if (year === undefined || row.from_year <= year) chosen = row;
  const parsed = parseRegionPolicy(chosen.policy);
  if (!parsed.ok) throw new Error(`stored policy of region ${regionCode} is invalid: ${parsed.error.field} ${parsed.error.message}`);
  return { ok: true, value: parsed.value };
}
