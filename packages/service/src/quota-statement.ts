import {
  type AllocationLine,
  type ForbiddenError,
  type HolderYearSummary,
  type NegotiatedRate,
  type NotFoundError,
  type QuotaDelivery,
  type Result,
  type ValidationError,
  allocateQuota,
  allocationLines,
  allowanceUnits,
  invalid,
  notFound,
} from "@adviser-hub/domain";
import { type Queryable, type QuotaDeliveryRow, findQuotaHolder, quotaDeliveries } from "@adviser-hub/persistence";
import { type Reader, forbidden, requireReader } from "./actor.js";
import type { PolicySource } from "./policy-source.js";
import { validYear } from "./year.js";

export interface QuotaStatementArgs {
  readonly region: string;
  /** GSS code of an authority (area pooling) or an organisation id. */
  readonly holder: string;
  readonly year: number;
}

export interface QuotaStatementLine {
  readonly row: QuotaDeliveryRow;
  readonly line: AllocationLine;
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
 * the domain from the year's deliveries. Staff may read any holder; an authority its own area
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
  if (reader.role === "AUTHORITY" && area !== reader.authority)
    return { ok: false, error: forbidden("An authority token may only read its own area's quota") };
  const pooledByArea = policy.quotaPooling === "AREA";
  if (candidate.kind === "AUTHORITY" && !pooledByArea)
    return invalid("holder", `${args.region} pools quota by organisation: name an organisation, not an authority`);
  if (candidate.kind === "ORGANISATION" && pooledByArea && candidate.homeAuthorityId !== null)
    return invalid("holder", `${candidate.name} shares the allowance of its area: ask for holder ${candidate.homeAuthorityId}`);

  const rows = await quotaDeliveries(
    db,
    args.region,
    year.value,
    candidate.kind === "AUTHORITY" ? { areaAuthorityId: candidate.id } : { organisationId: candidate.id },
  );
  const deliveries: QuotaDelivery[] = rows.map((row) => ({
    id: row.id,
    date: row.date,
    recordedSeq: row.recordedSeq,
    units: row.units,
    organisationId: row.organisationId,
    strand: row.strand,
    agreedDayRatePence: row.agreedDayRatePence,
  }));
  const organisations = [...new Map(rows.map((row) => [row.organisationId, row.homeAuthorityId])).entries()].map(
    ([id, homeAuthorityId]) => ({ id, homeAuthorityId }),
  );
  const negotiatedRates: NegotiatedRate[] = [];
  for (const row of rows) {
    if (row.negotiatedDayRatePence !== null && !negotiatedRates.some((r) => r.organisationId === row.organisationId)) {
      negotiatedRates.push({ organisationId: row.organisationId, year: year.value, dayRatePence: row.negotiatedDayRatePence });
    }
  }
  const input = { deliveries, organisations, negotiatedRates };
  const allocation = allocateQuota(policy, input);
  // The rows come from the database with every organisation they name: a failure is a bug.
  if (!allocation.ok) throw new Error(`Allocation failed: ${allocation.error.message}`);
  const lines = allocationLines(input, allocation.value);
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const allowance = allowanceUnits(policy, candidate.id, year.value);
  const summary = allocation.value.holderYears.find((s) => s.holderId === candidate.id && s.year === year.value) ?? {
    holderId: candidate.id,
    year: year.value,
    allowanceUnits: allowance,
    usedFreeUnits: 0,
    remainingFreeUnits: allowance,
    freeUnits: 0,
    deliveredUnits: 0,
    chargeableUnits: 0,
    chargePence: 0,
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
      lines: lines.map((line) => ({ row: rowById.get(line.deliveryId)!, line })),
    },
  };
}
