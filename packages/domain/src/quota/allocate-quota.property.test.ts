import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../calendar/plain-date.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import { STRANDS } from "../policy/strand.js";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { organisations } from "../test-support/worked-example-organisations.js";
import { referenceAllocateQuota } from "../test-support/reference-allocation.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { allocateQuota, allocationLines, type QuotaDelivery, type QuotaInput } from "./allocate-quota.js";

const deliveryArb = fc.record({
  org: fc.nat(organisations.length - 1),
  day: fc.nat(800),
  units: fc.integer({ min: 1, max: 16 }),
  strand: fc.constantFrom(...STRANDS),
  agreed: fc.option(fc.integer({ min: 1, max: 120_000 }), { nil: null }),
});

/** Deliveries with unique recorded order, in an order that is not the recorded one. */
const inputArb = fc
  .array(deliveryArb, { maxLength: 80 })
  .chain((ds) => fc.tuple(fc.constant(ds), fc.shuffledSubarray([...ds.keys()], { minLength: ds.length, maxLength: ds.length })))
  .map(([ds, seqs]): QuotaDelivery[] =>
    ds.map((d, i) => ({
      id: `d${i}`,
      date: addDays("2010-04-01", d.day),
      recordedSeq: seqs[i]! + 1,
      units: d.units,
      organisationId: organisations[d.org]!.id,
      strand: d.strand,
      agreedDayRatePence: d.agreed,
    })),
  );

const policyArb = fc.constantFrom(workedExamplePolicy, westOfScotlandPolicy);

function run(policy: typeof workedExamplePolicy, deliveries: QuotaDelivery[]) {
  const input: QuotaInput = {
    deliveries,
    organisations,
    negotiatedRates: [{ organisationId: "org-kc-police", year: 2010, dayRatePence: 45_000 }],
  };
  const r = allocateQuota(policy, input);
  if (!r.ok) throw new Error(r.error.message);
  return { allocation: r.value, lines: allocationLines(input, r.value) };
}

describe("quota allocation properties", () => {
  it("free + chargeable == delivered, on every line and every holder-year", () => {
    fc.assert(
      fc.property(policyArb, inputArb, (policy, deliveries) => {
        const { lines, allocation } = run(policy, deliveries);
        expect(lines).toHaveLength(deliveries.length);
        for (const l of lines) {
          expect(l.freeUnits + l.chargeableUnits).toBe(l.units);
          expect(l.quotaUnits).toBeLessThanOrEqual(l.freeUnits);
          expect(Math.min(l.quotaUnits, l.freeUnits, l.chargeableUnits)).toBeGreaterThanOrEqual(0);
        }
        for (const h of allocation.holderYears) expect(h.freeUnits + h.chargeableUnits).toBe(h.deliveredUnits);
      }),
    );
  });

  it("never exceeds a holder's allowance in a year", () => {
    fc.assert(
      fc.property(policyArb, inputArb, (policy, deliveries) => {
        const { lines, allocation } = run(policy, deliveries);
        const used = new Map<string, number>();
        for (const l of lines) used.set(`${l.holderId}|${l.financialYear}`, (used.get(`${l.holderId}|${l.financialYear}`) ?? 0) + l.quotaUnits);
        for (const h of allocation.holderYears) {
          expect(used.get(`${h.holderId}|${h.year}`) ?? 0).toBe(h.usedFreeUnits);
          expect(h.usedFreeUnits).toBeLessThanOrEqual(h.allowanceUnits);
          expect(h.usedFreeUnits + h.remainingFreeUnits).toBe(h.allowanceUnits);
        }
      }),
    );
  });

  it("depends only on (date, recorded order), not on the order deliveries are passed in", () => {
    fc.assert(
      fc.property(
        policyArb,
        inputArb.chain((ds) => fc.tuple(fc.constant(ds), fc.shuffledSubarray(ds, { minLength: ds.length, maxLength: ds.length }))),
        (policy, [deliveries, shuffled]) => {
          const byId = (ls: ReturnType<typeof run>["lines"]) => [...ls].sort((a, b) => (a.deliveryId < b.deliveryId ? -1 : 1));
          const a = run(policy, deliveries);
          const b = run(policy, shuffled);
          expect(byId(b.lines)).toEqual(byId(a.lines));
          expect(b.lines).toEqual(a.lines);
          expect(b.allocation.holderYears).toEqual(a.allocation.holderYears);
        },
      ),
    );
  });

  it("charges each chargeable line half up at its rate, and never charges free strands", () => {
    fc.assert(
      fc.property(policyArb, inputArb, (policy, deliveries) => {
        const { lines, allocation } = run(policy, deliveries);
        let total = 0;
        for (const l of lines) {
          const exactTimes2 = (2 * l.chargeableUnits * l.dayRatePence) / policy.unitsPerDay;
          expect(l.chargePence).toBe(Math.floor((exactTimes2 + 1) / 2));
          if (!policy.strands[l.strand].chargedAfterQuota) expect(l.chargeableUnits).toBe(0);
          total += l.chargePence;
        }
        expect(allocation.totalChargePence).toBe(total);
      }),
    );
  });
});

