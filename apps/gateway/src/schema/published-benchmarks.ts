import type { ComparisonYear, CommonTheme, ThemeOutlier } from "@adviser-hub/domain";
import {
  type BenchmarkComparisonReport,
  type CommonThemesReport,
  type ImportedBenchmarks,
  benchmarkComparison,
  commonThemes,
  importBenchmarks,
} from "@adviser-hub/service";
import { builder } from "../builder.js";
import { ValidationError } from "../errors/index.js";
import { regionalKey } from "../global-id.js";
import { Authority } from "./authority.js";
import { BenchmarkMeasureEnum, BenchmarkRow, BenchmarkSymbolEnum, OutlierEnum, rate } from "./benchmark.js";
import { daysOf } from "./days-of.js";
import { baseMutationErrors } from "./errors.js";
import { actorOf, mutationScopes, orThrow, readerOf } from "./mutation-support.js";
import { useCaseScopes } from "./scopes.js";

const TrendEnum = builder.enumType("BenchmarkTrend", {
  description: "How a rate moved: against the previous year with a published rate, or from the first to the last.",
  values: { UP: { description: "The rate rose." }, DOWN: { description: "The rate fell." }, UNCHANGED: { description: "The rate is the same." } },
});

const ComparisonYearRef = builder.objectRef<{ region: string; year: ComparisonYear }>("BenchmarkComparisonYear").implement({
  description: "One year of an authority's comparison: its figure, rank and quartile band among the region's authorities, and the comparators.",
  fields: (t) => ({
    year: t.int({ description: "The year of the statistics (2010 is 2010-11).", resolve: (y) => y.year.year }),
    row: t.field({
      type: BenchmarkRow,
      nullable: true,
      description: "The authority's figure: value or symbol, rate, rank among the region's authorities, outlier; null when none was imported.",
      resolve: (y) => (y.year.row ? { region: y.region, row: y.year.row } : null),
    }),
    ranked: t.int({ description: "Authorities of the region ranked that year (those with a published rate).", resolve: (y) => y.year.ranked }),
    quartileBand: t.int({
      nullable: true,
      description: "1 up to the region's lower quartile, 2 up to the median, 3 up to the upper quartile, 4 above; null without a rate.",
      resolve: (y) => y.year.quartileBand,
    }),
    regionRate: t.string({ nullable: true, description: "The region's rate per 10,000 (sum over sum), two decimals.", resolve: (y) => rate(y.year.regionRateScaled) }),
    englandRate: t.string({
      nullable: true,
      description: "England's published rate per 10,000, two decimals; null when the imported file had no England row with a number for the year.",
      resolve: (y) => rate(y.year.englandRateScaled),
    }),
    englandSymbol: t.field({
      type: BenchmarkSymbolEnum,
      nullable: true,
      description: "The symbol England's row published in place of a number, as its meaning; null otherwise.",
      resolve: (y) => y.year.englandSymbol,
    }),
    neighbourRate: t.string({
      nullable: true,
      description: "The statistical neighbours' rate per 10,000 (sum over sum of those with a number), two decimals.",
      resolve: (y) => rate(y.year.neighbourRateScaled),
    }),
    rankAmongNeighbours: t.int({
      nullable: true,
      description: "1 = highest among the authority and its neighbours with a rate; null without a rate.",
      resolve: (y) => y.year.rankAmongNeighbours,
    }),
    trend: t.field({ type: TrendEnum, nullable: true, description: "Against the previous year with a published rate.", resolve: (y) => y.year.trend }),
  }),
});

