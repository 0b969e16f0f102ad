import {
  type RegionPolicy,
  addDays,
  billingPeriodOf,
  financialYearStartDate,
  formatDays,
  parseRegionPolicy,
  reconcileStatements,
  westOfScotlandPolicy,
} from "@adviser-hub/domain";
import fc from "fast-check";
import { FIXTURE_POLICY } from "./test-support/fixture.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, compareWithScratch, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { type Database, loadOrganisation, statementInput } from "@adviser-hub/persistence";
import { reallocateYear } from "./allocation/reallocate-year.js";
import type { CommandActor } from "./actor.js";
import { correctDelivery } from "./correct-delivery.js";
import { issueStatement } from "./issue-statement.js";
import { recordDelivery } from "./record-delivery.js";

// Rules 3 to 5 are decided once, at write time, and stored. Whatever the policy and whatever
// the history of recorded, backdated, edited and removed deliveries and issued statements, the
// stored allocation equals the domain's allocateQuota from scratch over the live rows, and each
// organisation's issued statements plus its pending adjustments equal its charge recomputed
// from scratch through the last billed period. Each run is a region of its own in one database.

const AUTHORITY_A = "E09000001";
const AUTHORITY_B = "E09000002";
const ORGANISATIONS = [
  { id: "org-a-council", home: AUTHORITY_A },
  { id: "org-a-police", home: AUTHORITY_A },
  { id: "org-b-council", home: AUTHORITY_B },
  { id: "org-board", home: null },
] as const;
const STRANDS_USED = ["PROJECT_SUPPORT", "STRATEGIC", "RAPID_RESPONSE"] as const;
/** One engagement per organisation and strand, in this order. */
const ENGAGEMENTS = ORGANISATIONS.flatMap((o, i) => STRANDS_USED.map((strand, j) => ({ id: `eng-${i}-${j}`, organisation: o.id, strand })));
const HOLDER_CANDIDATES = [AUTHORITY_A, AUTHORITY_B, "org-a-council", "org-a-police", "org-board"];

const strandFlags = fc.record({ consumesQuota: fc.boolean(), chargedAfterQuota: fc.boolean() });

const policyArb = fc
  .record({
    base: fc.constantFrom(FIXTURE_POLICY, westOfScotlandPolicy),
    pooling: fc.constantFrom("AREA" as const, "ORGANISATION" as const),
    defaultUnits: fc.integer({ min: 0, max: 30 }),
    byYear: fc.option(fc.record({ year: fc.constantFrom(2010, 2011), units: fc.integer({ min: 0, max: 30 }) }), { nil: undefined }),
    byHolderYear: fc.uniqueArray(
      fc.record({ holderId: fc.constantFrom(...HOLDER_CANDIDATES), year: fc.constantFrom(2010, 2011), units: fc.integer({ min: 0, max: 30 }) }),
      { maxLength: 3, selector: (e) => `${e.holderId}/${e.year}` },
    ),
    project: strandFlags,
    strategic: strandFlags,
  })
  .map(({ base, pooling, defaultUnits, byYear, byHolderYear, project, strategic }): RegionPolicy => ({
    ...base,
    quotaPooling: pooling,
    freeDaysPerYear: { defaultUnits, byYear: byYear ? [byYear] : [], byHolderYear },
    strands: {
      ...base.strands,
      PROJECT_SUPPORT: { ...base.strands.PROJECT_SUPPORT, ...project },
      STRATEGIC: { ...base.strands.STRATEGIC, ...strategic },
    },
  }));

type Step =
  | { readonly kind: "record"; readonly engagement: number; readonly day: number; readonly units: number }
  | { readonly kind: "edit"; readonly pick: number; readonly day: number | null; readonly units: number | null }
  | { readonly kind: "remove"; readonly pick: number }
  | { readonly kind: "issue"; readonly organisation: number; readonly day: number };

/** Days after the start of financial year 2010; two years of them. */
const dayArb = fc.integer({ min: 0, max: 725 });
const unitsArb = fc.integer({ min: 1, max: 12 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("record" as const), engagement: fc.nat(ENGAGEMENTS.length - 1), day: dayArb, units: unitsArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("edit" as const), pick: fc.nat(), day: fc.option(dayArb, { nil: null }), units: fc.option(unitsArb, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("issue" as const), organisation: fc.nat(ORGANISATIONS.length - 1), day: dayArb }) },
);

