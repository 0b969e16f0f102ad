import type { Transaction } from "kysely";
import type { Database } from "../schema.js";

/** One stored policy version of a region, unvalidated (the domain's parseRegionPolicy reads it). */
export interface StoredPolicyVersion {
  readonly fromYear: number;
  readonly policy: unknown;
}

/** A region's name; undefined when no region has that code. */
export async function regionName(trx: Transaction<Database>, code: string): Promise<string | undefined> {
  const row = await trx.selectFrom("regions").select("name").where("region_code", "=", code).executeTakeFirst();
  return row?.name;
}

/** A new region with its first policy version, in two statements of the caller's transaction. */
export async function insertRegion(
  trx: Transaction<Database>,
  region: { readonly code: string; readonly name: string; readonly fromYear: number; readonly policy: object },
): Promise<void> {
  await trx.insertInto("regions").values({ region_code: region.code, name: region.name }).execute();
  await trx
    .insertInto("region_policies")
    .values({ region_code: region.code, from_year: region.fromYear, policy: JSON.stringify(region.policy) })
    .execute();
}

/** Every policy version of a region, oldest first. */
export async function policyVersionRows(trx: Transaction<Database>, region: string): Promise<StoredPolicyVersion[]> {
  const rows = await trx
    .selectFrom("region_policies")
    .select(["from_year", "policy"])
    .where("region_code", "=", region)
    .orderBy("from_year")
    .execute();
  return rows.map((row) => ({ fromYear: row.from_year, policy: row.policy }));
}

/** Adds the version from `fromYear`, or replaces the one already stored from that year. */
export async function putPolicyVersion(
  trx: Transaction<Database>,
  region: string,
  fromYear: number,
  policy: object,
): Promise<void> {
  const json = JSON.stringify(policy);
  await trx
    .insertInto("region_policies")
    .values({ region_code: region, from_year: fromYear, policy: json })
    .onConflict((oc) => oc.columns(["region_code", "from_year"]).doUpdateSet({ policy: json }))
    .execute();
}

/** Whether any statement of the region has been issued. */
export async function hasIssuedStatements(trx: Transaction<Database>, region: string): Promise<boolean> {
  const row = await trx.selectFrom("statements").select("region_code").where("region_code", "=", region).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The financial years in which the region has live deliveries, ascending. */
export async function deliveryYears(trx: Transaction<Database>, region: string): Promise<number[]> {
  const rows = await trx
    .selectFrom("deliveries")
    .select("financial_year")
    .distinct()
    .where("region_code", "=", region)
    .where("removed_at", "is", null)
    .orderBy("financial_year")
    .execute();
  return rows.map((row) => row.financial_year);
}

