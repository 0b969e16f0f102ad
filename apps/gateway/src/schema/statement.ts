import { billingPeriodOf, type Statement as IssuedStatementValue, type StatementAdjustment, type StatementLine } from "@adviser-hub/domain";
import { type IssuedStatementRow, issuedStatementsOfOrganisations, issueStatement } from "@adviser-hub/service";
import { isStaff } from "../auth/viewer.js";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { loadRegional } from "../loaders/regional.js";
import { regionalKey } from "../global-id.js";
import { StrandEnum } from "./enums.js";
import { baseMutationErrors } from "./errors.js";
import { Money, money } from "./money.js";
import { actorOf, mutationScopes, rowId, written } from "./mutation-support.js";
import { Organisation } from "./organisation.js";

interface WithGranularity<T> {
  readonly value: T;
  readonly unitsPerDay: number;
  /** The billed organisation's home authority, when known: that authority may read it. */
  readonly homeAuthorityId?: string | null;
}

const StatementLineType = builder.objectRef<WithGranularity<StatementLine>>("StatementLine").implement({
  description: "A delivery's charge as billed: a frozen copy, never recomputed.",
  fields: (t) => ({
    deliveryCode: t.string({ description: "The delivery's id.", resolve: (l) => l.value.deliveryId }),
    date: t.field({ type: "Date", description: "The date delivered.", resolve: (l) => l.value.date }),
    strand: t.field({ type: StrandEnum, description: "The strand.", resolve: (l) => l.value.strand }),
    days: t.field({ type: "Days", description: "Days delivered.", resolve: (l) => ({ units: l.value.units, unitsPerDay: l.unitsPerDay }) }),
    freeDays: t.field({ type: "Days", description: "Days free.", resolve: (l) => ({ units: l.value.freeUnits, unitsPerDay: l.unitsPerDay }) }),
    chargeableDays: t.field({
      type: "Days",
      description: "Days charged.",
      resolve: (l) => ({ units: l.value.chargeableUnits, unitsPerDay: l.unitsPerDay }),
    }),
    dayRate: t.field({ type: Money, description: "Rate of the chargeable part.", resolve: (l) => money(l.value.dayRatePence) }),
    charge: t.field({ type: Money, description: "Charge, rounded half up to the penny.", resolve: (l) => money(l.value.chargePence) }),
  }),
});

const StatementAdjustmentType = builder.objectRef<StatementAdjustment>("StatementAdjustment").implement({
  description: "A correction to an earlier, issued period: its charge recomputed now minus what was billed for it.",
  fields: (t) => ({
    period: t.exposeString("periodKey", { description: "The earlier period ('2010-07' or '2010-Q2')." }),
    periodStart: t.field({ type: "Date", description: "First day of that period.", resolve: (a) => a.periodStart }),
    periodEnd: t.field({ type: "Date", description: "Last day of that period.", resolve: (a) => a.periodEnd }),
    billed: t.field({ type: Money, description: "What was billed for it so far.", resolve: (a) => money(a.billedPence) }),
    recomputed: t.field({ type: Money, description: "Its charge recomputed from scratch.", resolve: (a) => money(a.recomputedPence) }),
    amount: t.field({ type: Money, description: "recomputed - billed; may be negative.", resolve: (a) => money(a.amountPence) }),
  }),
});

const Statement = builder.objectRef<WithGranularity<IssuedStatementValue>>("Statement").implement({
  description: "The charges to one organisation for one billing period, frozen once issued (rule 6).",
  // Staff, and the authority whose area the organisation is in; never funders.
  authScopes: (s, context) =>
    isStaff(context.viewer, s.value.regionCode) ||
    (context.viewer?.role === "AUTHORITY" &&
      context.viewer.region === s.value.regionCode &&
      s.homeAuthorityId != null &&
      context.viewer.authority === s.homeAuthorityId),
  fields: (t) => ({
    code: t.string({ description: "The statement's id.", resolve: (s) => s.value.id }),
    organisation: t.field({
      type: Organisation,
      description: "The organisation billed.",
      resolve: (s) => regionalKey(s.value.regionCode, s.value.organisationId),
    }),
    period: t.string({ description: "The billing period ('2010-07' or '2010-Q2').", resolve: (s) => s.value.period.key }),
    periodStart: t.field({ type: "Date", description: "First day of the period.", resolve: (s) => s.value.period.start }),
    periodEnd: t.field({ type: "Date", description: "Last day of the period.", resolve: (s) => s.value.period.end }),
    issuedAt: t.field({ type: "DateTime", description: "When it was issued.", resolve: (s) => new Date(s.value.issuedAt) }),
    lines: t.field({
      type: [StatementLineType],
      description: "Charge lines, one per delivery in the period.",
      resolve: (s) => s.value.lines.map((value) => ({ value, unitsPerDay: s.unitsPerDay })),
    }),
    adjustments: t.field({ type: [StatementAdjustmentType], description: "Adjustments for earlier periods.", resolve: (s) => s.value.adjustments }),
    charges: t.field({ type: Money, description: "Sum of the charge lines.", resolve: (s) => money(s.value.chargesPence) }),
    adjustmentsTotal: t.field({ type: Money, description: "Sum of the adjustments.", resolve: (s) => money(s.value.adjustmentsPence) }),
    total: t.field({ type: Money, description: "Charges plus adjustments.", resolve: (s) => money(s.value.totalPence) }),
  }),
});

