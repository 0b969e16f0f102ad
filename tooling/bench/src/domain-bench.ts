import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import {
  type NegotiatedRate,
  type QuotaDelivery,
  type QuotaOrganisation,
  type Strand,
  addDays,
  allocateQuota,
  type RegionPolicy,
  westOfScotlandPolicy,
} from "@adviser-hub/domain";
import { Prng } from "@adviser-hub/london-pilot";

/**
 * The example region's policy (two charged strands, allowance and default rate by year), pooled
 * by area so the 450 organisations share 150 allowances: every branch of the charge path runs.
 */
const benchPolicy: RegionPolicy = { ...westOfScotlandPolicy, quotaPooling: "AREA" };

export interface DomainBenchResult {
  readonly name: string;
  readonly deliveries: number;
  readonly holders: number;
  readonly organisations: number;
  readonly iterations: number;
  /** Best wall time of allocation + charging, in milliseconds. */
  readonly ms: number;
  readonly bestMs: number;
  readonly medianMs: number;
  /**
   * Best and median CPU time (user + system) of the process over each run: on a shared machine
   * wall time includes waiting for a core, CPU time does not.
   */
  readonly bestCpuMs: number;
  readonly medianCpuMs: number;
  readonly totalChargePence: number;
}

const STRAND_MIX: readonly Strand[] = [
  "PROJECT_SUPPORT",
  "PROJECT_SUPPORT",
  "PROJECT_SUPPORT",
  "PROJECT_SUPPORT",
  "PROJECT_SUPPORT",
  "RAPID_RESPONSE",
  "HOST_SUPPORT",
  "KNOWLEDGE_HUB",
  "STRATEGIC",
];

/**
 * 150 areas (quota holders under AREA pooling) with three organisations each, and deliveries
 * spread over two financial years, recorded in an order that is not date order (backdating).
 */
export function generateDomainBenchData(deliveryCount = 1_000_000, holderCount = 150, seed = 20100401) {
  // The workspace's one seeded generator, so every run allocates the same data.
  const prng = new Prng(seed);
  const random = () => prng.next();
  const organisations: QuotaOrganisation[] = [];
  for (let h = 0; h < holderCount; h += 1)
    for (const kind of ["council", "police", "health"])
      organisations.push({ id: `org-${h}-${kind}`, homeAuthorityId: `area-${h}` });
  const negotiatedRates: NegotiatedRate[] = organisations
    .filter((_, i) => i % 7 === 0)
    .map((o) => ({ organisationId: o.id, year: 2010, dayRatePence: 50_000 }));
  const dates: string[] = [];
  for (let d = 0; d < 731; d += 1) dates.push(addDays("2010-04-01", d));
  const deliveries: QuotaDelivery[] = new Array(deliveryCount);
  for (let i = 0; i < deliveryCount; i += 1) {
    const org = organisations[Math.floor(random() * organisations.length)]!;
    deliveries[i] = {
      id: `del-${i}`,
      date: dates[Math.floor(random() * dates.length)]!,
      recordedSeq: i + 1,
      units: 1 + Math.floor(random() * 10),
      organisationId: org.id,
      strand: STRAND_MIX[Math.floor(random() * STRAND_MIX.length)]!,
      agreedDayRatePence: random() < 0.2 ? 60_000 : null,
    };
  }
  return { organisations, negotiatedRates, deliveries };
}

type Allocate = typeof allocateQuota;

/**
 * Times allocation and charging of 1,000,000 deliveries over 150 quota holders: the exported
 * `allocateQuota` (a kernel over packed records) and, beside it, the plain loop the property
 * tests hold it to. The kernel is kept only while the plain loop misses 1 s here.
 */
export async function runDomainBench(
  iterations = 5,
  allocate: Allocate = allocateQuota,
  name = "domain: allocate and charge quota",
  input = generateDomainBenchData(),
): Promise<DomainBenchResult> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let totalChargePence = 0;
  for (let i = 0; i < iterations; i += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const result = allocate(benchPolicy, input);
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    if (!result.ok) throw new Error(`allocation refused the generated data: ${result.error.message}`);
    totalChargePence = result.value.totalChargePence;
    times.push(elapsed);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  const sortNumbers = (xs: number[]) => xs.sort((a, b) => a - b);
  sortNumbers(times);
  sortNumbers(cpuTimes);
  const best = times[0]!;
  const median = times[Math.floor(times.length / 2)]!;
  return {
    name,
    deliveries: input.deliveries.length,
    holders: new Set(input.organisations.map((o) => o.homeAuthorityId)).size,
    organisations: input.organisations.length,
    iterations,
    ms: best,
    bestMs: best,
    medianMs: median,
    bestCpuMs: cpuTimes[0]!,
    medianCpuMs: cpuTimes[Math.floor(cpuTimes.length / 2)]!,
    totalChargePence,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runDomainBench();
  console.log(
    `${r.name}: ${r.deliveries.toLocaleString("en-GB")} deliveries over ${r.holders} holders, ` +
      `best ${r.bestMs.toFixed(1)} ms, median ${r.medianMs.toFixed(1)} ms wall; ` +
      `best ${r.bestCpuMs.toFixed(1)} ms, median ${r.medianCpuMs.toFixed(1)} ms CPU (${r.iterations} runs)`,
  );
}
