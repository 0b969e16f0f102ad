import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BenchmarkInput } from "./benchmark.js";
import { buildBenchmark } from "./build-benchmark.js";
import { compareAuthority, quartileBand, trendBetween } from "./compare.js";
import type { BenchmarkSymbol } from "./symbols.js";
import { BENCHMARK_SYMBOL_NAMES } from "./symbols.js";

const built = (year: number, inputs: readonly BenchmarkInput[]) => {
  const r = buildBenchmark("REFERRALS", year, inputs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const n = (authorityId: string, value: number, population = 10_000): BenchmarkInput => ({ authorityId, population, count: { suppressed: false, value } });
const s = (authorityId: string, symbol: BenchmarkSymbol = "SUPPRESSED"): BenchmarkInput => ({ authorityId, population: 10_000, count: { suppressed: true, symbol } });

/** Distinct authorities, each with a count or a symbol. */
const inputsArb = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^E090000[0-9]{2}$/),
      population: fc.integer({ min: 1, max: 200_000 }),
      count: fc.oneof(
        fc.integer({ min: 0, max: 50_000 }).map((value) => ({ suppressed: false as const, value })),
        fc.constantFrom(...BENCHMARK_SYMBOL_NAMES).map((symbol) => ({ suppressed: true as const, symbol })),
      ),
    }),
    { selector: (r) => r.id, minLength: 1, maxLength: 40 },
  )
  .map((rows) => rows.map((r): BenchmarkInput => ({ authorityId: r.id, population: r.population, count: r.count })));

describe("comparison rules", () => {
  it("ranks are a permutation of 1..n when the rates differ, and 1 + the number of higher rates in any case", () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const b = built(2010, inputs);
        const ranked = b.rows.filter((r) => r.rank !== null);
        for (const r of ranked) expect(r.rank).toBe(1 + ranked.filter((o) => o.rateScaled! > r.rateScaled!).length);
        if (new Set(ranked.map((r) => r.rateScaled)).size === ranked.length)
          expect(ranked.map((r) => r.rank).sort((a, c) => a! - c!)).toEqual(ranked.map((_, i) => i + 1));
      }),
    );
  });

  it("never ranks, bands or fences a figure published as a symbol", () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const b = built(2010, inputs);
        for (const r of b.rows.filter((x) => x.count.suppressed)) {
          expect(r).toMatchObject({ rank: null, rate: null, rateScaled: null, outlier: null });
          expect(r.symbol).not.toBeNull();
        }
        for (const id of b.rows.map((r) => r.authorityId)) {
          const year = compareAuthority(id, [b], [], new Map()).years[0]!;
          if (year.row!.count.suppressed) expect([year.quartileBand, year.trend]).toEqual([null, null]);
          else expect(year.quartileBand).not.toBeNull();
        }
      }),
    );
  });

  it("quartile bands are monotone in the rate", () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const b = built(2010, inputs);
        if (b.quartiles === null) return;
        const rated = b.rows.filter((r) => r.rateScaled !== null).sort((a, c) => a.rateScaled! - c.rateScaled!);
        const bands = rated.map((r) => quartileBand(r.rateScaled!, b.quartiles!));
        for (let i = 1; i < bands.length; i++) expect(bands[i]!).toBeGreaterThanOrEqual(bands[i - 1]!);
        // The lowest rate sits in band 1 and the highest above band 1 unless all are equal.
        expect(bands[0]).toBe(1);
      }),
    );
  });

  it("an authority against the region, England and its neighbours, with the trend over the years", () => {
    const y2009 = built(2009, [n("A", 50), n("B", 100), n("C", 200), n("D", 300), n("E", 400)]);
    const y2010 = built(2010, [n("A", 80), n("B", 100), s("C"), n("D", 300), n("E", 400)]);
    const y2011 = built(2011, [s("A", "UNAVAILABLE"), n("B", 90), n("C", 200), n("D", 300), n("E", 400)]);
    const y2012 = built(2012, [n("A", 60), n("B", 90), n("C", 200), n("D", 300), n("E", 400)]);
    const england = new Map([[2010, { count: { suppressed: false as const, value: 600_000 }, population: 11_000_000 }], [2011, { count: { suppressed: true as const, symbol: "UNAVAILABLE" as const }, population: 11_000_000 }]]);
    const c = compareAuthority("A", [y2012, y2010, y2009, y2011], ["B", "C"], england);
    expect(c.years.map((y) => [y.year, y.row?.rateScaled ?? null, y.ranked, y.quartileBand, y.trend])).toEqual([
      [2009, 5_000, 5, 1, null],
      [2010, 8_000, 4, 1, "UP"],
      [2011, null, 4, null, null],
      [2012, 6_000, 5, 1, "DOWN"],
    ]);
    // 600,000 x 10,000 / 11,000,000 = 545.4545... -> 545.45
    expect(c.years.map((y) => y.englandRateScaled)).toEqual([null, 54_545, null, null]);
    expect(c.years.map((y) => y.englandSymbol)).toEqual([null, null, "UNAVAILABLE", null]);
    expect(c.years[1]).toMatchObject({ regionRateScaled: 22_000, neighbourRateScaled: 10_000, rankAmongNeighbours: 2 });
    expect(c.trend).toBe("UP");
    expect(trendBetween(5, 5)).toBe("UNCHANGED");
    expect(compareAuthority("A", [y2011], [], new Map()).trend).toBeNull();
  });
});