const negotiatedArb = fc.uniqueArray(
  fc.record({ organisation: fc.nat(ORGANISATIONS.length - 1), year: fc.constantFrom(2010, 2011), pence: fc.integer({ min: 1, max: 90_000 }) }),
  { maxLength: 3, selector: (r) => `${r.organisation}/${r.year}` },
);
const agreedArb = fc.array(fc.option(fc.integer({ min: 1, max: 90_000 }), { nil: null }), { minLength: ENGAGEMENTS.length, maxLength: ENGAGEMENTS.length });

async function insertRegion(
  db: TestDatabase["db"],
  region: string,
  policy: RegionPolicy,
  agreed: readonly (number | null)[],
  negotiated: readonly { organisation: number; year: number; pence: number }[],
): Promise<{ first: string; last: string }> {
  const first = financialYearStartDate(policy, 2010);
  const last = addDays(financialYearStartDate(policy, 2012), -1);
  await db.insertInto("regions").values({ region_code: region, name: `Property region ${region}` }).execute();
  await db.insertInto("region_policies").values({ region_code: region, from_year: 2010, policy: JSON.stringify({ ...policy, code: region }) }).execute();
  await db
    .insertInto("authorities")
    .values([AUTHORITY_A, AUTHORITY_B].map((id) => ({ region_code: region, id, name: `Authority ${id}` })))
    .execute();
  await db
    .insertInto("organisations")
    .values(ORGANISATIONS.map((o) => ({ region_code: region, id: o.id, name: o.id, kind: o.home ? "COUNCIL" : "SAFEGUARDING_BOARD", home_authority_id: o.home })) as never)
    .execute();
  if (negotiated.length > 0)
    await db
      .insertInto("organisation_rates")
      .values(negotiated.map((r) => ({ region_code: region, organisation_id: ORGANISATIONS[r.organisation]!.id, financial_year: r.year, day_rate_pence: r.pence })))
      .execute();
  await db.insertInto("advisers").values({ region_code: region, id: "adv-1", name: "Adviser", fte_bp: 10000, employed_from: first, employed_to: last }).execute();
  await db
    .insertInto("engagements")
    .values(
      ENGAGEMENTS.map((e, i) => ({
        region_code: region,
        id: e.id,
        organisation_id: e.organisation,
        strand: e.strand as Database["engagements"]["strand"],
        title: `${e.strand} for ${e.organisation}`,
        themes: ["property"],
        lead_adviser_id: "adv-1",
        agreed_rate_pence: agreed[i] ?? null,
        estimate_units: 40,
        status: "ACCEPTED" as const,
        requested_at: new Date(`${first}T09:00:00Z`),
        starts_on: first,
        ends_on: last,
      })),
    )
    .execute();
  return { first, last };
}

