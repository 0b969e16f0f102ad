import {
  type AuthorityComparison,
  BENCHMARK_MEASURES,
  type BenchmarkMeasure,
  type ForbiddenError,
  type NotFoundError,
  type PublishedArea,
  type Result,
  type ValidationError,
  compareAuthority,
  invalid,
  notFound,
} from "@adviser-hub/domain";
import { type Queryable, areaFigures, publishedFigures, statisticalNeighboursOf } from "@adviser-hub/persistence";
import { type Reader, requireReader } from "./actor.js";
import { benchmarksOf, countOf } from "./benchmark-inputs.js";
import { validYear } from "./year.js";

export interface BenchmarkComparisonArgs {
  readonly region: string;
  readonly authority: string;
  readonly measure: BenchmarkMeasure;
  readonly fromYear: number;
  readonly toYear: number;
}

export interface BenchmarkComparisonReport extends AuthorityComparison {
  readonly measure: BenchmarkMeasure;
  /** The statistical neighbours compared against, nearest first. */
  readonly neighbourIds: readonly string[];
}

export type BenchmarkComparisonResult = Result<BenchmarkComparisonReport, ValidationError | NotFoundError | ForbiddenError>;

const MAX_SPAN_YEARS = 30;

/**
 * An authority against its region, England (when the imported file had an England row) and its
 * statistical neighbours, year by year, as the local-authority interactive tool shows it: four
 * statements whatever the span.
 */
export async function benchmarkComparison(db: Queryable, reader: Reader, args: BenchmarkComparisonArgs): Promise<BenchmarkComparisonResult> {
  const denied = requireReader(reader, "benchmarkComparison", args.region);
  if (denied) return { ok: false, error: denied };
  if (!(BENCHMARK_MEASURES as readonly string[]).includes(args.measure)) return invalid("measure", "is not a benchmark measure");
  const from = validYear(args.fromYear, "fromYear");
  if (!from.ok) return from;
  const to = validYear(args.toYear, "toYear");
  if (!to.ok) return to;
  if (to.value < from.value) return invalid("toYear", "must not be before fromYear");
  if (to.value - from.value >= MAX_SPAN_YEARS) return invalid("toYear", `a comparison spans at most ${MAX_SPAN_YEARS} years`);
  const authority = await db
    .selectFrom("authorities")
    .select("id")
    .where("region_code", "=", args.region)
    .where("id", "=", args.authority)
    .executeTakeFirst();
  if (!authority) return { ok: false, error: notFound("authority", args.authority, "authority") };
  const span = { fromYear: from.value, toYear: to.value };
  const [figures, [neighbours = []], areas] = await Promise.all([
    publishedFigures(db, args.region, { measures: [args.measure], ...span }),
    statisticalNeighboursOf(db, args.region, [args.authority]),
    areaFigures(db, args.region, { measure: args.measure, ...span }),
  ]);
  const england = new Map<number, PublishedArea>();
  for (const area of areas)
    if (area.level === "NATIONAL" && !england.has(area.year))
      england.set(area.year, { count: countOf(area.value, area.symbol), population: area.population });
  const neighbourIds = neighbours.map((n) => n.id);
  const comparison = compareAuthority(args.authority, benchmarksOf(figures), neighbourIds, england);
  return { ok: true, value: { ...comparison, measure: args.measure, neighbourIds } };
}
