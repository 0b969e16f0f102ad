import {
  type AllocationLine,
  type NegotiatedRate,
  type QuotaDelivery,
  type QuotaInput,
  type QuotaOrganisation,
  type RegionPolicy,
  type Strand,
  allocateQuota,
  allocationLines,
  quotaHolderOf,
} from "@adviser-hub/domain";
import { type Kysely, type Transaction, sql } from "kysely";
import type { Database } from "../schema.js";
import type { DeliveryAllocation } from "./delivery-record.js";
import { holderOrganisations } from "./quota-inputs.js";
import { loadPolicy } from "../repositories/region-policy.js";

// Rules 3 to 5 are decided by the domain's allocateQuota, once, when a delivery is recorded,
// corrected or removed, and the result is stored on every live delivery of the holder-year it
// touches (holder, quota, free and chargeable units, day rate, charge). Reports then only sum
// those columns. A removed delivery keeps no allocation: its columns are cleared, because it
// draws nothing from the allowance and owes nothing; what was billed for it stays frozen in
// the issued statement lines and its history in the audit log. The database holds that too
// (deliveries_removed_unallocated).

/**
 * The columns of a delivery with no allocation: a write that changes what allocation reads
 * (date, units) or removes the delivery sets these in the same UPDATE, so the allocation
 * checks hold at every statement, and allocateHolderYear stores the new allocation after it.
 */
export const UNALLOCATED = {
  holder_id: null,
  quota_units: null,
  free_units: null,
  chargeable_units: null,
  day_rate_pence: null,
  charge_pence: null,
} as const;

/** One delivery of a holder-year as stored: what allocation needs, and what it stored last. */
interface StoredDelivery {
  readonly id: string;
  readonly quota: QuotaDelivery;
  readonly negotiatedDayRatePence: number | null;
  readonly stored: StoredAllocation;
}

interface StoredAllocation {
  readonly holderId: string | null;
  readonly quotaUnits: number | null;
  readonly freeUnits: number | null;
  readonly chargeableUnits: number | null;
  readonly dayRatePence: number | null;
  readonly chargePence: number | null;
}

/**
 * Allocates one holder-year from scratch with the domain and stores the result on every live
 * delivery of it whose stored allocation changed, in one UPDATE. The caller holds the holder-year's lock (lockQuotaHolderYear) and passes
 * the policy of the year. Returns how each live delivery came out, by id.
 */
export async function allocateHolderYear(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  holderId: string,
  year: number,
): Promise<Map<string, DeliveryAllocation>> {
  const organisations = await holderOrganisations(trx, policy, region, holderId);
  if (organisations.length === 0) return new Map();
  const rows = await storedDeliveries(trx, region, year, organisations.map((o) => o.id));
  const lines = allocate(policy, organisations, year, rows);
  await storeChanged(trx, region, rows, lines);
  const out = new Map<string, DeliveryAllocation>();
  for (const line of lines.values()) out.set(line.deliveryId, toDeliveryAllocation(line));
  return out;
}

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
  const organisationRows = await trx
    .selectFrom("organisations")
    .select(["id", "home_authority_id"])
    .where("region_code", "=", region)
    .orderBy("id")
    .execute();
  const organisations: QuotaOrganisation[] = organisationRows.map((r) => ({ id: r.id, homeAuthorityId: r.home_authority_id }));
  if (organisations.length === 0) return 0;
  await lockHolderYears(
    trx,
    region,
    organisations.map((o) => quotaHolderOf(policy, o)),
    year,
  );
  const rows = await storedDeliveries(trx, region, year, null);
  const lines = allocate(policy, organisations, year, rows);
  return storeChanged(trx, region, rows, lines);
}

/**
 * The backfill: allocates, with the domain and each year's policy, every region-year that has a
 * live delivery without a stored allocation (rows written before the columns existed, or
 * written in bulk by the seed). One transaction per region-year; idempotent (a second run finds
 * nothing). `pnpm db:migrate`, `pnpm start` and the seed run it after migrating.
 */
export async function allocateUnallocated(db: Kysely<Database>): Promise<number> {
  const pending = await db
    .selectFrom("deliveries")
    .select(["region_code", "financial_year"])
    .where("holder_id", "is", null)
    .where("removed_at", "is", null)
    .groupBy(["region_code", "financial_year"])
    .orderBy("region_code")
    .orderBy("financial_year")
    .execute();
  let changed = 0;
  for (const { region_code: region, financial_year: year } of pending) {
    changed += await db.transaction().execute(async (trx) => {
      const policy = await loadPolicy(trx, region, year);
      if (!policy.ok) throw new Error(`deliveries of region ${region} have no policy to allocate them with`);
      return reallocateYear(trx, policy.value, region, year);
    });
  }
  return changed;
}

/**
 * The live deliveries of one financial year (of some organisations, or all) with their quota
 * inputs and stored allocation, and the organisation's negotiated rate for the year (one
 * statement).
 */
