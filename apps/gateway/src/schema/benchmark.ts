import {
  type Benchmark as BenchmarkResult,
  type BENCHMARK_MEASURES,
  BENCHMARK_SYMBOL_MEANINGS,
  BENCHMARK_SYMBOL_NAMES,
  type BenchmarkRow as BenchmarkRowResult,
  decimalRatio,
} from "@adviser-hub/domain";
import { benchmark } from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { Authority } from "./authority.js";
import { orThrow, readerOf } from "./mutation-support.js";
import { useCaseScopes } from "./scopes.js";

export const BenchmarkMeasureEnum = builder.enumType("BenchmarkMeasure", {
  description: "A published children's social care statistic, compared per 10,000 children aged 0-17 (rule 12).",
  values: {
    REFERRALS: { description: "Referrals to children's social care." },
    RE_REFERRALS: { description: "Re-referrals within 12 months." },
    CP_PLANS_AT_YEAR_END: { description: "Child protection plans at year end." },
    CP_PLANS_STARTED: { description: "Child protection plans started." },
    SECOND_OR_SUBSEQUENT_PLANS: { description: "Second or subsequent child protection plans." },
    ASSESSMENTS_WITHIN_TIMESCALE: { description: "Assessments completed within timescale." },
  } satisfies Record<(typeof BENCHMARK_MEASURES)[number], unknown>,
});

/** Rates are carried in hundredths per 10,000 children; shown as exact decimals. */
export const rate = (scaled: number | null): string | null => (scaled === null ? null : decimalRatio(scaled, 100, 2));

export const BenchmarkSymbolEnum = builder.enumType("BenchmarkSymbol", {
  description: "What the Department for Education published in place of a number; never read as zero, never rated or ranked.",
  values: Object.fromEntries(BENCHMARK_SYMBOL_NAMES.map((name) => [name, { description: BENCHMARK_SYMBOL_MEANINGS[name] }])) as Record<
    (typeof BENCHMARK_SYMBOL_NAMES)[number],
    { description: string }
  >,
});

const Quartiles = builder.objectRef<{ q1: number; median: number; q3: number }>("Quartiles").implement({
  description: "Quartiles of the unsuppressed authorities' rates per 10,000 children.",
  fields: (t) => ({
    q1: t.string({ description: "Lower quartile, two decimals.", resolve: (q) => rate(q.q1)! }),
    median: t.string({ description: "Median, two decimals.", resolve: (q) => rate(q.median)! }),
    q3: t.string({ description: "Upper quartile, two decimals.", resolve: (q) => rate(q.q3)! }),
  }),
});

export const OutlierEnum = builder.enumType("Outlier", {
  description: "A rate beyond 1.5 x the interquartile range.",
  values: { HIGH: { description: "Above Q3 + 1.5 IQR." }, LOW: { description: "Below Q1 - 1.5 IQR." } },
});

export const BenchmarkRow = builder.objectRef<{ region: string; row: BenchmarkRowResult }>("BenchmarkRow").implement({
  description: "One authority's figure for the measure and year.",
  fields: (t) => ({
    authority: t.field({ type: Authority, description: "The authority.", resolve: (r) => regionalKey(r.region, r.row.authorityId) }),
    population: t.int({ description: "Children aged 0-17.", resolve: (r) => r.row.population }),
    value: t.int({
      nullable: true,
      description: "The published count; null when a symbol was published instead (see symbol), never zero.",
      resolve: (r) => (r.row.count.suppressed ? null : r.row.count.value),
    }),
    rate: t.string({
      nullable: true,
      description: "Rate per 10,000 children, two decimals; null when suppressed.",
      resolve: (r) => rate(r.row.rateScaled),
    }),
    rank: t.int({ nullable: true, description: "1 = highest rate; ties share a rank; null when suppressed.", resolve: (r) => r.row.rank }),
    outlier: t.field({ type: OutlierEnum, nullable: true, description: "HIGH or LOW beyond 1.5 IQR.", resolve: (r) => r.row.outlier }),
    suppressed: t.boolean({ description: "The count was suppressed at source ('c', a count of 1 to 5).", resolve: (r) => r.row.suppressed }),
    symbol: t.field({
      type: BenchmarkSymbolEnum,
      nullable: true,
      description: "The symbol published in place of a number ('c', 'z', 'x', 'low', 'u', ':') as its meaning; null when a number was published.",
      resolve: (r) => r.row.symbol,
    }),
  }),
});

const Benchmark = builder.objectRef<{ region: string; result: BenchmarkResult }>("Benchmark").implement({
  description: "Authorities of a region compared on one measure and year: rates, region rate, quartiles, ranks, outliers.",
  fields: (t) => ({
    measure: t.field({ type: BenchmarkMeasureEnum, description: "The measure.", resolve: (b) => b.result.measure }),
    year: t.int({ description: "The year of the statistics.", resolve: (b) => b.result.year }),
    regionRate: t.string({
      nullable: true,
      description: "Sum of counts over sum of populations (suppressed left out of both), per 10,000, two decimals.",
      resolve: (b) => rate(b.result.regionRateScaled),
    }),
    quartiles: t.field({ type: Quartiles, nullable: true, description: "Quartiles of the rates.", resolve: (b) => b.result.quartiles }),
    rows: t.field({
      type: [BenchmarkRow],
      description: "Every authority with a published figure, by authority code.",
      resolve: (b) => b.result.rows.map((row) => ({ region: b.region, row })),
    }),
  }),
});

builder.queryField("benchmark", (t) =>
  t.field({
    type: Benchmark,
    description: "Published statistics of the region's authorities compared on one measure. Any token of the region may read it.",
    args: {
      region: t.arg.string({ required: true, description: "Region code." }),
      year: t.arg.int({ required: true, description: "Year of the statistics." }),
      measure: t.arg({ type: BenchmarkMeasureEnum, required: true, description: "The measure." }),
    },
    authScopes: (_root, args) => useCaseScopes("benchmark", args.region),
    resolve: async (_root, args, context) => ({
      region: args.region,
      result: orThrow(await benchmark(context.reportDb, readerOf(context), { region: args.region, year: args.year, measure: args.measure })),
    }),
  }),
);
