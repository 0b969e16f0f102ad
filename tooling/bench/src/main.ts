import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchArgs, parseArgs, type SuiteName } from "./cli/args.js";
import { describeMachine } from "./report/machine.js";
import { render, type Section } from "./report/markdown.js";
import { runDataSuite } from "./suites/data.js";
import { runDomainSuite } from "./suites/domain.js";
import { runEmbeddedSuite } from "./suites/embedded.js";
import { runExplainSuite } from "./suites/explain.js";
import { runGatewaySuite } from "./suites/gateway.js";
import { runGrowthSuite } from "./suites/growth.js";
import { runLeversSuite } from "./suites/levers.js";
import { runPeersSuite } from "./suites/peers.js";

// `pnpm bench`: every suite, or those named. Progress goes to stderr; the results, as markdown,
// to stdout and to .bench-results/latest.md at the repository root.

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");

async function runSuite(name: SuiteName, args: BenchArgs): Promise<Section[]> {
  const load = { connections: args.connections, durationSeconds: args.durationSeconds, rounds: args.rounds };
  switch (name) {
    case "data":
      return (await runDataSuite(args.force)).sections;
    case "domain":
      return (await runDomainSuite()).sections;
    case "gateway":
      return (await runGatewaySuite(load)).sections;
    case "levers":
      return (await runLeversSuite({ ...load, durationSeconds: args.leversDurationSeconds })).sections;
    case "explain":
      return (await runExplainSuite()).sections;
    case "embedded":
      return (await runEmbeddedSuite(load)).sections;
    case "peers":
      return (await runPeersSuite(load)).sections;
    case "growth":
      return (await runGrowthSuite({ connections: 1, durationSeconds: args.growthDurationSeconds })).sections;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  const loadAtStart = loadavg();
  const sections: Section[] = [];
  for (const suite of args.suites) {
    process.stderr.write(`\n== ${suite}\n`);
    const t0 = performance.now();
    try {
      const produced = await runSuite(suite, args);
      sections.push(...produced);
      process.stdout.write(`${render(produced)}\n`);
    } catch (error) {
      // One suite failing (say, an operation the gateway does not serve yet) must not hide the
      // others' figures; the failure is part of the report.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      const failed = { title: `${suite}: failed`, body: `\`\`\`\n${message}\n\`\`\`` };
      sections.push(failed);
      process.stdout.write(`${render([failed])}\n`);
      process.exitCode = 1;
    }
    process.stderr.write(`== ${suite} took ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  const command = `pnpm bench${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(" ")}` : ""}`;
  const header = [
    "# Adviser Hub benchmark results",
    "",
    `- Date: ${started.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- Command: \`${command}\``,
    await describeMachine(loadAtStart),
    "",
  ].join("\n");
  const markdown = `${header}\n${render(sections)}`;
  const out = join(repoRoot, ".bench-results", "latest.md");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, markdown);
  process.stderr.write(`\nwritten to ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
