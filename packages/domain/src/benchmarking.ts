import type {
  Benchmark,
  BenchmarkInput,
  BenchmarkMeasure,
  NeighbourComparison,
  PublishedCount,
} from "./benchmark.js";
import type { Result, ValidationError } from "./result.js";

/** Reads a published count: a whole number, or 'c' for suppressed. */
export function parsePublishedCount(_raw: unknown, _field: string): Result<PublishedCount, ValidationError> {
  throw new Error("pending");
}

/** Rule 12: rates, the region's sum-over-sum rate, quartiles, ranks and outliers. */
export function buildBenchmark(
  _measure: BenchmarkMeasure,
  _year: number,
  _inputs: readonly BenchmarkInput[],
): Result<Benchmark, ValidationError> {
  throw new Error("pending");
}

export function compareWithNeighbours(
  _benchmark: Benchmark,
  _authorityId: string,
  _neighbourIds: readonly string[],
): NeighbourComparison {
  throw new Error("pending");
}
