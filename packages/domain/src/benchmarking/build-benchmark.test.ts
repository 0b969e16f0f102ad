import { describe, expect, it } from "vitest";
import type { BenchmarkInput, PublishedCount } from "./benchmark.js";
import { buildBenchmark, compareWithNeighbours, parsePublishedCount } from "./build-benchmark.js";

const count = (raw: number | string): PublishedCount => {
  const r = parsePublishedCount(raw, "count");
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const row = (authorityId: string, population: number, raw: number | string): BenchmarkInput => ({
  authorityId,
  population,
  count: count(raw),
});
const inputs = [
  row("A", 10_000, 50),
  row("B", 20_000, 200),
  row("C", 40_000, "c"),
  row("D", 30_000, 240),
  row("E", 10_000, 70),
  row("F", 10_000, 400),
];

describe("published counts", () => {
  it("keeps 'c' as suppressed, never zero", () => {
    expect(count("c")).toEqual({ suppressed: true });
    expect(count(" C ")).toEqual({ suppressed: true });
    expect(count("1,234")).toEqual({ suppressed: false, value: 1_234 });
    expect(count(0)).toEqual({ suppressed: false, value: 0 });
    for (const bad of ["", "x", "-3", "1.5", 2.5, null])
      expect(parsePublishedCount(bad, "rows[3].referrals")).toMatchObject({ ok: false, error: { field: "rows[3].referrals" } });
  });
});

describe("benchmarking (rule 12)", () => {
  const result = buildBenchmark("REFERRALS", 2010, inputs);
  if (!result.ok) throw new Error(result.error.message);
  const b = result.value;
  const byId = (id: string) => b.rows.find((r) => r.authorityId === id)!;

  it("rates per 10,000 children, in hundredths", () => {
    expect(byId("A")).toMatchObject({ rate: { numerator: 50, denominator: 1 }, rateScaled: 5_000 });
    expect(byId("D").rateScaled).toBe(8_000);
  });

  it("region rate is the sum of counts over the sum of populations, not a mean of rates", () => {
    // (50+200+240+70+400) / 80,000 children = 120 per 10,000; the mean of rates would be 140.
    expect(b.regionRate).toEqual({ numerator: 120, denominator: 1 });
    expect(b.regionRateScaled).toBe(12_000);
  });

  it("leaves suppressed authorities out of rates, ranks and quartiles", () => {
    expect(byId("C")).toMatchObject({ suppressed: true, count: { suppressed: true }, rate: null, rateScaled: null, rank: null, outlier: null });
  });

  it("quartiles by linear interpolation, ranks with the highest first, outliers beyond 1.5 IQR", () => {
    expect(b.quartiles).toEqual({ q1: 7_000, median: 8_000, q3: 10_000 });
    expect(["F", "B", "D", "E", "A"].map((id) => byId(id).rank)).toEqual([1, 2, 3, 4, 5]);
    expect(b.rows.filter((r) => r.outlier !== null).map((r) => [r.authorityId, r.outlier])).toEqual([["F", "HIGH"]]);
  });

  it("interpolates between order statistics and shares ranks on ties", () => {
    const r = buildBenchmark("CP_PLANS_STARTED", 2011, [row("W", 10_000, 1), row("X", 10_000, 2), row("Y", 10_000, 3), row("Z", 10_000, 4), row("V", 10_000, 2)]);
    if (!r.ok) throw new Error("unexpected");
    // Values 100, 200, 200, 300, 400 (hundredths): positions 1, 2, 3 -> 200, 200, 300.
    expect(r.value.quartiles).toEqual({ q1: 200, median: 200, q3: 300 });
    expect(r.value.rows.map((x) => [x.authorityId, x.rank])).toEqual([["V", 3], ["W", 5], ["X", 3], ["Y", 2], ["Z", 1]]);
    const four = buildBenchmark("REFERRALS", 2011, [row("W", 10_000, 1), row("X", 10_000, 2), row("Y", 10_000, 3), row("Z", 10_000, 4)]);
    expect(four.ok && four.value.quartiles).toEqual({ q1: 175, median: 250, q3: 325 });
  });

  it("compares an authority with its statistical neighbours", () => {
    const c = compareWithNeighbours(b, "A", ["B", "C", "E", "unknown"]);
    expect(c.neighbours.map((r) => r.authorityId)).toEqual(["B", "C", "E"]);
    expect(c.neighbourRate).toEqual({ numerator: 90, denominator: 1 });
    expect(c.rankAmongNeighbours).toBe(3);
    expect(compareWithNeighbours(b, "C", ["A"]).rankAmongNeighbours).toBeNull();
  });

  it("refuses bad rows naming the field", () => {
    expect(buildBenchmark("REFERRALS", 2010, [row("A", 0, 5)])).toMatchObject({ error: { field: "inputs[0].population" } });
    expect(buildBenchmark("REFERRALS", 2010, [row("A", 10, 5), row("A", 10, 5)])).toMatchObject({ error: { field: "inputs[1].authorityId" } });
  });
});
