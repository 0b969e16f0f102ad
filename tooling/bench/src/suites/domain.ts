import { referenceAllocateQuota } from "@adviser-hub/domain/testing";
import { type DomainBenchResult, generateDomainBenchData, runDomainBench } from "../domain-bench.js";
import { count, ms, type Section, table } from "../report/markdown.js";

// The domain's own benchmark: quota allocation and charging over 1,000,000 deliveries, pure
// functions, no database; the exported kernel and the plain reference loop on the same data,
// alternating so both see the same machine.

export async function runDomainSuite(): Promise<{ sections: Section[] }> {
  const input = generateDomainBenchData();
  const results: DomainBenchResult[] = [];
  for (let round = 0; round < 2; round += 1) {
    results.push(await runDomainBench(3, undefined, "allocateQuota (kernel, exported)", input));
    results.push(await runDomainBench(3, referenceAllocateQuota, "plain loop (reference model)", input));
  }
  const best = (name: string) => {
    const runs = results.filter((r) => r.name === name);
    return runs.reduce((a, b) => (b.bestCpuMs < a.bestCpuMs ? b : a));
  };
  const rows = [best("allocateQuota (kernel, exported)"), best("plain loop (reference model)")];
  if (rows[0]!.totalChargePence !== rows[1]!.totalChargePence) throw new Error("the kernel and the plain loop disagree on the charge");
  const body = table(
    ["benchmark", "deliveries", "quota holders", "organisations", "runs", "best ms", "median ms", "best CPU ms", "median CPU ms", "deliveries/s (best)"],
    rows.map((r) => [
      r.name,
      count(r.deliveries),
      count(r.holders),
      count(r.organisations),
      r.iterations * 2,
      ms(r.bestMs),
      ms(r.medianMs),
      ms(r.bestCpuMs),
      ms(r.medianCpuMs),
      count(r.deliveries / (r.bestMs / 1000)),
    ]),
  );
  return { sections: [{ title: "Domain", body }] };
}
