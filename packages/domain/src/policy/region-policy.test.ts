import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { defaultDayRatePence } from "../quota/day-rate.js";
import { allowanceUnits } from "../quota/quota-holder.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { consultantBenchmarkDayRatePence } from "../value-for-money/value-for-money.js";
import { regionPolicyInputOf } from "./policy-input.js";
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

describe("a policy written in days (rule 2: units derived from the granularity)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: the test edits JSON documents freely
  const inDays = () => JSON.parse(JSON.stringify(regionPolicyInputOf(westOfScotlandPolicy))) as Record<string, any>;

  it("reads days and stores units: 6 free days at quarter days are 24 units", () => {
    const doc = inDays();
    expect(doc.freeDaysPerYear).toEqual({ defaultDays: "6", byYear: [{ year: 2011, days: "5" }], byHolderYear: [] });
    expect(doc.rapidResponse.reserveDaysPerAdviserWeek).toBe("0.75");
    expect(parseRegionPolicy(doc)).toEqual({ ok: true, value: westOfScotlandPolicy });
    doc.freeDaysPerYear = { defaultDays: "8", byYear: [{ year: 2012, days: 7.5 }] };
    doc.rapidResponse = { reserveDaysPerAdviserWeek: "0.5", targetHours: 24 };
    const r = parseRegionPolicy(doc);
    expect(r.ok && [r.value.freeDaysPerYear, r.value.rapidResponse.reserveUnitsPerAdviserWeek]).toEqual([
      { defaultUnits: 32, byYear: [{ year: 2012, units: 30 }], byHolderYear: [] },
      2,
    ]);
  });

  it("keeps the days when a region changes the granularity of a preset it copies", () => {
    const r = parseRegionPolicy({ ...inDays(), unitsPerDay: 8 });
    expect(r.ok && [r.value.freeDaysPerYear.defaultUnits, r.value.rapidResponse.reserveUnitsPerAdviserWeek]).toEqual([48, 6]);
    // Half days cannot hold the preset's three-quarter-day reserve: refused, not rounded.
    expect(fields({ ...inDays(), unitsPerDay: 2 })).toEqual(["rapidResponse.reserveDaysPerAdviserWeek"]);
  });

  it("refuses days off the granularity, both forms at once, and neither, naming the field", () => {
    const doc = inDays();
    doc.unitsPerDay = 2;
    doc.freeDaysPerYear = { defaultDays: 6, defaultUnits: 12, byYear: [{ year: 2011 }, { year: 2012, days: "1.25" }] };
    doc.rapidResponse = { reserveDaysPerAdviserWeek: 0.75, targetHours: 24 };
    expect(fields(doc)).toEqual([
      "freeDaysPerYear.byYear[0].days",
      "freeDaysPerYear.defaultUnits",
      "freeDaysPerYear.byYear[1].days",
      "rapidResponse.reserveDaysPerAdviserWeek",
    ]);
  });

  it("round-trips every policy through its days form, whatever the granularity", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 4, 5, 8, 10, 1000),
        fc.nat({ max: 400 }),
        fc.array(fc.record({ year: fc.integer({ min: 2000, max: 2040 }), days: fc.nat({ max: 400 }) }), { maxLength: 4 }),
        fc.nat({ max: 5 }),
        (unitsPerDay, defaultDays, years, reserveQuarters) => {
          const byYear = [...new Map(years.map((y) => [y.year, y])).values()];
          const policy: RegionPolicy = {
            ...westOfScotlandPolicy,
            unitsPerDay: unitsPerDay * 4,
            freeDaysPerYear: {
              defaultUnits: defaultDays * unitsPerDay * 4,
              byYear: byYear.map((y) => ({ year: y.year, units: y.days * unitsPerDay * 4 })),
              byHolderYear: [],
            },
            rapidResponse: { reserveUnitsPerAdviserWeek: reserveQuarters * unitsPerDay, targetHours: 24 },
          };
          if (1000 % policy.unitsPerDay !== 0) return;
          expect(parseRegionPolicy(JSON.parse(JSON.stringify(regionPolicyInputOf(policy))))).toEqual({ ok: true, value: policy });
        },
      ),
    );
  });
});
