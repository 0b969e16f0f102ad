import {
  type AllocationLine,
  type NegotiatedRate,
  type QuotaInput,
  type QuotaOrganisation,
  type RegionPolicy,
  allocateQuota,
  allocationLines,
} from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import { type AllocatableDelivery, type Database, type StoredAllocation, storeAllocations } from "@adviser-hub/persistence";

// Rules 3 to 5 are decided by the domain's allocateQuota, once, when a delivery is recorded,
// corrected or removed, and the result is stored on every live delivery of the holder-year it
// touches (holder, quota, free and chargeable units, day rate, charge). Reports then only sum
// those columns.

/**
 * The domain's allocation of one financial year's live deliveries of `organisations`, stored
 * on each delivery whose stored allocation changed (one UPDATE). The caller holds the
 * holder-year locks and passes the policy of the year. Returns the lines by delivery id and
 * how many deliveries changed.
 */
export async function allocateAndStore(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  year: number,
  organisations: readonly QuotaOrganisation[],
  rows: readonly AllocatableDelivery[],
): Promise<{ readonly lines: ReadonlyMap<string, AllocationLine>; readonly changed: number }> {
  const lines = allocate(policy, organisations, year, rows);
  const changed: { deliveryId: string; allocation: StoredAllocation }[] = [];
  for (const row of rows) {
    const line = lines.get(row.quota.id);
    if (!line) throw new Error(`delivery ${row.quota.id} is missing from its own allocation`);
    const next = storedOf(line);
    if (!sameAllocation(row.stored, next)) changed.push({ deliveryId: row.quota.id, allocation: next });
  }
  await storeAllocations(trx, region, changed);
  return { lines, changed: changed.length };
}

function allocate(
  policy: RegionPolicy,
  organisations: readonly QuotaOrganisation[],
  year: number,
  rows: readonly AllocatableDelivery[],
): Map<string, AllocationLine> {
  const negotiatedRates: NegotiatedRate[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.negotiatedDayRatePence === null || seen.has(r.quota.organisationId)) continue;
    seen.add(r.quota.organisationId);
    negotiatedRates.push({ organisationId: r.quota.organisationId, year, dayRatePence: r.negotiatedDayRatePence });
  }
  const input: QuotaInput = { deliveries: rows.map((r) => r.quota), organisations, negotiatedRates };
  const allocation = allocateQuota(policy, input);
  // The inputs come from the database's own constraints; an allocation refusal is a bug.
  if (!allocation.ok) throw new Error(`allocation refused stored deliveries: ${allocation.error.message}`);
  return new Map(allocationLines(input, allocation.value).map((line) => [line.deliveryId, line]));
}

function storedOf(line: AllocationLine): StoredAllocation {
  return {
    holderId: line.holderId,
    quotaUnits: line.quotaUnits,
    freeUnits: line.freeUnits,
    chargeableUnits: line.chargeableUnits,
    dayRatePence: line.dayRatePence,
    chargePence: line.chargePence,
  };
}

function sameAllocation(a: StoredAllocation, b: StoredAllocation): boolean {
  return (
    a.holderId === b.holderId &&
    a.quotaUnits === b.quotaUnits &&
    a.freeUnits === b.freeUnits &&
    a.chargeableUnits === b.chargeableUnits &&
    a.dayRatePence === b.dayRatePence &&
    a.chargePence === b.chargePence
  );
}
