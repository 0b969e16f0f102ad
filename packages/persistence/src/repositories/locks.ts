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

/** Several holder-years, always in the same order so two writers cannot deadlock. */
export async function lockQuotaHolderYears(
  trx: Transaction<Database>,
  region: string,
  keys: readonly { readonly holderId: string; readonly year: number }[],
): Promise<void> {
  const unique = [...new Set(keys.map((k) => `${k.holderId}\u0000${k.year}`))].sort();
  for (const k of unique) {
    const [holderId, year] = k.split("\u0000") as [string, string];
    await lockQuotaHolderYear(trx, region, holderId, Number(year));
  }
}

/** Serialises statement issue for one organisation. */
export function lockStatementOrganisation(trx: Transaction<Database>, region: string, organisationId: string) {
  return lock(trx, "statement-organisation", `${region}/${organisationId}`);
}
