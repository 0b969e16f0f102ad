import { runDomainBench } from "../domain-bench.js";
import { count, ms, type Section, table } from "../report/markdown.js";

// The domain's own benchmark: quota allocation and charging over 1,000,000 deliveries, pure
// functions, no database.

export async function runDomainSuite(): Promise<{ sections: Section[] }> {
  const r = await runDomainBench();
  const body = table(
    ["benchmark", "deliveries", "quota holders", "organisations", "runs", "best ms", "median ms", "best CPU ms", "median CPU ms", "deliveries/s (best)"],
    [
      [
        r.name,
        count(r.deliveries),
        count(r.holders),
        count(r.organisations),
        r.iterations,
        ms(r.bestMs),
        ms(r.medianMs),
        ms(r.bestCpuMs),
        ms(r.medianCpuMs),
        count(r.deliveries / (r.bestMs / 1000)),
      ],
    ],
  );
  return { sections: [{ title: "Domain", body }] };
}
