import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startGatewayProcess } from "../load/gateway-child.js";
import type { LoadSettings, MeasuredLoad } from "../load/harness.js";
import { medianLoad } from "../load/harness.js";
import { fundingReport, type Operation, quotaStatement } from "../load/operations.js";
import { count, ms, type Section, table } from "../report/markdown.js";
import { measureProcess, SEMI_SPACE_MB } from "./peers.js";

// The embedded default, where every new user starts: `pnpm start` on an empty PGlite folder
// (migrated, seeded with the London pilot, statistics taken), the gateway as shipped, and
// the pilot's reports on one connection and on ten.

const OPERATIONS = (): Operation[] => [
  fundingReport({ region: "london", year: 2010, holder: "E09000028", from: "2011-01-03" }),
  quotaStatement({ region: "london", year: 2010, holder: "E09000028", from: "2011-01-03" }),
];

export async function runEmbeddedSuite(settings: LoadSettings): Promise<{ sections: Section[] }> {
  const rounds = settings.rounds ?? 1;
  const dataDir = mkdtempSync(join(tmpdir(), "ah-bench-pglite-"));
  const rows: (string | number)[][] = [];
  try {
    process.stderr.write("embedded: migrating and seeding a fresh PGlite folder\n");
    const gateway = await startGatewayProcess("", {
      nodeFlags: [`--max-semi-space-size=${SEMI_SPACE_MB}`],
      compiledExecution: true,
      pgliteDataDir: dataDir,
    });
    try {
      for (const operation of OPERATIONS()) {
        for (const connections of [1, settings.connections]) {
          const runs: MeasuredLoad[] = [];
          for (let round = 1; round <= rounds; round++) {
            process.stderr.write(`embedded: ${operation.name} on ${connections} connection(s) (round ${round} of ${rounds})\n`);
            runs.push(await measureProcess(gateway, operation, { ...settings, connections }));
          }
          const m = medianLoad(runs);
          rows.push([operation.name, connections, count(m.requestsPerSecond), ms(m.p50Ms), ms(m.p99Ms), ms(m.cpuMsPerRequest)]);
        }
      }
    } finally {
      await gateway.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const body = [
    `The embedded default (PGlite, one session) with the London pilot, year 2010, as \`pnpm start\` leaves it on first start; the gateway as shipped in a process of its own; ${settings.durationSeconds} s per run after a 1 s warm-up, ${rounds} rounds, medians. Targets: fundingReport p99 <= 25 ms on one connection and <= 200 ms on ten.`,
    "",
    table(["operation", "connections", "req/s", "p50 ms", "p99 ms", "CPU ms/request"], rows),
  ].join("\n");
  return { sections: [{ title: "Embedded default (PGlite) with the pilot", body }] };
}
