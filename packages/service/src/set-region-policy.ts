import {
  type ForbiddenError,
  type NotFoundError,
  type RegionPolicy,
  type Result,
  type ValidationError,
  invalid,
  notFound,
  ok,
  parseRegionPolicy,
} from "@adviser-hub/domain";
import type { Kysely, Transaction } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRoleIn } from "./actor.js";
import { reallocateYear } from "./allocation/reallocate-year.js";
import {
  type Database,
  type StoredPolicyVersion,
  deliveryYears,
  hasIssuedStatements,
  lockRegionPolicy,
  policyVersionRows,
  putPolicyVersion,
  regionName,
  withTransaction,
  writeAudit,
} from "@adviser-hub/persistence";
import { parsePolicyArgument } from "./region-policy-input.js";
import { validYear } from "./year.js";

export interface SetRegionPolicyInput {
  readonly region: string;
  /** The version applies from this financial year until the next stored version's. */
  readonly fromFinancialYear: number;
  /** The region's whole policy, as parseRegionPolicy reads it; its code and name may be left out. */
  readonly policy: unknown;
}

export interface ReallocatedYear {
  readonly year: number;
  /** Deliveries whose stored allocation (free, chargeable, rate, charge) changed. */
  readonly changedDeliveries: number;
}

export interface RegionPolicySet {
  readonly region: string;
  readonly fromFinancialYear: number;
  readonly policy: RegionPolicy;
  /** True when a version from that year was already stored and this one replaced it. */
  readonly replaced: boolean;
  /** Each year with deliveries whose policy in force changed, re-allocated in this transaction. */
  readonly reallocatedYears: readonly ReallocatedYear[];
}

export type SetRegionPolicyError = ValidationError | NotFoundError | ForbiddenError;
export type SetRegionPolicyResult = Result<RegionPolicySet, SetRegionPolicyError>;

/**
 * Adds a policy version from a financial year on, or replaces the version stored from that
 * year (REGION_ADMIN of the region, SERVICE_ADMIN). Every year with deliveries whose policy in
 * force changes is re-allocated with the new one in the same transaction, so stored
 * allocations are the domain's allocation from scratch again; issued statements stay frozen
 * and the next statement carries the difference as adjustments. While the region has
 * deliveries a change of `financialYearStart` (it would move their stored years) or of
 * `unitsPerDay` (their days are stored in its units) is refused; once it has issued statements,
 * a change of `billingPeriod` (they cover the old periods). One transaction with its audit row;
 * called with a transaction open it joins it.
 */
export async function setRegionPolicy(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: SetRegionPolicyInput,
  options?: CommandOptions,
): Promise<SetRegionPolicyResult> {
  const region = typeof input?.region === "string" ? input.region : "";
  const denied = requireRoleIn(actor, "setRegionPolicy", region);
  if (denied) return { ok: false, error: denied };
  const year = validYear(input.fromFinancialYear, "fromFinancialYear");
  if (!year.ok) return year;
  return withTransaction(db, (trx) => putPolicy(trx, actor, region, year.value, input.policy, options));
}

/** The body of setRegionPolicy in the caller's transaction, after its role check (importBankHolidays shares it). */
export async function putPolicy(
  trx: Transaction<Database>,
  actor: CommandActor,
  region: string,
  fromYear: number,
  input: unknown,
  options?: CommandOptions,
  action = "setRegionPolicy",
): Promise<SetRegionPolicyResult> {
  // Taken first: delivery commands read the policy under the shared lock, so none reads the old
  // version and stores its allocation after this change commits.
  await lockRegionPolicy(trx, region, "exclusive");
  const name = await regionName(trx, region);
  if (name === undefined) return { ok: false, error: notFound("region", region, "region") };
  const parsed = parsePolicyArgument(input, { code: region, name });
  if (!parsed.ok) return parsed;
  const policy = parsed.value;

  const before = await policyVersionRows(trx, region);
  const previous = before.find((v) => v.fromYear === fromYear);
  const years = await deliveryYears(trx, region);
  if (years.length > 0) {
    const start = (p: RegionPolicy) => `${p.financialYearStart.month}-${p.financialYearStart.day}`;
    const other = before.map((v) => start(stored(region, v))).find((s) => s !== start(policy));
    if (other !== undefined)
      return invalid(
        "policy.financialYearStart",
        `must stay ${other} (month-day) while the region has deliveries: their financial years are stored`,
      );
    // Stored days are integer units of the granularity: another granularity would change what
    // every recorded quantity means.
    const granularity = before.map((v) => stored(region, v).unitsPerDay).find((u) => u !== policy.unitsPerDay);
    if (granularity !== undefined)
      return invalid("policy.unitsPerDay", `must stay ${granularity} while the region has deliveries: their days are stored in those units`);
  }
  // Issued statements cover periods of the billing period they were issued under; another
  // kind would cut the same deliveries into other periods, and their adjustments could no
  // longer be reckoned against what was billed.
  const changedPeriod = before.map((v) => stored(region, v).billingPeriod).find((kind) => kind !== policy.billingPeriod);
  if (changedPeriod !== undefined && (await hasIssuedStatements(trx, region)))
    return invalid("policy.billingPeriod", `must stay ${changedPeriod} once the region has issued statements: they cover ${changedPeriod.toLowerCase()} periods`);
  await putPolicyVersion(trx, region, fromYear, policy);

  // A year's policy changes when another version comes into force for it, or when the version
  // in force is the one this call replaced.
  const after = [...before.filter((v) => v.fromYear !== fromYear), { fromYear, policy }].sort((a, b) => a.fromYear - b.fromYear);
  const reallocatedYears: ReallocatedYear[] = [];
  for (const y of years) {
    const now = inForce(after, y)!;
    if (inForce(before, y)?.fromYear === now.fromYear && now.fromYear !== fromYear) continue;
    const policyOfYear = now.fromYear === fromYear ? policy : stored(region, now);
    reallocatedYears.push({ year: y, changedDeliveries: await reallocateYear(trx, policyOfYear, region, y) });
  }

  const set: RegionPolicySet = { region, fromFinancialYear: fromYear, policy, replaced: previous !== undefined, reallocatedYears };
  await writeAudit(trx, { regionCode: region, userId: actor.userId }, {
    action,
    entity: "regionPolicy",
    entityId: `${region}/${fromYear}`,
    before: previous === undefined ? null : { fromFinancialYear: fromYear, policy: previous.policy as object },
    after: { fromFinancialYear: fromYear, policy, reallocatedYears },
    at: nowOf(options),
  });
  return ok(set);
}

/** The version in force for a year: the greatest fromYear <= year, else the earliest. */
function inForce<V extends { readonly fromYear: number }>(versions: readonly V[], year: number): V | undefined {
  let chosen = versions[0];
  for (const v of versions) if (v.fromYear <= year) chosen = v;
  return chosen;
}

/** A stored version, read by the domain: one it refuses is a bug in whoever stored it. */
function stored(region: string, version: StoredPolicyVersion): RegionPolicy {
  const parsed = parseRegionPolicy(version.policy);
  if (!parsed.ok) throw new Error(`stored policy of region ${region} from ${version.fromYear} is invalid: ${parsed.error.message}`);
  return parsed.value;
}
