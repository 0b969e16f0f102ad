import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { servedAuthorities, valueForMoney } from "./value-for-money.js";

describe("value for money (rule 13)", () => {
  it("London 2010-11: 360,000.00 over 660 days is 545.45 a day against an 800.00 benchmark", () => {
    const served = Array.from({ length: 33 }, (_, i) => `E09${String(i + 1).padStart(6, "0")}`);
    expect(
      valueForMoney(workedExamplePolicy, {
        year: 2010,
        programmeCostPence: 36_000_000,
        chargeIncomePence: 1_320_000,
        deliveredUnits: 1_320,
        servedAuthorityIds: [...served.slice(0, 30), "E09000001"],
        authorityCount: 33,
      }),
    ).toEqual({
      year: 2010,
      programmeCostPence: 36_000_000,
      chargeIncomePence: 1_320_000,
      deliveredUnits: 1_320,
      costPerDeliveredDayPence: 54_545,
      netCostPerDeliveredDayPence: 52_545,
      consultantBenchmarkDayRatePence: 80_000,
      savingPerDayPence: 25_455,
      coverage: { served: 30, total: 33, share: { numerator: 10, denominator: 11 }, shareBp: 9_091 },
    });
  });

  it("uses the region's granularity and benchmark, and reports nothing per day without delivery", () => {
    const v = valueForMoney(westOfScotlandPolicy, {
      year: 2010,
      programmeCostPence: 10_000_000,
      chargeIncomePence: 0,
      deliveredUnits: 0,
      servedAuthorityIds: [],
      authorityCount: 0,
    });
    expect(v).toMatchObject({ costPerDeliveredDayPence: null, savingPerDayPence: null, consultantBenchmarkDayRatePence: 70_000 });
    expect(v.coverage.shareBp).toBe(0);
    // 100,000.00 over 150 quarter days (37.5 days) = 2,666.67 a day.
    expect(valueForMoney(westOfScotlandPolicy, { ...v, programmeCostPence: 10_000_000, chargeIncomePence: 0, servedAuthorityIds: [], authorityCount: 1, deliveredUnits: 150 }).costPerDeliveredDayPence).toBe(266_667);
  });

  it("counts served authorities through organisations' home areas, not region-wide bodies", () => {
    const organisations = [
      { id: "o1", homeAuthorityId: "E09000002" },
      { id: "o2", homeAuthorityId: "E09000002" },
      { id: "o3", homeAuthorityId: "E09000020" },
      { id: "lscb", homeAuthorityId: null },
    ];
    expect(servedAuthorities([{ organisationId: "o2" }, { organisationId: "o1" }, { organisationId: "lscb" }], organisations)).toEqual(["E09000002"]);
  });
});
