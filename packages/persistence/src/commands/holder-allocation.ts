import { type RegionPolicy, allocateQuota, allocationLines } from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";
import type { DeliveryAllocation } from "./delivery-record.js";
import { quotaInputForHolder } from "./quota-inputs.js";

/** Allocates one holder-year from scratch and returns how each delivery came out, by id. */
export async function allocateHolderYear(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  holderId: string,
  year: number,
): Promise<Map<string, DeliveryAllocation>> {
  const quota = await quotaInputForHolder(trx, policy, region, holderId, { year });
  const allocation = allocateQuota(policy, quota);
  if (!allocation.ok) throw new Error(`allocation refused stored deliveries: ${allocation.error.message}`);
  const out = new Map<string, DeliveryAllocation>();
  for (const line of allocationLines(quota, allocation.value)) {
    out.set(line.deliveryId, {
      holderId: line.holderId,
      financialYear: line.financialYear,
      freeUnits: line.freeUnits,
      chargeableUnits: line.chargeableUnits,
      dayRatePence: line.dayRatePence,
      chargePence: line.chargePence,
    });
  }
  return out;
}
