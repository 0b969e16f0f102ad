import {
  type ForbiddenError,
  type HolderYearSummary,
  type NotFoundError,
  type Result,
  type ValidationError,
  allowanceUnits,
  quotaHolderOf,
  invalid,
  notFound,
} from "@adviser-hub/domain";
import { type Queryable, type QuotaDeliveryRow, findQuotaHolder, quotaHolderYear } from "@adviser-hub/persistence";
import { type Reader, requireReader } from "./actor.js";
import type { PolicySource } from "./policy-source.js";
import { validYear } from "./year.js";

export interface QuotaStatementArgs {
  readonly region: string;
  /** GSS code of an authority (area pooling) or an organisation id. */
  readonly holder: string;
  readonly year: number;
}

export interface QuotaStatementLine {
  /** The delivery with the allocation stored on it when it was written. */
  readonly row: QuotaDeliveryRow;
}

export interface QuotaStatement {
  readonly year: number;
  readonly unitsPerDay: number;
  readonly holderKind: "AUTHORITY" | "ORGANISATION";
  readonly holderId: string;
  readonly holderName: string;
  readonly summary: HolderYearSummary;
  readonly lines: readonly QuotaStatementLine[];
}

export type QuotaStatementResult = Result<QuotaStatement, ValidationError | NotFoundError | ForbiddenError>;

/**
 * A quota holder's allowance and charges for one financial year (rules 3 to 5), allocated by
 * the domain when each delivery was written and read here as stored. Staff may read any holder; an authority its own area
 * and its organisations. The holder must be the one the policy's pooling names.
 */
export async function quotaStatement(
  db: Queryable,
  policies: PolicySource,
  reader: Reader,
  args: QuotaStatementArgs,
): Promise<QuotaStatementResult> {
  const denied = requireReader(reader, "quotaStatement", args.region);
  if (denied) return { ok: false, error: denied };
  const year = validYear(args.year);
  if (!year.ok) return year;
  const [policy, candidate] = await Promise.all([
    policies.policyFor(args.region, year.value),
    findQuotaHolder(db, args.region, args.holder),
  ]);
  if (!candidate) return { ok: false, error: notFound("QuotaHolder", args.holder, "holder") };
  const area = candidate.kind === "AUTHORITY" ? candidate.id : candidate.homeAuthorityId;
  // Another area's holder answers exactly as an unknown one: an authority must not learn
  // which organisations exist elsewhere from the difference.
  if (reader.role === "AUTHORITY" && area !== reader.authority)
    return { ok: false, error: notFound("QuotaHolder", args.holder, "holder") };
  // The holder is whoever the domain's quotaHolderOf names under the year's pooling.
  if (candidate.kind === "AUTHORITY" && policy.quotaPooling !== "AREA")
    return invalid("holder", `${args.region} pools quota by organisation: name an organisation, not an authority`);
  const holderId = candidate.kind === "ORGANISATION" ? quotaHolderOf(policy, candidate) : candidate.id;
  if (holderId !== candidate.id)
    return invalid("holder", `${candidate.name} shares the allowance of its area: ask for holder ${holderId}`);

  // The allocation was decided by the domain when each delivery was written: read and sum it.
  const { lines, totals } = await quotaHolderYear(db, args.region, year.value, candidate.id);
  const allowance = allowanceUnits(policy, candidate.id, year.value);
  const summary: HolderYearSummary = {
    holderId: candidate.id,
    year: year.value,
    allowanceUnits: allowance,
    usedFreeUnits: totals.quotaUnits,
    remainingFreeUnits: allowance - totals.quotaUnits,
    freeUnits: totals.freeUnits,
    deliveredUnits: totals.deliveredUnits,
    chargeableUnits: totals.chargeableUnits,
    chargePence: totals.chargePence,
  };
  return {
    ok: true,
    value: {
      year: year.value,
      unitsPerDay: policy.unitsPerDay,
      holderKind: candidate.kind,
      holderId: candidate.id,
      holderName: candidate.name,
      summary,
      lines: lines.map((row) => ({ row })),
    },
  };
}
