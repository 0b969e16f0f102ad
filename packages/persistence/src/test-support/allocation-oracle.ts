import {
  type AllocationLine,
  type QuotaDelivery,
  type RegionPolicy,
  allocateQuota,
  allocationLines,
  parseRegionPolicy,
} from "@adviser-hub/domain";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

// The reference the stored allocation is tested against: the domain's allocateQuota run from
// scratch over every live delivery of a region, year by year with that year's policy, read
// with queries of its own (not the write path's).

export interface StoredLine {
  readonly deliveryId: string;
  readonly holderId: string | null;
  readonly quotaUnits: number | null;
  readonly freeUnits: number | null;
  readonly chargeableUnits: number | null;
  readonly dayRatePence: number | null;
  readonly chargePence: number | null;
}

/** The policy of a financial year: the version with the greatest from_year <= year, else the earliest. */
export async function policyOfYear(db: Kysely<Database>, region: string, year: number): Promise<RegionPolicy> {
  const rows = await db.selectFrom("region_policies").select(["from_year", "policy"]).where("region_code", "=", region).orderBy("from_year").execute();
  let chosen = rows[0];
  for (const row of rows) if (row.from_year <= year) chosen = row;
  if (!chosen) throw new Error(`region ${region} has no policy`);
  const parsed = parseRegionPolicy(chosen.policy);
  if (!parsed.ok) throw new Error(`stored policy of ${region} is invalid`);
  return parsed.value;
}

/** allocateQuota from scratch over the region's live deliveries, as lines by delivery id. */
export async function allocationFromScratch(db: Kysely<Database>, region: string): Promise<Map<string, AllocationLine>> {
  const rows = await db
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
    .select(["d.id", "d.delivered_on", "d.recorded_seq", "d.units", "d.financial_year", "e.organisation_id", "e.strand", "e.agreed_rate_pence"])
    .where("d.region_code", "=", region)
    .where("d.removed_at", "is", null)
    .execute();
  const organisations = (
    await db.selectFrom("organisations").select(["id", "home_authority_id"]).where("region_code", "=", region).execute()
  ).map((o) => ({ id: o.id, homeAuthorityId: o.home_authority_id }));
  const negotiatedRates = (
    await db.selectFrom("organisation_rates").select(["organisation_id", "financial_year", "day_rate_pence"]).where("region_code", "=", region).execute()
  ).map((r) => ({ organisationId: r.organisation_id, year: r.financial_year, dayRatePence: r.day_rate_pence }));
  const out = new Map<string, AllocationLine>();
  for (const year of new Set(rows.map((r) => r.financial_year))) {
    const policy = await policyOfYear(db, region, year);
    const deliveries: QuotaDelivery[] = rows
      .filter((r) => r.financial_year === year)
      .map((r) => ({
        id: r.id,
        date: r.delivered_on,
        recordedSeq: r.recorded_seq,
        units: r.units,
        organisationId: r.organisation_id,
        strand: r.strand,
        agreedDayRatePence: r.agreed_rate_pence,
      }));
    const input = { deliveries, organisations, negotiatedRates };
    const allocation = allocateQuota(policy, input);
    if (!allocation.ok) throw new Error(`allocation refused: ${allocation.error.message}`);
    for (const line of allocationLines(input, allocation.value)) out.set(line.deliveryId, line);
  }
  return out;
}

/** What is stored on every delivery of the region (live and removed), by id. */
export async function storedAllocation(db: Kysely<Database>, region: string): Promise<Map<string, StoredLine & { readonly removed: boolean }>> {
  const rows = await db
    .selectFrom("deliveries")
    .select(["id", "removed_at", "holder_id", "quota_units", "free_units", "chargeable_units", "day_rate_pence", "charge_pence"])
    .where("region_code", "=", region)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        deliveryId: r.id,
        removed: r.removed_at !== null,
        holderId: r.holder_id,
        quotaUnits: r.quota_units,
        freeUnits: r.free_units,
        chargeableUnits: r.chargeable_units,
        dayRatePence: r.day_rate_pence,
        chargePence: r.charge_pence,
      },
    ]),
  );
}

/** A from-scratch line in the stored columns' shape. */
export function asStored(line: AllocationLine): StoredLine {
  return {
    deliveryId: line.deliveryId,
    holderId: line.holderId,
    quotaUnits: line.quotaUnits,
    freeUnits: line.freeUnits,
    chargeableUnits: line.chargeableUnits,
    dayRatePence: line.dayRatePence,
    chargePence: line.chargePence,
  };
}

/**
 * Stored and from-scratch allocation side by side, sorted by id: equal when every live delivery
 * stores exactly what the domain decides now, and every removed one stores nothing.
 */
export async function compareWithScratch(db: Kysely<Database>, region: string) {
  const scratch = await allocationFromScratch(db, region);
  const stored = await storedAllocation(db, region);
  const ids = [...stored.keys()].sort();
  const empty = { holderId: null, quotaUnits: null, freeUnits: null, chargeableUnits: null, dayRatePence: null, chargePence: null };
  const expected = ids.map((id) => {
    const line = scratch.get(id);
    return line ? asStored(line) : { deliveryId: id, ...empty };
  });
  const actual = ids.map((id) => {
    const { removed: _removed, ...line } = stored.get(id)!;
    return line;
  });
  return { expected, actual, scratch };
}