const BenchmarkComparisonRef = builder.objectRef<{ region: string; report: BenchmarkComparisonReport }>("BenchmarkComparison").implement({
  description: "An authority against its region, England and its statistical neighbours on one measure over the years.",
  fields: (t) => ({
    authority: t.field({ type: Authority, description: "The authority compared.", resolve: (c) => regionalKey(c.region, c.report.authorityId) }),
    measure: t.field({ type: BenchmarkMeasureEnum, description: "The measure.", resolve: (c) => c.report.measure }),
    neighbours: t.field({
      type: [Authority],
      description: "Its statistical neighbours, nearest first.",
      resolve: (c) => c.report.neighbourIds.map((id) => regionalKey(c.region, id)),
    }),
    years: t.field({ type: [ComparisonYearRef], description: "Year by year, oldest first.", resolve: (c) => c.report.years.map((year) => ({ region: c.region, year })) }),
    trend: t.field({
      type: TrendEnum,
      nullable: true,
      description: "From the first to the last year with a published rate; null with fewer than two.",
      resolve: (c) => c.report.trend,
    }),
  }),
});

builder.queryField("benchmarkComparison", (t) =>
  t.field({
    type: BenchmarkComparisonRef,
    description: "An authority compared with its region, England and its statistical neighbours, as the DfE's local-authority interactive tool does. Any token of the region.",
    args: {
      region: t.arg.string({ required: true, description: "Region code." }),
      authority: t.arg.string({ required: true, description: "The authority's GSS code." }),
      measure: t.arg({ type: BenchmarkMeasureEnum, required: true, description: "The measure." }),
      fromYear: t.arg.int({ required: true, description: "First year of the statistics." }),
      toYear: t.arg.int({ required: true, description: "Last year (at most 30 years after the first)." }),
    },
    authScopes: (_root, args) => useCaseScopes("benchmarkComparison", args.region),
    resolve: async (_root, args, context) => ({
      region: args.region,
      report: orThrow(await benchmarkComparison(context.db, readerOf(context), args)),
    }),
  }),
);

const ThemeOutlierRef = builder.objectRef<{ region: string; outlier: ThemeOutlier }>("ThemeOutlier").implement({
  description: "A benchmark measure on which an authority with the theme is an outlier that year (beyond 1.5 IQR).",
  fields: (t) => ({
    measure: t.field({ type: BenchmarkMeasureEnum, description: "The measure.", resolve: (o) => o.outlier.measure }),
    authority: t.field({ type: Authority, description: "The authority.", resolve: (o) => regionalKey(o.region, o.outlier.authorityId) }),
    outlier: t.field({ type: OutlierEnum, description: "HIGH or LOW.", resolve: (o) => o.outlier.outlier }),
  }),
});

const ThemeAcrossAuthoritiesRef = builder.objectRef<{ region: string; theme: CommonTheme }>("ThemeAcrossAuthorities").implement({
  description: "One engagement theme across the region's authorities in a year, from stored deliveries.",
  fields: (t) => ({
    theme: t.string({ description: "The theme.", resolve: (x) => x.theme.theme }),
    engagements: t.int({ description: "Engagements with the theme that had deliveries in the year.", resolve: (x) => x.theme.engagements }),
    daysDelivered: t.field({ type: "Days", description: "Days delivered on them in the year.", resolve: (x, _a, context) => daysOf(context, x.region, x.theme.deliveredUnits) }),
    authorityCount: t.int({ description: "Distinct home authorities of their organisations.", resolve: (x) => x.theme.authorityIds.length }),
    authorities: t.field({ type: [Authority], description: "Those authorities, by code.", resolve: (x) => x.theme.authorityIds.map((id) => regionalKey(x.region, id)) }),
    common: t.boolean({ description: "Seen in at least minAuthorities authorities: a problem common to the boroughs.", resolve: (x) => x.theme.common }),
    outliers: t.field({
      type: [ThemeOutlierRef],
      description: "Benchmark measures on which those authorities are outliers that year.",
      resolve: (x) => x.theme.outliers.map((outlier) => ({ region: x.region, outlier })),
    }),
  }),
});

