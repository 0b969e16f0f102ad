import { ensureDataset } from "../generate/load-dataset.js";
import { NATIONAL } from "../generate/spec.js";
import { startFloorServer } from "../load/floor-server.js";
import { captureOperations, type LoadSettings, type MeasuredLoad, measure, operationContext, serveGateway } from "../load/harness.js";
import { loadOperations } from "../load/operations.js";
import { setPreparedStatements } from "../load/sql-capture.js";
import { answeredRequests } from "../load/gateway-app.js";
import { count, ms, ratio, type Section, table } from "../report/markdown.js";

// The known levers between the gateway and its floor, each measured against a baseline taken
// in the same run on the same data: Yoga's parse/validate cache (defeated by making every
// document unique), and server-side prepared statements (every parameterised statement sent
// as a named statement, which PostgreSQL parses once per session). The gateway ships with them
// (persistence's PreparingClient); here it runs with them off, as DATABASE_PREPARED_STATEMENTS=off
// would, so the baseline sends unnamed statements and the capture's switch names them.

interface Variant {
  readonly name: string;
  readonly uniqueDocument: boolean;
  readonly prepared: boolean;
}

const VARIANTS: readonly Variant[] = [
  { name: "baseline (cache on, unnamed statements)", uniqueDocument: false, prepared: false },
  { name: "without parse/validate cache", uniqueDocument: true, prepared: false },
  { name: "with prepared statements (as shipped)", uniqueDocument: false, prepared: true },
];

export async function runLeversSuite(settings: LoadSettings): Promise<{ sections: Section[] }> {
  const dataset = await ensureDataset(NATIONAL);
  const context = await operationContext(dataset.url);
  const gateway = await serveGateway(dataset.url, { preparedStatements: false });
  const rows: (string | number)[][] = [];
  try {
    const captured = (await captureOperations(gateway, loadOperations(context))).filter((c) => c.failure === null);
    const routes = new Map(captured.map((c) => [`/${c.operation.name}`, { statements: c.statements, response: c.response }]));
    const floor = await startFloorServer({ databaseUrl: dataset.url, routes, prepared: false, poolSize: 10 });
    const preparedFloor = await startFloorServer({ databaseUrl: dataset.url, routes, prepared: true, poolSize: 10 });
    try {
      for (const c of captured) {
        let baseline: MeasuredLoad | null = null;
        process.stderr.write(`levers: ${c.operation.name} floor\n`);
        const viaFloor = await measure(`${floor.url}/${c.operation.name}`, gateway.token, c.operation, settings, {
          counted: false,
          answered: floor.answered,
        });
        for (const variant of VARIANTS) {
          process.stderr.write(`levers: ${c.operation.name} ${variant.name}\n`);
          setPreparedStatements(variant.prepared);
          try {
            const result = await measure(gateway.url, gateway.token, c.operation, settings, {
              counted: true,
              answered: answeredRequests,
              uniqueDocument: variant.uniqueDocument,
            });
            baseline ??= result;
            rows.push([
              c.operation.name,
              variant.name,
              count(result.requestsPerSecond),
              ms(result.p50Ms),
              ms(result.p99Ms),
              ms(result.cpuMsPerRequest),
              ratio(result.requestsPerSecond / baseline.requestsPerSecond),
              ratio(result.requestsPerSecond / viaFloor.requestsPerSecond),
            ]);
          } finally {
            setPreparedStatements(false);
          }
        }
        const viaPreparedFloor = await measure(`${preparedFloor.url}/${c.operation.name}`, gateway.token, c.operation, settings, {
          counted: false,
          answered: preparedFloor.answered,
        });
        rows.push([
          c.operation.name,
          "floor",
          count(viaFloor.requestsPerSecond),
          ms(viaFloor.p50Ms),
          ms(viaFloor.p99Ms),
          ms(viaFloor.cpuMsPerRequest),
          "",
          "100%",
        ]);
        rows.push([
          c.operation.name,
          "floor with prepared statements",
          count(viaPreparedFloor.requestsPerSecond),
          ms(viaPreparedFloor.p50Ms),
          ms(viaPreparedFloor.p99Ms),
          ms(viaPreparedFloor.cpuMsPerRequest),
          "",
          ratio(viaPreparedFloor.requestsPerSecond / viaFloor.requestsPerSecond),
        ]);
      }
    } finally {
      await floor.close();
      await preparedFloor.close();
    }
  } finally {
    await gateway.close();
  }
  const body = [
    `National data set; ${settings.connections} connections, ${settings.durationSeconds} s per run after a 1 s warm-up. Ratios are req/s against the baseline and against the floor measured just before it.`,
    "",
    table(["operation", "variant", "req/s", "p50 ms", "p99 ms", "CPU ms/request", "vs baseline", "vs floor"], rows),
    "",
    "The compiled executor (graphql-jit) and the young-generation size are measured in the peers suite, each gateway variant in a process of its own.",
  ].join("\n");
  return { sections: [{ title: "Levers", body }] };
}