describe.each(backends())("stored allocation on %s", (backend) => {
  let test: TestDatabase;
  let runs = 0;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
  });
  afterAll(() => test?.close());

  /** Stored equals from scratch, and every organisation's account reconciles against it. */
  async function expectConsistent(region: string, policy: RegionPolicy): Promise<void> {
    const { expected, actual, scratch } = await compareWithScratch(test.db, region);
    expect(actual).toEqual(expected);
    await test.db.transaction().execute(async (trx) => {
      for (const { id } of ORGANISATIONS) {
        const organisation = await loadOrganisation(trx, region, id);
        const stored = await statementInput(trx, policy, region, organisation!.id);
        const fromScratch = { ...stored, lines: [...scratch.values()].filter((l) => l.organisationId === id) };
        const r = reconcileStatements(policy, fromScratch);
        expect(r.issuedPence + r.pendingAdjustmentsPence, id).toBe(r.recomputedThroughBilledPence);
        expect(reconcileStatements(policy, stored), id).toEqual(r);
      }
    });
  }

  it("equals allocateQuota from scratch after any history, and statements reconcile with it", async () => {
    await fc.assert(
      fc.asyncProperty(policyArb, agreedArb, negotiatedArb, fc.array(stepArb, { minLength: 1, maxLength: 14 }), fc.option(policyArb, { nil: undefined }), async (drawn, agreed, negotiated, steps, later) => {
        const parsed = parseRegionPolicy(drawn);
        if (!parsed.ok) throw new Error(`generated an invalid policy: ${parsed.error.field} ${parsed.error.message}`);
        const policy = parsed.value;
        runs += 1;
        const region = `prop-${backend}-${runs}`;
        const { first } = await insertRegion(test.db, region, policy, agreed, negotiated);
        const actor: CommandActor = { role: "REGION_ADMIN", regionCode: region, userId: "user-admin" };
        const delivered: string[] = [];
        const unitsPerDay = policy.unitsPerDay;
        // Writes are stamped in order; backdated deliveries are dated before earlier ones.
        let clock = Date.parse(`${first}T08:00:00Z`) + 800 * 86_400_000;
        const options = () => ({ clock: { now: () => (clock += 60_000) } });
        for (const step of steps) {
          if (step.kind === "record") {
            const e = ENGAGEMENTS[step.engagement]!;
            const r = await recordDelivery(test.db, actor, { engagementId: e.id, adviserId: "adv-1", date: addDays(first, step.day), days: formatDays(step.units, unitsPerDay) }, options());
            if (!r.ok) throw new Error(`record: ${r.error.message}`);
            delivered.push(r.value.delivery.id);
          } else if (step.kind === "edit" || step.kind === "remove") {
            if (delivered.length === 0) continue;
            const deliveryId = delivered[step.pick % delivered.length]!;
            const r = await correctDelivery(
              test.db,
              actor,
              step.kind === "remove"
                ? { deliveryId, remove: true, reason: "property: removed" }
                : {
                    deliveryId,
                    date: addDays(first, step.day ?? 0),
                    ...(step.units === null ? {} : { days: formatDays(step.units, unitsPerDay) }),
                    reason: "property: edited",
                  },
              options(),
            );
            // Editing a removed delivery is refused: that is the command's rule, not a failure here.
            if (!r.ok && !(r.error.code === "VALIDATION" && r.error.field === "deliveryId")) throw new Error(`correct: ${r.error.message}`);
            if (step.kind === "remove" && r.ok) delivered.splice(delivered.indexOf(deliveryId), 1);
          } else {
            const period = billingPeriodOf(policy, addDays(first, step.day));
            const r = await issueStatement(test.db, actor, { organisationId: ORGANISATIONS[step.organisation]!.id, period: period.key }, options());
            // Periods are issued in order; an earlier period than the last issued is refused.
            if (!r.ok && !(r.error.code === "VALIDATION" && r.error.field === "period")) throw new Error(`issue: ${r.error.message}`);
          }
        }
        await expectConsistent(region, policy);

        if (later) {
          // A change of policy re-allocates each year in one transaction. A region's financial
          // year starts on the same day in every version (versions apply from a financial year
          // on, and each delivery's year is stored when it is written), so the later policy keeps
          // the first one's year start.
          // Likewise its granularity (stored days are units of it) and, once statements are
          // issued, its billing period (setRegionPolicy refuses either change).
          const next = parseRegionPolicy({
            ...later,
            code: region,
            financialYearStart: policy.financialYearStart,
            unitsPerDay: policy.unitsPerDay,
            billingPeriod: policy.billingPeriod,
          });
          if (!next.ok) throw new Error("generated an invalid policy");
          await test.db.transaction().execute(async (trx) => {
            await trx.updateTable("region_policies").set({ policy: JSON.stringify(next.value) }).where("region_code", "=", region).execute();
            for (const year of [2010, 2011]) await reallocateYear(trx, next.value, region, year);
          });
          await expectConsistent(region, next.value);
        }
      }),
      { numRuns: backend === "server" ? 15 : 25 },
    );
  }, 120_000);

  // PGlite has one session: concurrency is a server matter.
  if (backend === "server")
  it("stays equal to the from-scratch allocation under concurrent deliveries to one holder-year", async () => {
    const region = `conc-${runs}`;
    const policy = { ...FIXTURE_POLICY, freeDaysPerYear: { defaultUnits: 10, byYear: [], byHolderYear: [] } };
    const { first } = await insertRegion(test.db, region, policy, ENGAGEMENTS.map((_, i) => (i === 0 ? 55_000 : null)), []);
    const actor: CommandActor = { role: "ADVISER", regionCode: region, userId: "user-adviser" };
    // Twenty deliveries to the same area (council and police of authority A), dated out of order.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordDelivery(test.db, actor, {
          engagementId: ENGAGEMENTS[i % 2 === 0 ? 0 : 4]!.id,
          adviserId: "adv-1",
          date: addDays(first, 30 + ((i * 7) % 19)),
          days: "1.5",
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const { expected, actual } = await compareWithScratch(test.db, region);
    expect(actual).toHaveLength(20);
    expect(actual).toEqual(expected);
    expect(actual.reduce((sum, l) => sum + (l.chargeableUnits ?? 0), 0)).toBeGreaterThan(0);
  }, 60_000);
});
