import { cpus, loadavg, totalmem } from "node:os";
import pg from "pg";
import { serverUrl } from "../db/bench-database.js";

/** What the figures were measured on: they mean little without it. */
export async function describeMachine(loadAtStart: readonly number[]): Promise<string> {
  const processors = cpus();
  const client = new pg.Client({ connectionString: serverUrl("postgres") });
  let postgres = "unknown";
  try {
    await client.connect();
    postgres = (await client.query<{ server_version: string }>("show server_version")).rows[0]!.server_version;
  } finally {
    await client.end();
  }
  return [
    `- CPU: ${processors.length} x ${processors[0]?.model ?? "unknown"}`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- Node ${process.versions.node}, PostgreSQL ${postgres} on 127.0.0.1 (same machine, loopback)`,
    "- Load generator: autocannon 9 in a child process; gateway and floor servers in the benchmark process",
    `- Load average (1, 5, 15 min) at the start: ${loadAtStart.map((l) => l.toFixed(2)).join(", ")}; at the end: ${loadavg().map((l) => l.toFixed(2)).join(", ")}. Anything above 0 is other work sharing the 2 cores, and shows in the figures`,
  ].join("\n");
}
