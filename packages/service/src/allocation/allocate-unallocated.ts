import type { Kysely } from "kysely";
import { type Database, loadPolicy, unallocatedRegionYears } from "@adviser-hub/persistence";
import { reallocateYear } from "./reallocate-year.js";

/**
 * The backfill: allocates, with the domain and each year's policy, every region-year that has a
 * live delivery without a stored allocation (rows written before the columns existed, or
 * written in bulk by the seed). One transaction per region-year; idempotent (a second run finds
 * nothing). `pnpm db:migrate` (the service's migrate command), `pnpm start` and the seed run it
 * after migrating.
 */
export async function allocateUnallocated(db: Kysely<Database>): Promise<number> {
  let changed = 0;
  for (const { region, year } of await unallocatedRegionYears(db)) {
    changed += await db.transaction().execute(async (trx) => {
      const policy = await loadPolicy(trx, region, year);
      if (!policy.ok) throw new Error(`deliveries of region ${region} have no policy to allocate them with`);
      return reallocateYear(trx, policy.value, region, year);
    });
  }
  return changed;
}