/** A stored statement in the domain's shape; the period key follows the region's billing policy. */
async function fromRow(context: GatewayContext, row: IssuedStatementRow): Promise<WithGranularity<IssuedStatementValue>> {
  const policy = await context.loaders.latestPolicy(row.regionCode);
  const period = billingPeriodOf(policy, row.periodStart);
  const lines: StatementLine[] = row.lines.map((l) => ({
    deliveryId: l.deliveryId ?? "",
    date: l.date ?? row.periodStart,
    strand: l.strand ?? "PROJECT_SUPPORT",
    units: l.units,
    freeUnits: l.freeUnits,
    chargeableUnits: l.chargeableUnits,
    dayRatePence: l.ratePence,
    chargePence: l.amountPence,
  }));
  const adjustments: StatementAdjustment[] = row.adjustments.map((a) => {
    const start = a.periodStart ?? row.periodStart;
    const adjusted = billingPeriodOf(policy, start);
    return {
      periodKey: adjusted.key,
      periodStart: start,
      periodEnd: a.periodEnd ?? adjusted.end,
      billedPence: a.billedPence ?? 0,
      recomputedPence: a.recomputedPence ?? a.amountPence,
      amountPence: a.amountPence,
    };
  });
  return {
    unitsPerDay: policy.unitsPerDay,
    homeAuthorityId: row.homeAuthorityId,
    value: {
      regionCode: row.regionCode,
      organisationId: row.organisationId,
      period: { ...period, start: row.periodStart, end: row.periodEnd },
      lines,
      adjustments,
      chargesPence: lines.reduce((sum, l) => sum + l.chargePence, 0),
      adjustmentsPence: adjustments.reduce((sum, a) => sum + a.amountPence, 0),
      totalPence: row.totalPence,
      id: row.id,
      issuedAt: row.issuedAt.getTime(),
      issuedBy: row.issuedBy ?? "",
    },
  };
}

builder.objectField(Organisation, "statements", (t) =>
  t.loadableList({
    type: Statement,
    description: "Issued statements, oldest period first: frozen copies, never recomputed.",
    load: async (keys: string[], context: GatewayContext) => {
      const results = await loadRegional(context.db, keys, (db, region, ids) => issuedStatementsOfOrganisations(db, region, ids));
      return Promise.all(results.map((result) => (result instanceof Error ? [] : Promise.all(result.map((row) => fromRow(context, row))))));
    },
    resolve: (row) => regionalKey(row.region_code, row.id),
  }),
);

const IssueStatementInput = builder.inputType("IssueStatementInput", {
  description: "Which organisation and billing period to issue.",
  fields: (t) => ({
    organisationId: t.id({ required: true, description: "The organisation (global id or code)." }),
    period: t.string({ required: true, description: "The billing period: '2010-07' for a month, '2010-Q2' for a quarter." }),
  }),
});

const IssueStatementPayload = builder
  .objectRef<{ statement: WithGranularity<IssuedStatementValue>; alreadyIssued: boolean }>("IssueStatementPayload")
  .implement({
    description: "The issued statement.",
    fields: (t) => ({
      statement: t.field({ type: Statement, description: "The statement.", resolve: (p) => p.statement }),
      alreadyIssued: t.exposeBoolean("alreadyIssued", { description: "True when it had been issued before and is returned unchanged." }),
    }),
  });

builder.mutationField("issueStatement", (t) =>
  t.field({
    type: IssueStatementPayload,
    description: "Issues an organisation's statement for a billing period (REGION_ADMIN). Issuing twice returns the same statement.",
    ...mutationScopes("issueStatement"),
    errors: { types: [...baseMutationErrors], union: { name: "IssueStatementResult", description: "The statement, or why it was refused." } },
    args: { input: t.arg({ type: IssueStatementInput, required: true, description: "What to issue." }) },
    resolve: async (_root, { input }, context) => {
      const result = written(
        context,
        await issueStatement(context.db, actorOf(context), {
          organisationId: rowId(context, String(input.organisationId), "Organisation", "organisationId"),
          period: input.period,
        }, { clock: context.clock }),
      );
      return { statement: { value: result.statement, unitsPerDay: result.policy.unitsPerDay }, alreadyIssued: result.alreadyIssued };
    },
  }),
);
