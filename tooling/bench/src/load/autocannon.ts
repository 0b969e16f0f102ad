import { spawn } from "node:child_process";
import { createRequire } from "node:module";

// autocannon runs in a child process so that the load generator does not share an event
// loop with the server it measures (the gateway runs inside the benchmark process).

export interface LoadOptions {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly durationSeconds: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (hostname !== "127.0.0.1") throw new Error(`load targets 127.0.0.1 only, not ${hostname}`);
}

/** Runs autocannon for a fixed duration (or a fixed number of requests) and parses its JSON. */
export async function runLoad(options: LoadOptions, amount?: number): Promise<LoadResult> {
  assertLoopback(options.url);
  const args = [autocannonBin, "--json", "-n", "-m", "POST", "-c", String(options.connections), "-t", "30"];
  if (amount !== undefined) args.push("-a", String(amount));
  else args.push("-d", String(options.durationSeconds));
  for (const [name, value] of Object.entries(options.headers)) args.push("-H", `${name}=${value}`);
  args.push("-b", options.body, options.url);

  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`autocannon exited ${code}: ${stderr.slice(0, 2000)}`));
    });
  });
  const json = JSON.parse(output) as AutocannonJson;
  const seconds = Math.max(json.duration, 0.001);
  return {
    requests: json.requests.total,
    requestsPerSecond: amount !== undefined ? json.requests.total / seconds : json.requests.average,
    p50Ms: json.latency.p50,
    p99Ms: json.latency.p99,
    errors: json.errors + json.timeouts,
    non2xx: json.non2xx,
  };
}
