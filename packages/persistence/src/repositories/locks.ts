import { type Transaction, sql } from "kysely";
import type { Database } from "../schema.js";

// Transaction-scoped advisory locks for rules a constraint cannot express (a sum over rows).
// Each lock is a (namespace, key) pair of hashes so different kinds of lock never collide on
// purpose; a hash collision only makes two unrelated writers wait for each other.

async function lock(trx: Transaction<Database>, namespace: string, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${namespace}), hashtext(${key}))`.execute(trx);
}

/** Serialises confirmed bookings of one adviser in one week. */
export function lockAdviserWeek(trx: Transaction<Database>, region: string, adviserId: string, weekStart: string) {
  return lock(trx, "adviser-week", `${region}/${adviserId}/${weekStart}`);
}

/** Serialises deliveries drawing on one quota holder's allowance in one financial year. */
export function lockQuotaHolderYear(trx: Transaction<Database>, region: string, holderId: string, year: number) {
  return lock(trx, "quota-holder-year", `${region}/${holderId}/${year}`);
}

/**
 * Several holder-years in one statement, always in the same order (holder, then year) so two
 * writers cannot deadlock: a correction across years and a re-allocation of a whole year alike.
 */
export async function lockQuotaHolderYears(
  trx: Transaction<Database>,
  region: string,
  keys: readonly { readonly holderId: string; readonly year: number }[],
): Promise<void> {
  const unique = [...new Set(keys.map((k) => `${k.holderId}\u0000${k.year}`))].sort();
  if (unique.length === 0) return;
  const lockKeys = unique.map((k) => {
    const [holderId, year] = k.split("\u0000") as [string, string];
    return `${region}/${holderId}/${year}`;
  });
  // The same (namespace, key) pair as lockQuotaHolderYear; unnest yields the keys in order.
  await sql`select pg_advisory_xact_lock(hashtext('quota-holder-year'), hashtext(k))
              from unnest(${sql.val(lockKeys)}::text[]) with ordinality as u(k, n) order by n`.execute(trx);
}

/** Serialises statement issue for one organisation. */
export function lockStatementOrganisation(trx: Transaction<Database>, region: string, organisationId: string) {
  return lock(trx, "statement-organisation", `${region}/${organisationId}`);
}

/**
 * Orders a region's policy changes against the commands that decide with its policy. A command
 * that stores what a policy decides (a delivery's allocation) takes it shared, in a statement of
 * its own before it reads the policy, so it reads the policy only once no change is under way;
 * a policy change takes it exclusive, so it waits for those commands and they for it.
 */
export async function lockRegionPolicy(
  trx: Transaction<Database>,
  region: string,
  mode: "shared" | "exclusive",
): Promise<void> {
  if (mode === "shared") await sql`select pg_advisory_xact_lock_shared(hashtext('region-policy'), hashtext(${region}))`.execute(trx);
  else await sql`select pg_advisory_xact_lock(hashtext('region-policy'), hashtext(${region}))`.execute(trx);
}
