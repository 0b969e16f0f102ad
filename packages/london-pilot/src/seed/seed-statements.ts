import {
  type QuotaDelivery,
  type QuotaInput,
  type Statement,
  allocateQuota,
  allocationLines,
  draftStatement,
  issueStatement,
  parseBillingPeriod,
} from "@adviser-hub/domain";
import { type Database, insertIssuedStatement } from "@adviser-hub/persistence";
import type { Transaction } from "kysely";
import { ADMIN_USER } from "./engagement-specs.js";
import { type LondonPilotData, STATEMENT_ISSUE_DAY, STATEMENT_MONTHS } from "./london-pilot-data.js";
import { seedOrganisations } from "./organisations.js";

// The 2010-11 statements, replayed as the pilot would have issued them: each month on the 10th of
// the next, from what had been recorded by then, through the domain's own allocation and
// statement rules. Deliveries typed up late land after their month was billed, so later
// statements carry adjustments and some are still pending at the seed's "today".

export const statementId = (organisationId: string, periodKey: string): string => `stm-${organisationId}-${periodKey}`;
const adjustmentId = (statement: string, n: number): string => `adj-${statement.slice(4)}-${n + 1}`;

export const deliveryId = (index: number): string => `dlv-${String(index + 1).padStart(5, "0")}`;

/** Every statement of the replay, in issue order. Pure: computed from the data alone. */
export function replayStatements(data: LondonPilotData): Statement[] {
  const { policy, plan } = data;
  const engagement = new Map(plan.engagements.map((e) => [e.spec.id, e.spec]));
  // recordedSeq follows the plan's recording order, as the sequence numbers them on insert.
  const all: (QuotaDelivery & { recordedAt: string })[] = plan.deliveries.map((d, i) => {
    const spec = engagement.get(d.engagementId)!;
    return {
      id: deliveryId(i),
      date: d.date,
      recordedSeq: i + 1,
      units: d.units,
      organisationId: spec.organisationId,
      strand: spec.strand,
      agreedDayRatePence: spec.agreedRatePence,
      recordedAt: d.recordedAt,
    };
  });
  const organisations = seedOrganisations.map((o) => ({ id: o.id, homeAuthorityId: o.authorityCode }));
  const negotiatedRates = data.rates.map((r) => ({
    organisationId: r.organisationId,
    year: r.financialYear,
    dayRatePence: r.dayRatePence,
  }));
  const billable = new Set(
    Object.entries(policy.strands)
      .filter(([, s]) => s.chargedAfterQuota)
      .map(([strand]) => strand),
  );

  const issued = new Map<string, Statement[]>();
  const out: Statement[] = [];
  for (const month of STATEMENT_MONTHS) {
    const period = parseBillingPeriod(policy, month);
    if (!period.ok) throw new Error(`bad seed period ${month}`);
    const next = parseBillingPeriod(policy, nextMonth(month));
    if (!next.ok) throw new Error(`bad seed period ${month}`);
    const issuedAt = `${next.value.start.slice(0, 8)}${String(STATEMENT_ISSUE_DAY).padStart(2, "0")}T10:00:00Z`;
    const known = all.filter((d) => d.recordedAt <= issuedAt);
    const input: QuotaInput = { deliveries: known, organisations, negotiatedRates };
    const allocation = allocateQuota(policy, input);
    if (!allocation.ok) throw new Error(`seed allocation refused: ${allocation.error.message}`);
    const lines = allocationLines(input, allocation.value);
    const orgs = [...new Set(known.filter((d) => billable.has(d.strand)).map((d) => d.organisationId))].sort();
    for (const organisationId of orgs) {
      const draft = draftStatement(policy, {
        organisationId,
        period: period.value,
        lines: lines.filter((l) => l.organisationId === organisationId),
        issued: issued.get(organisationId) ?? [],
      });
      if (!draft.ok) throw new Error(`seed statement refused: ${draft.error.field} ${draft.error.message}`);
      // Only organisations with something to pay, or something to correct, get a statement.
      if (draft.value.chargesPence === 0 && draft.value.adjustments.length === 0) continue;
      const statement = issueStatement(draft.value, statementId(organisationId, month), {
        by: ADMIN_USER,
        at: Date.parse(issuedAt),
      });
      issued.set(organisationId, [...(issued.get(organisationId) ?? []), statement]);
      out.push(statement);
    }
  }
  return out;
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Writes the replayed statements; returns the rows written (0 when they are all there). */
export async function seedStatements(
  trx: Transaction<Database>,
  region: string,
  data: LondonPilotData,
): Promise<number> {
  const statements = replayStatements(data);
  const present = new Set(
    (await trx.selectFrom("statements").select("id").where("region_code", "=", region).where("id", "like", "stm-%").execute()).map(
      (r) => r.id,
    ),
  );
  const engagementOf = new Map(data.plan.deliveries.map((d, i) => [deliveryId(i), d.engagementId]));
  const byOrganisation = new Map<string, Map<string, string>>();
  let written = 0;
  for (const statement of statements) {
    const against = byOrganisation.get(statement.organisationId) ?? new Map<string, string>();
    if (!present.has(statement.id)) {
      await insertIssuedStatement(trx, region, statement, {
        againstStatementId: against,
        adjustmentId: (n) => adjustmentId(statement.id, n),
        engagementOf,
      });
      written += 1 + statement.lines.length + 2 * statement.adjustments.length;
    }
    against.set(statement.period.start, statement.id);
    byOrganisation.set(statement.organisationId, against);
  }
  return written;
}
