import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RegionPolicy } from "../policy/region-policy.js";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { allocateQuota, allocationLines, type QuotaDelivery, type QuotaInput } from "../quota/allocate-quota.js";
import { delivery, organisations } from "../test-support/worked-example-organisations.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { billingPeriodOf, parseBillingPeriod } from "./billing-period.js";
import { draftStatement, issueStatement, pendingAdjustments, reconcileStatements } from "./draft-statement.js";
import type { Statement } from "./statement.js";

function lines(policy: RegionPolicy, deliveries: QuotaDelivery[]) {
  const input: QuotaInput = { deliveries, organisations };
  const result = allocateQuota(policy, input);
  if (!result.ok) throw new Error(result.error.message);
  return allocationLines(input, result.value);
}

function issue(policy: RegionPolicy, organisationId: string, key: string, deliveries: QuotaDelivery[], issued: Statement[]) {
  const period = parseBillingPeriod(policy, key);
  if (!period.ok) throw new Error(period.error.message);
  const draft = draftStatement(policy, { organisationId, period: period.value, lines: lines(policy, deliveries), issued });
  if (!draft.ok) throw new Error(draft.error.message);
  const statement = issueStatement(draft.value, `st-${organisationId}-${key}`, { by: "finance", at: 1_280_000_000_000 });
  issued.push(statement);
  return statement;
}

describe("statements, worked example", () => {
  it("a backdated delivery after July was issued: +1,200.00 adjustment, July's statement unchanged", () => {
    const deliveries = [
      delivery("org-kc-council", "2010-05-03", 6, { agreedDayRatePence: 60_000 }),
      delivery("org-kc-council", "2010-06-10", 8, { agreedDayRatePence: 60_000 }),
      delivery("org-kc-council", "2010-07-01", 10, { agreedDayRatePence: 60_000 }),
    ];
    const issued: Statement[] = [];
    for (const month of ["2010-04", "2010-05", "2010-06"]) issue(workedExamplePolicy, "org-kc-council", month, deliveries, issued);
    const july = issue(workedExamplePolicy, "org-kc-council", "2010-07", deliveries, issued);
    expect(july.totalPence).toBe(120_000);
    const julyBefore = JSON.stringify(july);

    // Recorded after July's statement, dated in April.
    deliveries.push(delivery("org-kc-council", "2010-04-20", 4, { agreedDayRatePence: 60_000 }));
    const recomputed = lines(workedExamplePolicy, deliveries);
    expect(pendingAdjustments(workedExamplePolicy, { organisationId: "org-kc-council", lines: recomputed, issued })).toEqual([
      {
        periodKey: "2010-07",
        periodStart: "2010-07-01",
        periodEnd: "2010-07-31",
        billedPence: 120_000,
        recomputedPence: 240_000,
        amountPence: 120_000,
      },
    ]);
    const august = issue(workedExamplePolicy, "org-kc-council", "2010-08", deliveries, issued);
    expect(august.adjustmentsPence).toBe(120_000);
    expect(august.totalPence).toBe(120_000);
    expect(JSON.stringify(july)).toBe(julyBefore);
    expect(Object.isFrozen(july) && Object.isFrozen(july.lines[0])).toBe(true);
    expect(reconcileStatements(workedExamplePolicy, { organisationId: "org-kc-council", lines: recomputed, issued })).toEqual({
      organisationId: "org-kc-council",
      billedThrough: "2010-08-31",
      issuedPence: 240_000,
      pendingAdjustmentsPence: 0,
      unbilledPence: 0,
      recomputedPence: 240_000,
      recomputedThroughBilledPence: 240_000,
    });
  });

  it("refuses to issue a period again or out of order", () => {
    const deliveries = [delivery("org-kc-council", "2010-05-03", 30)];
    const issued: Statement[] = [];
    issue(workedExamplePolicy, "org-kc-council", "2010-06", deliveries, issued);
    const period = parseBillingPeriod(workedExamplePolicy, "2010-05");
    if (!period.ok) throw new Error("bad period");
    expect(
      draftStatement(workedExamplePolicy, { organisationId: "org-kc-council", period: period.value, lines: lines(workedExamplePolicy, deliveries), issued }),
    ).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "period" } });
  });

  it("catches up an earlier period that never had a statement as an adjustment billed 0", () => {
    const deliveries = [delivery("org-kc-council", "2010-05-03", 24)];
    const issued: Statement[] = [];
    const june = issue(workedExamplePolicy, "org-kc-council", "2010-06", deliveries, issued);
    expect(june.adjustments).toEqual([
      expect.objectContaining({ periodKey: "2010-05", billedPence: 0, recomputedPence: 110_000, amountPence: 110_000 }),
    ]);
  });
});

