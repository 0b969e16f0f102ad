import {
  type Benchmark,
  type BenchmarkInput,
  type BenchmarkMeasure,
  type ForbiddenError,
  type Result,
  type ValidationError,
  buildBenchmark,
  invalid,
} from "@adviser-hub/domain";
import { type Queryable, benchmarkInputs } from "@adviser-hub/persistence";
import { type Reader, requireReader } from "./actor.js";
import { countOf } from "./benchmark-inputs.js";
import { validYear } from "./year.js";

export interface BenchmarkArgs {
  readonly region: string;
  readonly year: number;
  readonly measure: BenchmarkMeasure;
}

export type BenchmarkResult = Result<Benchmark, ValidationError | ForbiddenError>;

/**
 * The region's authorities compared on one published measure (rule 12): published rows with a
 * population go to the domain, suppressed counts kept out of the rates.
 */
export async function benchmark(db: Queryable, reader: Reader, args: BenchmarkArgs): Promise<BenchmarkResult> {
  const denied = requireReader(reader, "benchmark", args.region);
  if (denied) return { ok: false, error: denied };
  const year = validYear(args.year);
  if (!year.ok) return year;
  const rows = await benchmarkInputs(db, args.region, year.value, args.measure);
  const inputs: BenchmarkInput[] = rows
    .filter((row) => row.published && row.population !== null)
    .map((row) => ({
      authorityId: row.authorityId,
      population: row.population!,
      count: countOf(row.value, row.symbol),
    }));
  const result = buildBenchmark(args.measure, year.value, inputs);
  if (!result.ok) return invalid(result.error.field || "measure", result.error.message);
  return result;
}
