// `pnpm bench [suite ...] [--duration=S] [--rounds=N] [--connections=N] [--levers-duration=S]
//  [--growth-duration=S] [--force]`

/** Run by `pnpm bench` with no suite named, in this order. */
export const SUITES = ["data", "domain", "gateway", "levers", "peers", "embedded", "growth"] as const;
/** Run only when named. */
export const EXTRA_SUITES = ["explain"] as const;
export type SuiteName = (typeof SUITES)[number] | (typeof EXTRA_SUITES)[number];
const ALL: readonly string[] = [...SUITES, ...EXTRA_SUITES];

/** `floor` is measured inside `gateway`, so asking for it runs that suite. */
const ALIASES: Readonly<Record<string, SuiteName>> = { floor: "gateway" };

export interface BenchArgs {
  readonly suites: readonly SuiteName[];
  readonly durationSeconds: number;
  readonly leversDurationSeconds: number;
  readonly growthDurationSeconds: number;
  readonly connections: number;
  readonly rounds: number;
  readonly force: boolean;
}

function positiveInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, not ${raw}`);
  return value;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const suites: SuiteName[] = [];
  const options = new Map<string, string>();
  for (const arg of argv) {
    if (arg === "--") continue;
    const option = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (option) {
      options.set(option[1]!, option[2] ?? "true");
      continue;
    }
    const suite = ALIASES[arg] ?? ALL.find((s) => s === arg);
    if (suite === undefined) throw new Error(`unknown suite "${arg}": choose from ${[...ALL, "floor"].join(", ")}`);
    if (!suites.includes(suite as SuiteName)) suites.push(suite as SuiteName);
  }
  const known = ["duration", "rounds", "levers-duration", "growth-duration", "connections", "force"];
  for (const name of options.keys()) {
    if (!known.includes(name)) throw new Error(`unknown option --${name}: choose from ${known.map((k) => `--${k}`).join(", ")}`);
  }
  const durationSeconds = positiveInt("duration", options.get("duration") ?? process.env.BENCH_DURATION ?? "5");
  return {
    suites: suites.length > 0 ? suites : [...SUITES],
    durationSeconds,
    leversDurationSeconds: positiveInt("levers-duration", options.get("levers-duration") ?? String(durationSeconds)),
    growthDurationSeconds: positiveInt("growth-duration", options.get("growth-duration") ?? "5"),
    connections: positiveInt("connections", options.get("connections") ?? "10"),
    rounds: positiveInt("rounds", options.get("rounds") ?? "3"),
    force: options.get("force") === "true",
  };
}