type Op =
  | { kind: "add"; org: number; day: number; units: number }
  | { kind: "edit"; pick: number; day: number; units: number }
  | { kind: "remove"; pick: number }
  | { kind: "issue"; org: number };

const ORGS = ["org-kc-council", "org-kc-police", "org-bd-council", "org-lscb"];
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), org: fc.nat(3), day: fc.nat(500), units: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant("edit" as const), pick: fc.nat(), day: fc.nat(500), units: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("issue" as const), org: fc.nat(3) }),
);

function runInvariant(policy: RegionPolicy, ops: Op[]) {
  const start = "2010-04-01";
  let deliveries: QuotaDelivery[] = [];
  const issued: Statement[] = [];
  const snapshots = new Map<string, string>();
  const nextPeriod = new Map<string, string>(ORGS.map((o) => [o, billingPeriodOf(policy, start).key]));
  let seq = 1_000;
  const dayToDate = (d: number) => {
    const base = Date.UTC(2010, 3, 1) + d * 86_400_000;
    return new Date(base).toISOString().slice(0, 10);
  };
  for (const op of ops) {
    if (op.kind === "add") {
      seq += 1;
      deliveries.push({ ...delivery(ORGS[op.org]!, dayToDate(op.day), op.units), recordedSeq: seq });
    } else if (op.kind === "edit" && deliveries.length > 0) {
      const i = op.pick % deliveries.length;
      // An edit keeps the delivery's recorded order.
      deliveries[i] = { ...deliveries[i]!, date: dayToDate(op.day), units: op.units };
    } else if (op.kind === "remove" && deliveries.length > 0) {
      const i = op.pick % deliveries.length;
      deliveries = deliveries.filter((_, j) => j !== i);
    } else if (op.kind === "issue") {
      const org = ORGS[op.org]!;
      const key = nextPeriod.get(org)!;
      const s = issue(policy, org, key, deliveries, issued);
      snapshots.set(s.id, JSON.stringify(s));
      nextPeriod.set(org, billingPeriodOf(policy, addOneDay(s.period.end)).key);
    }
    const recomputed = lines(policy, deliveries);
    for (const org of ORGS) {
      const r = reconcileStatements(policy, { organisationId: org, lines: recomputed, issued });
      expect(r.issuedPence + r.pendingAdjustmentsPence).toBe(r.recomputedThroughBilledPence);
      expect(r.recomputedThroughBilledPence + r.unbilledPence).toBe(r.recomputedPence);
      const fromScratch = recomputed.filter((l) => l.organisationId === org).reduce((s, l) => s + l.chargePence, 0);
      expect(r.recomputedPence).toBe(fromScratch);
    }
  }
  for (const s of issued) expect(JSON.stringify(s)).toBe(snapshots.get(s.id));
}

function addOneDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe("statements, property", () => {
  it("after any backdated, edited and removed deliveries: issued + pending adjustments == recomputed", () => {
    fc.assert(fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => runInvariant(workedExamplePolicy, ops)), {
      numRuns: 150,
    });
  });

  it("holds for the quarterly, organisation-pooled region too", () => {
    fc.assert(fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => runInvariant(westOfScotlandPolicy, ops)), {
      numRuns: 100,
    });
  });
});
