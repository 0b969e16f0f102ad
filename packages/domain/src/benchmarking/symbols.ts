/**
 * The symbols the Department for Education's statistics publish in place of a number. Each is
 * kept as its meaning, stored and shown: never read as zero, never in a rate or a rank.
 */
export const BENCHMARK_SYMBOLS = {
  c: "SUPPRESSED",
  z: "NOT_APPLICABLE",
  x: "UNAVAILABLE",
  low: "LOW",
  u: "LOW_RELIABILITY",
  ":": "NOT_AVAILABLE",
} as const;

export type BenchmarkSymbol = (typeof BENCHMARK_SYMBOLS)[keyof typeof BENCHMARK_SYMBOLS];

export const BENCHMARK_SYMBOL_MEANINGS: Readonly<Record<BenchmarkSymbol, string>> = {
  SUPPRESSED: "c: suppressed to protect confidentiality (a count of 1 to 5)",
  NOT_APPLICABLE: "z: not applicable",
  UNAVAILABLE: "x: unavailable",
  LOW: "low: rounds to zero but is not zero",
  LOW_RELIABILITY: "u: low reliability",
  NOT_AVAILABLE: ":: not available",
};

export const BENCHMARK_SYMBOL_NAMES = Object.values(BENCHMARK_SYMBOLS) as readonly BenchmarkSymbol[];

/** The meaning of a published symbol (case and surrounding spaces ignored), or null for any other text. */
export function symbolOf(raw: string): BenchmarkSymbol | null {
  const key = raw.trim().toLowerCase();
  return Object.hasOwn(BENCHMARK_SYMBOLS, key) ? BENCHMARK_SYMBOLS[key as keyof typeof BENCHMARK_SYMBOLS] : null;
}

export const isBenchmarkSymbol = (value: unknown): value is BenchmarkSymbol =>
  typeof value === "string" && (BENCHMARK_SYMBOL_NAMES as readonly string[]).includes(value);
