import { setTimeout } from "node:timers/promises";
import pg from "pg";
import { runLoad, type LoadResult } from "./autocannon.js";
import { kyselyQueryCount, type RunningGateway, startGateway } from "./gateway-app.js";
import { authHeaders, postOperation, requestBody } from "./graphql-request.js";
import type { Operation, OperationContext } from "./operations.js";
import { type CapturedStatement, installSqlCapture, recordStatements, statementCount } from "./sql-capture.js";

// Shared steps of the load suites: serve the gateway on a data set, run each operation once to
// check its answer and record its SQL, then put it under load while counting statements.

export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  /** Runs per server; suites comparing two servers alternate them round by round. */
  readonly rounds?: number;
}

export interface CapturedOperation {
  readonly operation: Operation;
  /** Null when the gateway answered errors: the operation is reported, not measured. */
  readonly failure: string | null;
  readonly statements: readonly CapturedStatement[];
  /** The same request as counted by Kysely's log hook; differs only for SQL sent around Kysely. */
  readonly kyselyStatements: number;
  readonly response: unknown;
}

export interface MeasuredLoad extends LoadResult {
  /** Statements the gateway sent per request during the run; null for servers not counted. */
  readonly statementsPerRequest: number | null;
  /**
   * CPU time of this process (the server under test; autocannon runs apart) per answered
   * request. Less disturbed than throughput when other work shares the machine.
   */
  readonly cpuMsPerRequest: number;
}

/** Picks the arguments from the data: a full year, and the busiest quota holder in it. */
export async function operationContext(url: string, region = "london", year = 2018): Promise<OperationContext> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ holder: string }>(
      `select o.home_authority_id as holder
         from deliveries d
         join engagements e on e.region_code = d.region_code and e.id = d.engagement_id
         join organisations o on o.region_code = e.region_code and o.id = e.organisation_id
        where d.region_code = $1 and d.financial_year = $2 and e.strand = 'PROJECT_SUPPORT'
          and o.home_authority_id is not null
        group by o.home_authority_id
        order by sum(d.units) desc, o.home_authority_id
        limit 1`,
      [region, year],
    );
    return { region, year, holder: rows[0]?.holder ?? "E09000001", from: "2020-01-06" };
  } finally {
    await client.end();
  }
}

export async function serveGateway(url: string, options: { preparedStatements?: boolean } = {}): Promise<RunningGateway> {
  installSqlCapture();
  return startGateway(url, "london", options);
}

/** One request per operation, alone, recording every statement it sent. */
export async function captureOperations(gateway: RunningGateway, operations: readonly Operation[]): Promise<CapturedOperation[]> {
  const captured: CapturedOperation[] = [];
  for (const operation of operations) {
    // A first request warms the gateway's per-process caches (policy, parsed document) so the
    // recorded statements are those of a steady-state request.
    await postOperation(gateway.url, gateway.token, operation);
    const kyselyBefore = kyselyQueryCount();
    const { result, statements } = await recordStatements(() => postOperation(gateway.url, gateway.token, operation));
    const kyselyStatements = kyselyQueryCount() - kyselyBefore;
    const failure =
      result.errors && result.errors.length > 0
        ? result.errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; ")
        : result.data === undefined || result.data === null
          ? "no data"
          : null;
    captured.push({ operation, failure, statements, kyselyStatements, response: result });
  }
  return captured;
}

/** A short warm-up, then a fixed-duration run; statements counted across the run. */
export async function measure(
  url: string,
  token: string | null,
  operation: Operation,
  settings: LoadSettings,
  options: {
    /** Count SQL statements: true for the gateway (the floor's are its own copies). */
    counted: boolean;
    /** Requests the server under test has answered so far. */
    answered: () => number;
    uniqueDocument?: boolean;
  },
): Promise<MeasuredLoad> {
  const load = {
    url,
    body: requestBody(operation, options.uniqueDocument ?? false),
    headers: authHeaders(token),
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
  };
  await runLoad({ ...load, durationSeconds: 1 });
  // autocannon stops on the clock and drops requests still in flight; the server finishes them.
  // Let those settle so their statements are not counted in the next run.
  await setTimeout(300);
  const before = statementCount();
  const answeredBefore = options.answered();
  const cpuBefore = process.cpuUsage();
  const result = await runLoad(load);
  await setTimeout(300);
  const cpu = process.cpuUsage(cpuBefore);
  const sent = statementCount() - before;
  // Divided by the requests the server answered, including those autocannon stopped waiting for.
  const served = options.answered() - answeredBefore;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${operation.name}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return {
    ...result,
    statementsPerRequest: options.counted ? sent / Math.max(served, 1) : null,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(served, 1),
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Each figure's median over several runs (not one run's figures): robust to one noisy round. */
export function medianLoad(runs: readonly MeasuredLoad[]): MeasuredLoad {
  if (runs.length === 0) throw new Error("no runs to summarise");
  const of = (pick: (run: MeasuredLoad) => number) => median(runs.map(pick));
  const statements = runs.map((run) => run.statementsPerRequest);
  return {
    requests: runs.reduce((sum, run) => sum + run.requests, 0),
    requestsPerSecond: of((run) => run.requestsPerSecond),
    p50Ms: of((run) => run.p50Ms),
    p99Ms: of((run) => run.p99Ms),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    statementsPerRequest: statements.some((v) => v === null) ? null : median(statements as number[]),
    cpuMsPerRequest: of((run) => run.cpuMsPerRequest),
  };
}

export { median };
