import { type NotFoundError, type RegionPolicy, notFound, parseRegionPolicy } from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";

export type LoadedPolicy = { ok: true; value: RegionPolicy } | { ok: false; error: NotFoundError };

/** A region's policy versions, read in one statement. */
export interface RegionPolicies {
  /** The newest version: for what no financial year applies to (reading a days figure). */
  readonly latest: RegionPolicy;
  /** The version in force for a financial year: the greatest from_year <= year, else the earliest. */
  forYear(year: number): RegionPolicy;
}

/**
 * Every policy version of a region (one statement), each parsed by the domain once, when first
 * asked for. A stored policy the domain refuses is a bug in whoever stored it: it throws.
 */
export async function loadPolicies(
  trx: Transaction<Database>,
  regionCode: string,
): Promise<{ ok: true; value: RegionPolicies } | { ok: false; error: NotFoundError }> {
  const rows = await trx
    .selectFrom("region_policies")
    .select(["from_year", "policy"])
    .where("region_code", "=", regionCode)
    .orderBy("from_year")
    .execute();
  if (rows.length === 0) return { ok: false, error: notFound("region", regionCode, "regionCode") };
  const parsed = new Map<number, RegionPolicy>();
  const version = (row: (typeof rows)[number]): RegionPolicy => {
    const cached = parsed.get(row.from_year);
    if (cached) return cached;
    const result = parseRegionPolicy(row.policy);
    if (!result.ok)
      throw new Error(`stored policy of region ${regionCode} is invalid: ${result.error.field} ${result.error.message}`);
    parsed.set(row.from_year, result.value);
    return result.value;
  };
  const forYear = (year: number): RegionPolicy => {
    let chosen = rows[0]!;
    for (const row of rows) if (row.from_year <= year) chosen = row;
    return version(chosen);
  };
  return { ok: true, value: { latest: version(rows[rows.length - 1]!), forYear } };
}

/**
 * The region's policy for a financial year (the version with the greatest from_year <= year,
 * else its earliest), or its newest when no year is given.
 */
export async function loadPolicy(trx: Transaction<Database>, regionCode: string, year?: number): Promise<LoadedPolicy> {
  const policies = await loadPolicies(trx, regionCode);
  if (!policies.ok) return policies;
  return { ok: true, value: year === undefined ? policies.value.latest : policies.value.forYear(year) };
}
