import {
  type AllocationLine,
  type RegionPolicy,
  type Statement,
  type StatementAdjustment,
  type StatementInput,
  type StatementLine,
  billingPeriodOf,
} from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";

// Reads an organisation's billing history into the domain's shapes and writes an issued
// statement: its charge lines, its adjustment lines and one adjustment row per corrected period.
// Shared by the service's issueStatement, which drafts it with the domain, and the seed, which
// replays the pilot's statements.

/** The organisation's issued statements, oldest first, as the domain sees them. */
export async function issuedStatements(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  organisationId: string,
): Promise<Statement[]> {
  const db = trx;
  const statements = await db
    .selectFrom("statements")
    .selectAll()
    .where("region_code", "=", region)
    .where("organisation_id", "=", organisationId)
    .where("issued_at", "is not", null)
    .orderBy("period_start")
    .execute();
  if (statements.length === 0) return [];
  const ids = statements.map((s) => s.id);
  const lines = await db
    .selectFrom("statement_lines as l")
    .leftJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "l.region_code").onRef("e.id", "=", "l.engagement_id"))
    .select([
      "l.statement_id",
      "l.line_no",
      "l.delivery_id",
      "l.delivered_on",
      "l.units",
      "l.free_units",
      "l.charged_units",
      "l.rate_pence",
      "l.amount_pence",
      "e.strand",
    ])
    .where("l.region_code", "=", region)
    .where("l.statement_id", "in", ids)
    .where("l.kind", "=", "CHARGE")
    .orderBy("l.statement_id")
    .orderBy("l.line_no")
    .execute();
  const adjustments = await db
    .selectFrom("adjustments")
    .selectAll()
    .where("region_code", "=", region)
    .where("applied_statement_id", "in", ids)
    .orderBy("period_start")
    .orderBy("id")
    .execute();
  return statements.map((s) => {
    const period = billingPeriodOf(policy, s.period_start);
    const own: StatementLine[] = lines
      .filter((l) => l.statement_id === s.id)
      .map((l) => ({
        deliveryId: l.delivery_id ?? "",
        date: l.delivered_on ?? s.period_start,
        strand: l.strand ?? "PROJECT_SUPPORT",
        units: l.units,
        freeUnits: l.free_units,
        chargeableUnits: l.charged_units,
        dayRatePence: l.rate_pence,
        chargePence: l.amount_pence,
      }));
    const carried: StatementAdjustment[] = adjustments
      .filter((a) => a.applied_statement_id === s.id)
      .map((a) => {
        const start = a.period_start ?? s.period_start;
        return {
          periodKey: billingPeriodOf(policy, start).key,
          periodStart: start,
          periodEnd: a.period_end ?? billingPeriodOf(policy, start).end,
          billedPence: a.billed_pence ?? 0,
          recomputedPence: a.recomputed_pence ?? a.amount_pence,
          amountPence: a.amount_pence,
        };
      });
    const chargesPence = own.reduce((sum, l) => sum + l.chargePence, 0);
    const adjustmentsPence = carried.reduce((sum, a) => sum + a.amountPence, 0);
    return {
      regionCode: region,
      organisationId,
      period: { ...period, start: s.period_start, end: s.period_end },
      lines: own,
      adjustments: carried,
      chargesPence,
      adjustmentsPence,
      totalPence: s.total_pence,
      id: s.id,
      issuedAt: (s.issued_at as Date).getTime(),
      issuedBy: s.issued_by ?? "unknown",
    };
  });
}

/**
 * What the domain needs to draft a statement for an organisation (all periods): the allocation
 * stored on its live deliveries at write time, and its issued statements.
 */
export async function statementInput(
  trx: Transaction<Database>,
  policy: RegionPolicy,
  region: string,
  organisationId: string,
): Promise<Omit<StatementInput, "period">> {
  const lines = await storedLines(trx, region, organisationId);
  const issued = await issuedStatements(trx, policy, region, organisationId);
  return { organisationId, lines, issued };
}

