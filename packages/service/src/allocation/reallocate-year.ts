import { type RegionPolicy, quotaHolderOf } from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import { type Database, allocatableDeliveries, lockQuotaHolderYears, regionOrganisations } from "@adviser-hub/persistence";
import { allocateAndStore } from "./allocate-year.js";

/**
 * Re-allocates every holder of one financial year with `policy` (after a change of policy for
 * the year, or to allocate rows written before allocation was stored), in the caller's
 * transaction: it takes every holder-year lock of the year first, so no delivery command of the
 * year interleaves. Returns the number of deliveries whose stored allocation changed.
 */
export async function reallocateYear(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  year: number,
): Promise<number> {
  const organisations = await regionOrganisations(trx, region);
  if (organisations.length === 0) return 0;
  await lockQuotaHolderYears(
    trx,
    region,
    organisations.map((o) => ({ holderId: quotaHolderOf(policy, o), year })),
  );
  const rows = await allocatableDeliveries(trx, region, year, null);
  return (await allocateAndStore(trx, policy, region, year, organisations, rows)).changed;
}
