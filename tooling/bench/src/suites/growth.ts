import pg from "pg";
import { ensureDataset } from "../generate/load-dataset.js";
import { sizedSpec } from "../generate/spec.js";
import { answeredRequests } from "../load/gateway-app.js";
import { captureOperations, type LoadSettings, measure, operationContext, serveGateway } from "../load/harness.js";
import { fundingReport } from "../load/operations.js";
import type { CapturedStatement } from "../load/sql-capture.js";
import { count, ms, type Section, table } from "../report/markdown.js";

// fundingReport at 10,000, 100,000 and 1,000,000 deliveries: latency on one connection (no
// queueing, so the figure is the cost of the request itself), and each SQL statement it sends
// under EXPLAIN (ANALYZE, BUFFERS), to show where the time goes as the data grows.

export const GROWTH_SIZES = [10_000, 100_000, 1_000_000] as const;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

interface ExplainJson {
  Plan: PlanNode;
  "Execution Time": number;
  "Planning Time": number;
}

export interface PlanSummary {
  readonly executionMs: number;
  readonly planningMs: number;
  readonly sharedBlocks: number;
  readonly scans: string[];
  readonly text: string;
}

function scansOf(node: PlanNode, into: string[]): string[] {
  if (node["Relation Name"] !== undefined) {
    into.push(`${node["Node Type"]} ${node["Index Name"] ?? node["Relation Name"]} (${count(node["Actual Rows"] ?? 0)} rows)`);
  }
  for (const child of node.Plans ?? []) scansOf(child, into);
  return into;
}

const isQuery = (sql: string): boolean => /^\s*(select|with)\b/i.test(sql);

export async function explainStatements(url: string, statements: readonly CapturedStatement[]): Promise<PlanSummary[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const plans: PlanSummary[] = [];
    for (const statement of statements.filter((s) => isQuery(s.sql))) {
      const values = [...statement.values];
      // Warm run, so the figures are for cached pages like the load runs, not a cold disk.
      await client.query(statement.sql, values);
      const json = await client.query<{ "QUERY PLAN": ExplainJson[] }>(
        `explain (analyze, buffers, format json) ${statement.sql}`,
        values,
      );
      const text = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers, costs off) ${statement.sql}`, values);
      const plan = json.rows[0]!["QUERY PLAN"][0]!;
      plans.push({
        executionMs: plan["Execution Time"],
        planningMs: plan["Planning Time"],
        sharedBlocks: (plan.Plan["Shared Hit Blocks"] ?? 0) + (plan.Plan["Shared Read Blocks"] ?? 0),
        scans: scansOf(plan.Plan, []),
        text: text.rows.map((r) => r["QUERY PLAN"]).join("\n"),
      });
    }
    return plans;
  } finally {
    await client.end();
  }
}

async function deliveriesInYear(url: string, region: string, year: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from deliveries where region_code = $1 and financial_year = $2",
      [region, year],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

export async function runGrowthSuite(settings: LoadSettings): Promise<{ sections: Section[] }> {
  const rows: (string | number)[][] = [];
  const details: string[] = [];
  for (const size of GROWTH_SIZES) {
    const dataset = await ensureDataset(sizedSpec(size));
    const context = await operationContext(dataset.url);
    const inYear = await deliveriesInYear(dataset.url, context.region, context.year);
    const gateway = await serveGateway(dataset.url);
    try {
      const [captured] = await captureOperations(gateway, [fundingReport(context)]);
      if (captured === undefined || captured.failure !== null) {
        rows.push([count(size), `not measured: ${captured?.failure ?? "?"}`, "", "", "", "", "", "", ""]);
        continue;
      }
      process.stderr.write(`growth: fundingReport at ${size} deliveries\n`);
      const load = await measure(gateway.url, gateway.token, captured.operation, settings, {
        counted: true,
        answered: answeredRequests,
      });
      const plans = await explainStatements(dataset.url, captured.statements);
      const sqlMs = plans.reduce((sum, p) => sum + p.executionMs, 0);
      const blocks = plans.reduce((sum, p) => sum + p.sharedBlocks, 0);
      rows.push([
        count(size),
        count(inYear),
        ms(load.p50Ms),
        ms(load.p99Ms),
        count(load.requestsPerSecond),
        ms(load.cpuMsPerRequest),
        (load.statementsPerRequest ?? Number.NaN).toFixed(2),
        ms(sqlMs),
        count(blocks),
      ]);
      const heaviest = plans.reduce((a, b) => (b.executionMs > a.executionMs ? b : a), plans[0]!);
      details.push(
        `<details><summary>${count(size)} deliveries: scans of every statement, and the plan of the slowest (${ms(heaviest.executionMs)} ms)</summary>\n\n` +
          plans.map((p, i) => `- statement ${i + 1}: ${ms(p.executionMs)} ms, ${count(p.sharedBlocks)} blocks: ${p.scans.join("; ")}`).join("\n") +
          `\n\n\`\`\`\n${heaviest.text}\n\`\`\`\n\n</details>`,
      );
    } finally {
      await gateway.close();
    }
  }
  const body = [
    `fundingReport for \`london\` 2018 at three data sizes (same regions, authorities and advisers; only the volume of work grows). ${settings.connections} connection, ${settings.durationSeconds} s per size after a 1 s warm-up. SQL ms is the sum of the statements' execution times under EXPLAIN ANALYZE; blocks are shared buffers touched.`,
    "",
    table(
      ["deliveries", "London 2018 deliveries", "p50 ms", "p99 ms", "req/s", "Node CPU ms/request", "SQL/request", "SQL ms", "blocks"],
      rows,
    ),
    "",
    ...details,
  ].join("\n");
  return { sections: [{ title: "Growth: fundingReport as the data grows", body }] };
}