const CommonThemesRef = builder.objectRef<{ region: string; report: CommonThemesReport }>("CommonThemes").implement({
  description: "Engagement themes across the region's authorities for a year, the most widespread first.",
  fields: (t) => ({
    year: t.int({ description: "The financial year (2010 is 2010-11).", resolve: (r) => r.report.year }),
    minAuthorities: t.int({ description: "The threshold of authorities for a common theme.", resolve: (r) => r.report.minAuthorities }),
    themes: t.field({ type: [ThemeAcrossAuthoritiesRef], description: "Every theme with deliveries in the year.", resolve: (r) => r.report.themes.map((theme) => ({ region: r.region, theme })) }),
  }),
});

builder.queryField("commonThemes", (t) =>
  t.field({
    type: CommonThemesRef,
    description: "Themes across the region's authorities: engagements, days delivered, authorities and their benchmark outliers. An aggregate: any token of the region, funders included.",
    args: {
      region: t.arg.string({ required: true, description: "Region code." }),
      year: t.arg.int({ required: true, description: "Financial year (2010 is 2010-11)." }),
      minAuthorities: t.arg.int({ required: false, defaultValue: 3, description: "A theme in at least this many authorities is common (default 3)." }),
    },
    authScopes: (_root, args) => useCaseScopes("commonThemes", args.region),
    resolve: async (_root, args, context) => ({
      region: args.region,
      report: orThrow(await commonThemes(context.db, readerOf(context), { region: args.region, year: args.year, minAuthorities: args.minAuthorities ?? 3 })),
    }),
  }),
);

const ImportBenchmarksInput = builder.inputType("ImportBenchmarksInput", {
  description: "A Department for Education open-data CSV and the mapping of its indicator columns to measures.",
  fields: (t) => ({
    fileName: t.string({ required: true, description: "The file's name: quoted in refusals, stored as each figure's source." }),
    csv: t.string({ required: false, description: "The CSV text; or send `file` as a multipart upload instead." }),
    file: t.field({ type: "File", required: false, description: "The CSV as a multipart upload (GraphQL multipart request); or send `csv`." }),
    mapping: t.string({ required: true, description: 'The mapping file\'s JSON: { "measures": { "<column>": "REFERRALS", ... }, "population": "<column>" }.' }),
  }),
});

const ImportBenchmarksPayload = builder.objectRef<ImportedBenchmarks>("ImportBenchmarksPayload").implement({
  description: "What the import read and changed; a second import of the same file changes nothing.",
  fields: (t) => ({
    fileName: t.exposeString("fileName", { description: "The file imported." }),
    years: t.intList({ description: "The years in the file.", resolve: (p) => [...p.years] }),
    authorityFigures: t.exposeInt("authorityFigures", { description: "Authorities' figures read." }),
    areaFigures: t.exposeInt("areaFigures", { description: "National and regional figures read." }),
    changedFigures: t.int({ description: "Authorities' figures written or changed.", resolve: (p) => p.changed.statistics }),
    changedPopulations: t.int({ description: "Child populations written or changed.", resolve: (p) => p.changed.populations }),
    changedAreaFigures: t.int({ description: "National and regional figures written or changed.", resolve: (p) => p.changed.areaStatistics }),
  }),
});

builder.mutationField("importBenchmarks", (t) =>
  t.field({
    type: ImportBenchmarksPayload,
    description: "Imports published statistics in the DfE open-data layout for the token's region (REGION_ADMIN): all or nothing, idempotent.",
    ...mutationScopes("importBenchmarks"),
    errors: {
      types: [...baseMutationErrors],
      union: { name: "ImportBenchmarksResult", description: "What was imported, or why the file was refused." },
    },
    args: { input: t.arg({ type: ImportBenchmarksInput, required: true, description: "The file and its mapping." }) },
    resolve: async (_root, { input }, context) => {
      if ((input.csv == null) === (input.file == null)) throw new ValidationError("input.csv", "send either csv or file, not both or neither");
      const csv = input.csv ?? (await input.file!.text());
      return orThrow(await importBenchmarks(context.db, actorOf(context), { fileName: input.fileName, csv, mapping: input.mapping }, { clock: context.clock }));
    },
  }),
);
