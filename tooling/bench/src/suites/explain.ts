import { ensureDataset } from "../generate/load-dataset.js";
import { NATIONAL } from "../generate/spec.js";
import { captureOperations, operationContext, serveGateway } from "../load/harness.js";
import { loadOperations } from "../load/operations.js";
import { count, ms, type Section, table } from "../report/markdown.js";
import { explainStatements } from "./growth.js";

// Where each operation's time goes in PostgreSQL: every statement the gateway sent for it, on
// the national data, under EXPLAIN (ANALYZE, BUFFERS). Not part of the default run; it explains
// the load figures.

export async function runExplainSuite(): Promise<{ sections: Section[] }> {
  const dataset = await ensureDataset(NATIONAL);
  const context = await operationContext(dataset.url);
  const gateway = await serveGateway(dataset.url);
  const rows: (string | number)[][] = [];
  const plans: string[] = [];
  try {
    for (const c of await captureOperations(gateway, loadOperations(context))) {
      if (c.failure !== null) {
        rows.push([c.operation.name, "-", `not measured: ${c.failure}`, "", "", ""]);
        continue;
      }
      const explained = await explainStatements(dataset.url, c.statements);
      explained.forEach((p, i) => {
        const sql = c.statements.filter((s) => /^\s*(select|with)\b/i.test(s.sql))[i]?.sql ?? "";
        rows.push([c.operation.name, i + 1, ms(p.planningMs), ms(p.executionMs), count(p.sharedBlocks), p.scans.join("; ")]);
        plans.push(`### ${c.operation.name}, statement ${i + 1}\n\n\`\`\`sql\n${sql}\n\`\`\`\n\n\`\`\`\n${p.text}\n\`\`\``);
      });
    }
  } finally {
    await gateway.close();
  }
  const body = [
    table(["operation", "statement", "planning ms", "execution ms", "blocks", "scans"], rows),
    "",
    `<details><summary>statements and plans</summary>\n\n${plans.join("\n\n")}\n\n</details>`,
  ].join("\n");
  return { sections: [{ title: "SQL of each operation, explained", body }] };
}
