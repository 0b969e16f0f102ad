import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { defaultDayRatePence } from "../quota/day-rate.js";
import { allowanceUnits } from "../quota/quota-holder.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { consultantBenchmarkDayRatePence } from "../value-for-money/value-for-money.js";
import { parseRegionPolicy, type RegionPolicy } from "./region-policy.js";

const asJson = (p: RegionPolicy) => JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
const fields = (input: unknown) => {
  const r = parseRegionPolicy(input);
  return r.ok ? [] : r.error.issues.map((i) => i.field);
};

describe("region policy validation (rule 15)", () => {
  it("accepts both presets, also after a JSON round trip", () => {
    for (const preset of [workedExamplePolicy, westOfScotlandPolicy]) {
      expect(parseRegionPolicy(preset)).toEqual({ ok: true, value: preset });
      expect(parseRegionPolicy(asJson(preset))).toEqual({ ok: true, value: preset });
    }
  });

  it("names the field of every problem", () => {
    const p = asJson(workedExamplePolicy);
    const strands = p.strands as Record<string, Record<string, unknown>>;
    strands.PROJECT_SUPPORT = { ...strands.PROJECT_SUPPORT, consumesQuota: "yes" };
    strands.GARDENING = { consumesQuota: false, chargedAfterQuota: false, heldToCapacity: false };
    delete strands.STRATEGIC;
    p.unitsPerDay = 3;
    p.financialYearStart = { month: 4, day: 31 };
    p.quotaPooling = "BOROUGH";
    p.bankHolidays = [{ date: "2011-02-29", name: "Not a day" }];
    p.defaultDayRate = { pence: 550.5, byYear: [] };
    p.rapidResponse = { reserveUnitsPerAdviserWeek: -1, targetHours: 48 };
    p.workingWeekdays = [1, 2, 8];
    p.currency = { ...(p.currency as object), code: "pounds" };
    p.colour = "red";
    expect(fields(p).sort()).toEqual(
      [
        "strands.PROJECT_SUPPORT.consumesQuota",
        "strands.GARDENING",
        "strands.STRATEGIC",
        "unitsPerDay",
        "financialYearStart.day",
        "quotaPooling",
        "bankHolidays[0].date",
        "defaultDayRate.pence",
        "rapidResponse.reserveUnitsPerAdviserWeek",
        "workingWeekdays[2]",
        "currency.code",
        "colour",
      ].sort(),
    );
    const r = parseRegionPolicy(p);
    expect(r.ok || r.error.code).toBe("VALIDATION");
  });

  it("holds rules 7 and 8 in every region: host support is free of quota, rapid response never blocked", () => {
    const p = asJson(workedExamplePolicy);
    const strands = p.strands as Record<string, Record<string, unknown>>;
    strands.HOST_SUPPORT = { ...strands.HOST_SUPPORT, consumesQuota: true };
    strands.RAPID_RESPONSE = { ...strands.RAPID_RESPONSE, heldToCapacity: true };
    expect(fields(p)).toEqual(["strands.RAPID_RESPONSE.heldToCapacity", "strands.HOST_SUPPORT.consumesQuota"]);
  });

  it("refuses repeated year overrides and a missing object", () => {
    const p = asJson(workedExamplePolicy);
    p.freeDaysPerYear = { defaultUnits: 20, byYear: [{ year: 2010, units: 10 }, { year: 2010, units: 12 }], byHolderYear: [] };
    expect(fields(p)).toEqual(["freeDaysPerYear.byYear[1]"]);
    expect(fields(null)).toEqual(["policy"]);
    expect(fields({})).toContain("strands");
  });

  it("resolves allowances and rates by holder override, then year, then default", () => {
    const p: RegionPolicy = {
      ...workedExamplePolicy,
      freeDaysPerYear: { defaultUnits: 20, byYear: [{ year: 2011, units: 16 }], byHolderYear: [{ holderId: "E09000001", year: 2011, units: 4 }] },
    };
    expect([allowanceUnits(p, "E09000002", 2010), allowanceUnits(p, "E09000002", 2011), allowanceUnits(p, "E09000001", 2011)]).toEqual([20, 16, 4]);
    expect([defaultDayRatePence(westOfScotlandPolicy, 2010), defaultDayRatePence(westOfScotlandPolicy, 2011)]).toEqual([48_000, 49_500]);
    expect(consultantBenchmarkDayRatePence(workedExamplePolicy, 2010)).toBe(80_000);
  });

  it("refuses what the database would refuse: a code starting with a digit, a rate of 0 or past the exact bound", () => {
    const p = asJson(workedExamplePolicy);
    p.code = "9-north";
    p.defaultDayRate = { pence: 0, byYear: [{ year: 2011, pence: 100_000_001 }] };
    p.consultantBenchmarkDayRate = { pence: -5, byYear: [] };
    expect(fields(p).sort()).toEqual(["code", "consultantBenchmarkDayRate.pence", "defaultDayRate.byYear[0].pence", "defaultDayRate.pence"]);
  });
});