describe("allocation order paths", () => {
  it("gives the same result whatever the spread of recordedSeq (counting or radix passes)", () => {
    fc.assert(
      fc.property(policyArb, inputArb, fc.integer({ min: 1, max: 2 ** 40 }), (policy, deliveries, spread) => {
        // Stretch the recorded order over a huge range without changing it.
        const stretched = deliveries.map((d) => ({ ...d, recordedSeq: d.recordedSeq * spread + 7 }));
        const inRecordedOrder = [...deliveries].sort((a, b) => a.recordedSeq - b.recordedSeq);
        const strip = (ls: ReturnType<typeof run>["lines"]) => ls.map(({ recordedSeq: _s, ...rest }) => rest);
        const base = strip(run(policy, deliveries).lines);
        expect(strip(run(policy, stretched).lines)).toEqual(base);
        expect(strip(run(policy, inRecordedOrder).lines)).toEqual(base);
      }),
      { numRuns: 150 },
    );
  });
});

/** Random policies: either pooling, allowances by year and by holder, any strand flags the rules allow, rates by year. */
const strandPolicyArb = fc.record({ consumesQuota: fc.boolean(), chargedAfterQuota: fc.boolean(), heldToCapacity: fc.boolean() });
const randomPolicyArb = fc
  .record({
    base: fc.constantFrom(workedExamplePolicy, westOfScotlandPolicy),
    pooling: fc.constantFrom("AREA" as const, "ORGANISATION" as const),
    defaultUnits: fc.nat(40),
    byYear: fc.uniqueArray(fc.record({ year: fc.integer({ min: 2009, max: 2012 }), units: fc.nat(40) }), { selector: (y) => y.year, maxLength: 3 }),
    byHolderYear: fc.uniqueArray(
      fc.record({
        holderId: fc.constantFrom(...organisations.map((o) => o.id), ...organisations.flatMap((o) => (o.homeAuthorityId ? [o.homeAuthorityId] : []))),
        year: fc.integer({ min: 2009, max: 2012 }),
        units: fc.nat(40),
      }),
      { selector: (h) => `${h.holderId}|${h.year}`, maxLength: 4 },
    ),
    strands: fc.tuple(...STRANDS.map(() => strandPolicyArb)),
    rateByYear: fc.uniqueArray(fc.record({ year: fc.integer({ min: 2009, max: 2012 }), pence: fc.integer({ min: 1, max: 120_000 }) }), { selector: (y) => y.year, maxLength: 3 }),
  })
  .map(({ base, pooling, defaultUnits, byYear, byHolderYear, strands, rateByYear }): RegionPolicy => ({
    ...base,
    quotaPooling: pooling,
    freeDaysPerYear: { defaultUnits, byYear, byHolderYear },
    strands: Object.fromEntries(
      STRANDS.map((s, i) => [
        s,
        {
          ...strands[i]!,
          // Rules 7 and 8 fix these two in every region.
          consumesQuota: s === "HOST_SUPPORT" ? false : strands[i]!.consumesQuota,
          heldToCapacity: s === "RAPID_RESPONSE" ? false : strands[i]!.heldToCapacity,
        },
      ]),
    ) as RegionPolicy["strands"],
    defaultDayRate: { pence: base.defaultDayRate.pence, byYear: rateByYear },
  }));

describe("allocateQuota against the plain reference model", () => {
  it("gives exactly the reference model's allocation, over random policies and histories", () => {
    const negotiatedArb = fc.uniqueArray(
      fc.record({ organisationId: fc.constantFrom(...organisations.map((o) => o.id)), year: fc.integer({ min: 2009, max: 2012 }), dayRatePence: fc.integer({ min: 1, max: 120_000 }) }),
      { selector: (r) => `${r.organisationId}|${r.year}`, maxLength: 4 },
    );
    fc.assert(
      fc.property(randomPolicyArb, inputArb, negotiatedArb, (policy, deliveries, negotiatedRates) => {
        const input: QuotaInput = { deliveries, organisations, negotiatedRates };
        const fast = allocateQuota(policy, input);
        const reference = referenceAllocateQuota(policy, input);
        if (!fast.ok || !reference.ok) throw new Error("valid input refused");
        expect(allocationLines(input, fast.value)).toEqual(allocationLines(input, reference.value));
        expect(fast.value.holderYears).toEqual(reference.value.holderYears);
        expect(fast.value.totalChargePence).toBe(reference.value.totalChargePence);
        expect([...fast.value.order]).toEqual([...reference.value.order]);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses the same bad inputs, naming the same field", () => {
    const good = deliveryAt(0);
    const changes: Partial<QuotaDelivery>[] = [
      { units: 0 },
      { units: 2.5 },
      { date: "2010-13-01" },
      { recordedSeq: -1 },
      { strand: "TEA" as never },
      { agreedDayRatePence: 0 },
      { organisationId: "org-nowhere" },
    ];
    for (const change of changes) {
      const input: QuotaInput = { deliveries: [good, { ...good, ...change }], organisations };
      const fast = allocateQuota(workedExamplePolicy, input);
      const reference = referenceAllocateQuota(workedExamplePolicy, input);
      expect(fast.ok || [fast.error.code, fast.error.field]).toEqual(reference.ok || [reference.error.code, reference.error.field]);
      expect(fast.ok).toBe(false);
    }
  });
});

function deliveryAt(i: number): QuotaDelivery {
  return {
    id: `d${i}`,
    date: "2010-05-03",
    recordedSeq: i + 1,
    units: 2,
    organisationId: organisations[0]!.id,
    strand: "PROJECT_SUPPORT",
    agreedDayRatePence: null,
  };
}
