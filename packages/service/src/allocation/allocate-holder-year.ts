import { type RegionPolicy, quotaHolderOf } from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import {
  type Database,
  type DeliveryAllocation,
  allocatableDeliveries,
  organisationsNamingHolder,
} from "@adviser-hub/persistence";
import { allocateAndStore } from "./allocate-year.js";

/**
 * Allocates one holder-year from scratch with the domain and stores the result on every live
 * delivery of it whose stored allocation changed. The caller holds the holder-year's lock
 * (lockQuotaHolderYear) and passes the policy of the year. Returns how each live delivery came
 * out, by id.
 */
export async function allocateHolderYear(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  holderId: string,
  year: number,
): Promise<Map<string, DeliveryAllocation>> {
  // The policy's pooling decides which of the organisations naming the holder share its allowance.
  const organisations = (await organisationsNamingHolder(trx, region, holderId)).filter(
    (o) => quotaHolderOf(policy, o) === holderId,
  );
  if (organisations.length === 0) return new Map();
  const rows = await allocatableDeliveries(
    trx,
    region,
    year,
    organisations.map((o) => o.id),
  );
  const { lines } = await allocateAndStore(trx, policy, region, year, organisations, rows);
  const out = new Map<string, DeliveryAllocation>();
  for (const line of lines.values())
    out.set(line.deliveryId, {
      holderId: line.holderId,
      financialYear: line.financialYear,
      freeUnits: line.freeUnits,
      chargeableUnits: line.chargeableUnits,
      dayRatePence: line.dayRatePence,
      chargePence: line.chargePence,
    });
  return out;
}
