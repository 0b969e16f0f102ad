import { ensureDataset } from "../generate/load-dataset.js";
import { NATIONAL } from "../generate/spec.js";
import { startFloorServer } from "../load/floor-server.js";
import {
  captureOperations,
  type LoadSettings,
  type MeasuredLoad,
  measure,
  median,
  medianLoad,
  operationContext,
  serveGateway,
} from "../load/harness.js";
import { engagementsPage, loadOperations } from "../load/operations.js";
import { recordStatements } from "../load/sql-capture.js";
import { answeredRequests, kyselyQueryCount } from "../load/gateway-app.js";
import { postOperation } from "../load/graphql-request.js";
import { count, ms, ratio, type Section, table } from "../report/markdown.js";

// The gateway under load on the national data set, each operation followed at once by the
// floor answering the same request with the same SQL, so both see the same machine state.

export interface GatewayRow {
  readonly name: string;
  readonly gateway: MeasuredLoad | null;
  readonly floor: MeasuredLoad | null;
  readonly failure: string | null;
  /** Statements of one request sent alone: pg-level count, and Kysely's when it differs. */
  readonly alone: string;
  /** Median over rounds of gateway req/s / floor req/s in the same round. */
  readonly ratio: number;
}

export async function runGatewaySuite(settings: LoadSettings): Promise<{ sections: Section[]; rows: GatewayRow[] }> {
  const dataset = await ensureDataset(NATIONAL);
  const rounds = settings.rounds ?? 1;
  const context = await operationContext(dataset.url);
  const gateway = await serveGateway(dataset.url);
  const rows: GatewayRow[] = [];
  const pageSizes: (string | number)[][] = [];
  try {
    const captured = await captureOperations(gateway, loadOperations(context));
    const routes = new Map(
      captured.filter((c) => c.failure === null).map((c) => [`/${c.operation.name}`, { statements: c.statements, response: c.response }]),
    );
    // Named statements, as the gateway's own sessions send them (persistence's PreparingClient).
    const floor = await startFloorServer({ databaseUrl: dataset.url, routes, prepared: true, poolSize: 10 });
    try {
      for (const c of captured) {
        if (c.failure !== null) {
          rows.push({ name: c.operation.name, gateway: null, floor: null, failure: c.failure, alone: "", ratio: Number.NaN });
          continue;
        }
        // Gateway and floor alternate, round by round, so a change in the machine's other load
        // falls on both; each figure is the median over the rounds.
        const gatewayRuns: MeasuredLoad[] = [];
        const floorRuns: MeasuredLoad[] = [];
        for (let round = 1; round <= rounds; round++) {
          process.stderr.write(`gateway: ${c.operation.name} (round ${round} of ${rounds})\n`);
          gatewayRuns.push(
            await measure(gateway.url, gateway.token, c.operation, settings, { counted: true, answered: answeredRequests }),
          );
          process.stderr.write(`floor: ${c.operation.name} (round ${round} of ${rounds})\n`);
          floorRuns.push(
            await measure(`${floor.url}/${c.operation.name}`, gateway.token, c.operation, settings, {
              counted: false,
              answered: floor.answered,
            }),
          );
        }
        const viaGateway = medianLoad(gatewayRuns);
        const viaFloor = medianLoad(floorRuns);
        const ratioOfRounds = median(gatewayRuns.map((run, i) => run.requestsPerSecond / floorRuns[i]!.requestsPerSecond));
        const alone =
          c.kyselyStatements === c.statements.length
            ? String(c.statements.length)
            : `${c.statements.length} (Kysely: ${c.kyselyStatements})`;
        rows.push({ name: c.operation.name, gateway: viaGateway, floor: viaFloor, failure: null, alone, ratio: ratioOfRounds });
      }
    } finally {
      await floor.close();
    }

    // Statements per request must not grow with the page size (no N+1 under the connection).
    for (const first of [10, 50, 100]) {
      const operation = engagementsPage(context, first);
      const kyselyBefore = kyselyQueryCount();
      const { result, statements } = await recordStatements(() => postOperation(gateway.url, gateway.token, operation));
      const failed = result.errors && result.errors.length > 0;
      pageSizes.push([first, failed ? "error" : statements.length, failed ? "error" : kyselyQueryCount() - kyselyBefore]);
    }
  } finally {
    await gateway.close();
  }

  const body = [
    `National data set (${count(NATIONAL.deliveries)} deliveries requested, region \`${context.region}\`, year ${context.year}, holder \`${context.holder}\`, forecast from ${context.from}); ${settings.connections} connections, ${settings.durationSeconds} s per run after a 1 s warm-up, ${rounds} rounds alternating gateway and floor; figures are medians over the rounds, the ratio the median of each round's ratio. CPU ms/request is the server process's CPU time per answered request.`,
    "",
    table(
      [
        "operation",
        "gateway req/s",
        "p50 ms",
        "p99 ms",
        "SQL/request",
        "SQL alone",
        "CPU ms/request",
        "floor req/s",
        "floor p50 ms",
        "floor p99 ms",
        "floor CPU ms/request",
        "gateway/floor req/s",
      ],
      rows.map((r) =>
        r.gateway === null || r.floor === null
          ? [r.name, `not measured: ${r.failure ?? "?"}`, "", "", "", "", "", "", "", "", "", ""]
          : [
              r.name,
              count(r.gateway.requestsPerSecond),
              ms(r.gateway.p50Ms),
              ms(r.gateway.p99Ms),
              (r.gateway.statementsPerRequest ?? Number.NaN).toFixed(2),
              r.alone,
              ms(r.gateway.cpuMsPerRequest),
              count(r.floor.requestsPerSecond),
              ms(r.floor.p50Ms),
              ms(r.floor.p99Ms),
              ms(r.floor.cpuMsPerRequest),
              ratio(r.ratio),
            ],
      ),
    ),
    "",
    "SQL statements per request of the engagements page, by page size (with nested organisation, adviser and deliveries):",
    "",
    table(["first", "SQL statements (pg)", "queries (Kysely log)"], pageSizes),
  ].join("\n");
  return { sections: [{ title: "Gateway under load, against the floor", body }], rows };
}
