import {
  type ForbiddenError,
  type NotFoundError,
  type RegionPolicy,
  type Result,
  type ValidationError,
  type Statement,
  draftStatement,
  issueStatement as freezeStatement,
  invalid,
  notFound,
  parseBillingPeriod,
} from "@adviser-hub/domain";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import {
  type Database,
  engagementsOfDeliveries,
  insertIssuedStatement,
  issuedStatements,
  loadOrganisation,
  loadPolicy,
  lockStatementOrganisation,
  statementInput,
  withTransaction,
  writeAudit,
} from "@adviser-hub/persistence";

export interface IssueStatementInput {
  readonly organisationId: string;
  /** The billing period's key: '2010-07' for a month, '2010-Q2' for a financial-year quarter. */
  readonly period: string;
}

export interface IssuedStatement {
  readonly statement: Statement;
  /** True when the statement had already been issued and this call returned it unchanged. */
  readonly alreadyIssued: boolean;
  /** The region's latest policy, as the use case read it: a caller shows days without a second read. */
  readonly policy: RegionPolicy;
}

export type IssueStatementError = ValidationError | NotFoundError | ForbiddenError;
export type IssueStatementResult = Result<IssuedStatement, IssueStatementError>;

/**
 * Issues an organisation's statement for a billing period (rule 6): charge lines computed by the
 * domain from the allocation, plus adjustments for earlier periods whose recomputed charge
 * differs from what was billed. The organisation's statement lock and the unique constraint on
 * (organisation, period) make two concurrent calls produce one statement; the second returns it.
 */
export async function issueStatement(
  db: Kysely<Database>,
  actor: CommandActor,
  input: IssueStatementInput,
  options?: CommandOptions,
): Promise<IssueStatementResult> {
  const denied = requireRole(actor, "issueStatement");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  return withTransaction(db, async (trx): Promise<IssueStatementResult> => {
    if (typeof input?.organisationId !== "string" || input.organisationId === "")
      return invalid("organisationId", "is required");
    const policy = await loadPolicy(trx, region);
    if (!policy.ok) return policy;
    const period = parseBillingPeriod(policy.value, typeof input.period === "string" ? input.period : "", "period");
    if (!period.ok) return period;
    const organisation = await loadOrganisation(trx, region, input.organisationId);
    if (!organisation) return { ok: false, error: notFound("organisation", input.organisationId, "organisationId") };

    await lockStatementOrganisation(trx, region, organisation.id);
    const existing = await trx
      .selectFrom("statements")
      .select("id")
      .where("region_code", "=", region)
      .where("organisation_id", "=", organisation.id)
      .where("period_start", "=", period.value.start)
      .where("period_end", "=", period.value.end)
      .where("issued_at", "is not", null)
      .executeTakeFirst();
    if (existing) {
      const issued = await issuedStatements(trx, policy.value, region, organisation.id);
      const statement = issued.find((s) => s.id === existing.id);
      if (!statement) throw new Error(`statement ${existing.id} vanished under its lock`);
      return { ok: true, value: { statement, alreadyIssued: true, policy: policy.value } };
    }

    const at = nowOf(options);
    // The domain drafts from the allocation stored at write time and the issued history; the
    // statement is frozen as drafted and written with its lines and adjustments.
    const ledger = await statementInput(trx, policy.value, region, organisation.id);
    const draft = draftStatement(policy.value, { ...ledger, period: period.value });
    if (!draft.ok) return draft;
    const statement = freezeStatement(draft.value, crypto.randomUUID(), { by: actor.userId, at: at.getTime() });
    const engagementOf = await engagementsOfDeliveries(
      trx,
      region,
      statement.lines.map((l) => l.deliveryId),
    );
    await insertIssuedStatement(trx, region, statement, {
      againstStatementId: new Map(ledger.issued.map((s) => [s.period.start, s.id])),
      adjustmentId: () => crypto.randomUUID(),
      engagementOf,
    });
    await writeAudit(trx, actor, {
      action: "issueStatement",
      entity: "statement",
      entityId: statement.id,
      before: null,
      after: {
        organisationId: organisation.id,
        period: period.value.key,
        lines: statement.lines.length,
        adjustments: statement.adjustments.length,
        chargesPence: statement.chargesPence,
        adjustmentsPence: statement.adjustmentsPence,
        totalPence: statement.totalPence,
      },
      at,
    });
    return { ok: true, value: { statement, alreadyIssued: false, policy: policy.value } };
  });
}
