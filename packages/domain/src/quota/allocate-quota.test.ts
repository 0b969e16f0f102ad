import { describe, expect, it } from "vitest";
import type { RegionPolicy } from "../policy/region-policy.js";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { delivery, KC, organisations } from "../test-support/worked-example-organisations.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { allocateQuota, allocationLines, type QuotaInput } from "./allocate-quota.js";

function allocate(policy: RegionPolicy, input: QuotaInput) {
  const result = allocateQuota(policy, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { allocation: result.value, lines: allocationLines(input, result.value) };
}

describe("quota allocation, London worked examples", () => {
  const council = [
    delivery("org-kc-council", "2010-05-03", 6, { agreedDayRatePence: 60_000 }),
    delivery("org-kc-council", "2010-06-10", 8, { agreedDayRatePence: 60_000 }),
    delivery("org-kc-council", "2010-07-01", 10, { agreedDayRatePence: 60_000 }),
  ];
  const police = delivery("org-kc-police", "2010-08-02", 3);

  it("3 + 4 + 5 days at 600.00: 10 free, 2 days of the third charged, 1,200.00", () => {
    const { lines, allocation } = allocate(workedExamplePolicy, { deliveries: council, organisations });
    expect(lines.map((l) => [l.freeUnits, l.chargeableUnits, l.chargePence])).toEqual([
      [6, 0, 0],
      [8, 0, 0],
      [6, 4, 120_000],
    ]);
    expect(lines[2]?.dayRatePence).toBe(60_000);
    expect(allocation.holderYears).toEqual([
      {
        holderId: KC,
        year: 2010,
        allowanceUnits: 20,
        usedFreeUnits: 20,
        remainingFreeUnits: 0,
        freeUnits: 20,
        deliveredUnits: 24,
        chargeableUnits: 4,
        chargePence: 120_000,
      },
    ]);
  });

  it("the same borough's police, pooled by area: 1.5 days charged at the default 550.00 = 825.00", () => {
    const { lines } = allocate(workedExamplePolicy, { deliveries: [...council, police], organisations });
    const line = lines.find((l) => l.deliveryId === police.id);
    expect(line).toMatchObject({
      organisationId: "org-kc-police",
      holderId: KC,
      freeUnits: 0,
      chargeableUnits: 3,
      dayRatePence: 55_000,
      chargePence: 82_500,
    });
  });

  it("2011-03-31 counts in year 2010, 2011-04-01 in 2011 with a fresh allowance", () => {
    const deliveries = [
      delivery("org-kc-council", "2010-04-06", 20),
      delivery("org-kc-council", "2011-03-31", 2),
      delivery("org-kc-council", "2011-04-01", 2),
    ];
    const { lines } = allocate(workedExamplePolicy, { deliveries, organisations });
    expect(lines.map((l) => [l.date, l.financialYear, l.freeUnits, l.chargeableUnits])).toEqual([
      ["2010-04-06", 2010, 20, 0],
      ["2011-03-31", 2010, 0, 2],
      ["2011-04-01", 2011, 2, 0],
    ]);
  });
});

describe("quota allocation rules", () => {
  it("allocates by (date, recorded order), not by input order, and splits a delivery", () => {
    const a = delivery("org-kc-council", "2010-05-10", 15);
    const b = delivery("org-kc-council", "2010-05-10", 10); // recorded later, same day
    const c = delivery("org-kc-council", "2010-04-20", 4); // backdated: recorded last
    const { lines } = allocate(workedExamplePolicy, { deliveries: [b, c, a], organisations });
    expect(lines.map((l) => [l.deliveryId, l.quotaUnits, l.chargeableUnits])).toEqual([
      [c.id, 4, 0],
      [a.id, 15, 0],
      [b.id, 1, 9],
    ]);
  });

  it("rate precedence: agreed, else negotiated for that year, else default for the year", () => {
    const policy: RegionPolicy = {
      ...workedExamplePolicy,
      freeDaysPerYear: { defaultUnits: 0, byYear: [], byHolderYear: [] },
      defaultDayRate: { pence: 55_000, byYear: [{ year: 2011, pence: 57_000 }] },
    };
    const deliveries = [
      delivery("org-kc-council", "2010-05-03", 2, { agreedDayRatePence: 60_000 }),
      delivery("org-kc-council", "2010-05-04", 2),
      delivery("org-kc-council", "2011-05-04", 2),
      delivery("org-bd-council", "2010-05-04", 2),
      delivery("org-bd-council", "2011-05-04", 2),
    ];
    const { lines } = allocate(policy, {
      deliveries,
      organisations,
      negotiatedRates: [{ organisationId: "org-kc-council", year: 2010, dayRatePence: 50_000 }],
    });
    const rate = (id: string) => lines.find((l) => l.deliveryId === id)?.dayRatePence;
    expect(deliveries.map((d) => rate(d.id))).toEqual([60_000, 50_000, 57_000, 55_000, 57_000]);
  });

  it("a region-wide organisation is its own holder; free strands take no quota", () => {
    const deliveries = [
      delivery("org-lscb", "2010-05-03", 30),
      delivery("org-kc-council", "2010-05-03", 4, { strand: "RAPID_RESPONSE" }),
      delivery("org-kc-council", "2010-05-04", 4, { strand: "HOST_SUPPORT" }),
      delivery("org-kc-council", "2010-05-05", 20),
    ];
    const { lines, allocation } = allocate(workedExamplePolicy, { deliveries, organisations });
    expect(lines.map((l) => [l.holderId, l.quotaUnits, l.freeUnits, l.chargeableUnits])).toEqual([
      ["org-lscb", 20, 20, 10],
      [KC, 0, 4, 0],
      [KC, 0, 4, 0],
      [KC, 20, 20, 0],
    ]);
    expect(allocation.totalChargePence).toBe(10 * 27_500);
  });

  it("honours a per-year allowance and a per-holder override", () => {
    const policy: RegionPolicy = {
      ...workedExamplePolicy,
      freeDaysPerYear: {
        defaultUnits: 20,
        byYear: [{ year: 2011, units: 10 }],
        byHolderYear: [{ holderId: KC, year: 2011, units: 30 }],
      },
    };
    const deliveries = [
      delivery("org-kc-council", "2011-05-03", 40),
      delivery("org-bd-council", "2011-05-03", 40),
      delivery("org-bd-council", "2010-05-03", 40),
    ];
    const { allocation } = allocate(policy, { deliveries, organisations });
    expect(allocation.holderYears.map((h) => [h.holderId, h.year, h.allowanceUnits, h.usedFreeUnits])).toEqual([
      ["E09000002", 2010, 20, 20],
      ["E09000002", 2011, 10, 10],
      [KC, 2011, 30, 30],
    ]);
  });

  it("rounds each line's charge half up to the penny", () => {
    // Quarter days at 333.33: 1 unit = 8333.25 -> 8333; 2 units = 16666.5 -> 16667.
    const policy: RegionPolicy = {
      ...westOfScotlandPolicy,
      freeDaysPerYear: { defaultUnits: 0, byYear: [], byHolderYear: [] },
    };
    const deliveries = [
      delivery("org-kc-council", "2010-08-02", 1, { agreedDayRatePence: 33_333 }),
      delivery("org-kc-council", "2010-08-03", 2, { agreedDayRatePence: 33_333 }),
    ];
    const { lines } = allocate(policy, { deliveries, organisations });
    expect(lines.map((l) => l.chargePence)).toEqual([8_333, 16_667]);
  });

  it("allocates nothing from no deliveries", () => {
    const { allocation, lines } = allocate(workedExamplePolicy, { deliveries: [], organisations });
    expect([allocation.count, allocation.holderYears, allocation.totalChargePence, lines]).toEqual([0, [], 0, []]);
  });

  it("refuses bad deliveries with an error naming the field", () => {
    const good = delivery("org-kc-council", "2010-05-03", 2);
    const cases: [Partial<typeof good>, string, string][] = [
      [{ units: 0 }, "deliveries[1].units", "VALIDATION"],
      [{ units: -2 }, "deliveries[1].units", "VALIDATION"],
      [{ units: 1.5 }, "deliveries[1].units", "VALIDATION"],
      [{ date: "2010-02-30" }, "deliveries[1].date", "VALIDATION"],
      [{ strand: "TEA_AND_BISCUITS" as never }, "deliveries[1].strand", "VALIDATION"],
      [{ organisationId: "org-nowhere" }, "deliveries[1].organisationId", "NOT_FOUND"],
      [{ agreedDayRatePence: -1 }, "deliveries[1].agreedDayRatePence", "VALIDATION"],
    ];
    for (const [change, field, code] of cases) {
      const result = allocateQuota(workedExamplePolicy, { deliveries: [good, { ...good, ...change }], organisations });
      expect(result.ok).toBe(false);
      if (!result.ok) expect([result.error.code, "field" in result.error && result.error.field]).toEqual([code, field]);
    }
  });
});

describe("second region: pooled by organisation, quarter days, July years", () => {
  it("gives each organisation its own 6 days and prices quarter days at the region's rate", () => {
    const deliveries = [
      delivery("org-kc-council", "2010-07-01", 24),
      delivery("org-kc-police", "2010-07-02", 25),
      delivery("org-kc-council", "2011-06-30", 1),
      delivery("org-kc-council", "2011-07-01", 21, { strand: "STRATEGIC" }),
    ];
    const { lines } = allocate(westOfScotlandPolicy, { deliveries, organisations });
    expect(lines.map((l) => [l.holderId, l.financialYear, l.quotaUnits, l.chargeableUnits, l.chargePence])).toEqual([
      ["org-kc-council", 2010, 24, 0, 0],
      ["org-kc-police", 2010, 24, 1, 12_000],
      ["org-kc-council", 2010, 0, 1, 12_000],
      // 2011: the allowance is 20 units (5 days) and the default rate 495.00.
      ["org-kc-council", 2011, 20, 1, 12_375],
    ]);
  });
});