async function storedDeliveries(
  trx: Transaction<Database>,
  region: string,
  year: number,
  organisationIds: readonly string[] | null,
): Promise<StoredDelivery[]> {
  let query = trx
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
    .leftJoin("organisation_rates as r", (j) =>
      j
        .onRef("r.region_code", "=", "e.region_code")
        .onRef("r.organisation_id", "=", "e.organisation_id")
        .onRef("r.financial_year", "=", "d.financial_year"),
    )
    .select([
      "d.id",
      "d.delivered_on",
      "d.recorded_seq",
      "d.units",
      "d.holder_id",
      "d.quota_units",
      "d.free_units",
      "d.chargeable_units",
      "d.day_rate_pence",
      "d.charge_pence",
      "e.organisation_id",
      "e.strand",
      "e.agreed_rate_pence",
      "r.day_rate_pence as negotiated_rate_pence",
    ])
    .where("d.region_code", "=", region)
    .where("d.financial_year", "=", year)
    .where("d.removed_at", "is", null);
  if (organisationIds) query = query.where("e.organisation_id", "in", [...organisationIds]);
  const rows = await query.orderBy("d.delivered_on").orderBy("d.recorded_seq").execute();
  return rows.map((r) => ({
    id: r.id,
    quota: {
      id: r.id,
      date: r.delivered_on,
      recordedSeq: r.recorded_seq,
      units: r.units,
      organisationId: r.organisation_id,
      strand: r.strand as Strand,
      agreedDayRatePence: r.agreed_rate_pence,
    },
    negotiatedDayRatePence: r.negotiated_rate_pence,
    stored: {
      holderId: r.holder_id,
      quotaUnits: r.quota_units,
      freeUnits: r.free_units,
      chargeableUnits: r.chargeable_units,
      dayRatePence: r.day_rate_pence,
      chargePence: r.charge_pence,
    },
  }));
}

/** The domain's allocation of the rows, by delivery id. */
function allocate(
  policy: RegionPolicy,
  organisations: readonly QuotaOrganisation[],
  year: number,
  rows: readonly StoredDelivery[],
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

const VALUES_PER_STATEMENT = 5_000;

/** Writes every row whose stored allocation differs from its line. */
async function storeChanged(
  trx: Transaction<Database>,
  region: string,
  rows: readonly StoredDelivery[],
  lines: ReadonlyMap<string, AllocationLine>,
): Promise<number> {
  const changed: { id: string; next: StoredAllocation }[] = [];
  for (const row of rows) {
    const line = lines.get(row.id);
    if (!line) throw new Error(`delivery ${row.id} is missing from its own allocation`);
    const next = toStored(line);
    if (!sameAllocation(row.stored, next)) changed.push({ id: row.id, next });
  }
  // One statement for a holder-year; a whole year of a large region is cut below the
  // protocol's 65,535 parameters per statement.
  for (let i = 0; i < changed.length; i += VALUES_PER_STATEMENT) {
    const values = changed
      .slice(i, i + VALUES_PER_STATEMENT)
      .map(
        ({ id, next }) =>
          sql`(${id}, ${next.holderId}, ${next.quotaUnits}, ${next.freeUnits}, ${next.chargeableUnits}, ${next.dayRatePence}, ${next.chargePence})`,
      );
    await sql`
      update deliveries as d
         set holder_id = v.holder_id::text,
             quota_units = v.quota_units::integer,
             free_units = v.free_units::integer,
             chargeable_units = v.chargeable_units::integer,
             day_rate_pence = v.day_rate_pence::bigint,
             charge_pence = v.charge_pence::bigint
        from (values ${sql.join(values)}) as v(id, holder_id, quota_units, free_units, chargeable_units, day_rate_pence, charge_pence)
       where d.region_code = ${region} and d.id = v.id::text`.execute(trx);
  }
  return changed.length;
}

/** Every holder-year lock of a year, in one statement, in the order lockQuotaHolderYears takes them. */
async function lockHolderYears(
  trx: Transaction<Database>,
  region: string,
  holderIds: readonly string[],
  year: number,
): Promise<void> {
  const keys = [...new Set(holderIds)]
    .map((holderId) => ({ holderId, sortKey: `${holderId}\u0000${year}` }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map((k) => `${region}/${k.holderId}/${year}`);
  // The same (namespace, key) pair as lockQuotaHolderYear; unnest yields the keys in order.
  await sql`select pg_advisory_xact_lock(hashtext('quota-holder-year'), hashtext(k))
              from unnest(${sql.val(keys)}::text[]) with ordinality as u(k, n) order by n`.execute(trx);
}

function toStored(line: AllocationLine): StoredAllocation {
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

function toDeliveryAllocation(line: AllocationLine): DeliveryAllocation {
  return {
    holderId: line.holderId,
    financialYear: line.financialYear,
    freeUnits: line.freeUnits,
    chargeableUnits: line.chargeableUnits,
    dayRatePence: line.dayRatePence,
    chargePence: line.chargePence,
  };
}