/** The organisation's live deliveries with their stored allocation, in allocation order. */
async function storedLines(trx: Transaction<Database>, region: string, organisationId: string): Promise<AllocationLine[]> {
  const rows = await trx
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
    .select([
      "d.id",
      "d.delivered_on",
      "d.recorded_seq",
      "d.financial_year",
      "d.units",
      "d.holder_id",
      "d.quota_units",
      "d.free_units",
      "d.chargeable_units",
      "d.day_rate_pence",
      "d.charge_pence",
      "e.strand",
    ])
    .where("d.region_code", "=", region)
    .where("e.organisation_id", "=", organisationId)
    .where("d.removed_at", "is", null)
    .orderBy("d.delivered_on")
    .orderBy("d.recorded_seq")
    .execute();
  return rows.map((r) => {
    if (
      r.holder_id === null ||
      r.quota_units === null ||
      r.free_units === null ||
      r.chargeable_units === null ||
      r.day_rate_pence === null ||
      r.charge_pence === null
    )
      throw new Error(`delivery ${r.id} has no stored allocation: run the service's allocateUnallocated`);
    return {
      deliveryId: r.id,
      organisationId,
      holderId: r.holder_id,
      strand: r.strand,
      date: r.delivered_on,
      recordedSeq: r.recorded_seq,
      financialYear: r.financial_year,
      units: r.units,
      quotaUnits: r.quota_units,
      freeUnits: r.free_units,
      chargeableUnits: r.chargeable_units,
      dayRatePence: r.day_rate_pence,
      chargePence: r.charge_pence,
    };
  });
}

/**
 * Writes an issued statement with its charge lines, its adjustment lines and one adjustment row
 * per corrected period. ON CONFLICT DO NOTHING lets the seed replay it; the issue command holds
 * the organisation's lock and has checked the period is free, so for it nothing conflicts.
 */
export async function insertIssuedStatement(
  trx: Transaction<Database>,
  region: string,
  statement: Statement,
  refs: {
    /** The issued statement of each period start, for adjustments that correct one. */
    readonly againstStatementId: ReadonlyMap<string, string>;
    readonly adjustmentId: (n: number) => string;
    readonly engagementOf: ReadonlyMap<string, string>;
  },
): Promise<void> {
  const db = trx;
  const issuedAt = new Date(statement.issuedAt);
  await db
    .insertInto("statements")
    .values({
      region_code: region,
      id: statement.id,
      organisation_id: statement.organisationId,
      period_start: statement.period.start,
      period_end: statement.period.end,
      issued_at: issuedAt,
      issued_by: statement.issuedBy,
      total_pence: statement.totalPence,
      created_at: issuedAt,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();

  const adjustmentRows = statement.adjustments.map((a, n) => ({
    region_code: region,
    id: refs.adjustmentId(n),
    organisation_id: statement.organisationId,
    against_statement_id: refs.againstStatementId.get(a.periodStart) ?? null,
    delivery_id: null,
    units_delta: 0,
    amount_pence: a.amountPence,
    reason: `period ${a.periodKey} recomputed at ${a.recomputedPence} pence against ${a.billedPence} billed`,
    created_at: issuedAt,
    applied_statement_id: statement.id,
    period_start: a.periodStart,
    period_end: a.periodEnd,
    billed_pence: a.billedPence,
    recomputed_pence: a.recomputedPence,
  }));
  if (adjustmentRows.length > 0)
    await db.insertInto("adjustments").values(adjustmentRows).onConflict((oc) => oc.doNothing()).execute();

  const lineRows = [
    ...statement.lines.map((l, i) => ({
      region_code: region,
      statement_id: statement.id,
      line_no: i + 1,
      kind: "CHARGE" as const,
      engagement_id: refs.engagementOf.get(l.deliveryId) ?? null,
      delivery_id: l.deliveryId,
      adjustment_id: null,
      description: `${l.strand} on ${l.date}`,
      delivered_on: l.date,
      units: l.units,
      free_units: l.freeUnits,
      charged_units: l.chargeableUnits,
      rate_pence: l.dayRatePence,
      amount_pence: l.chargePence,
    })),
    ...statement.adjustments.map((a, n) => ({
      region_code: region,
      statement_id: statement.id,
      line_no: statement.lines.length + n + 1,
      kind: "ADJUSTMENT" as const,
      engagement_id: null,
      delivery_id: null,
      adjustment_id: adjustmentRows[n]!.id,
      description: `adjustment for ${a.periodKey}: recomputed ${a.recomputedPence} minus billed ${a.billedPence}`,
      delivered_on: null,
      units: 0,
      amount_pence: a.amountPence,
    })),
  ];
  for (let i = 0; i < lineRows.length; i += 200) {
    await db
      .insertInto("statement_lines")
      .values(lineRows.slice(i, i + 200))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The engagement of each delivery, by delivery id (a statement's lines name both). */
export async function engagementsOfDeliveries(
  trx: Transaction<Database>,
  region: string,
  deliveryIds: readonly string[],
): Promise<Map<string, string>> {
  if (deliveryIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom("deliveries")
    .select(["id", "engagement_id"])
    .where("region_code", "=", region)
    .where("id", "in", [...deliveryIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.engagement_id]));
}
