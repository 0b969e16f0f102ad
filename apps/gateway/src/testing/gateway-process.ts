import { type ChildProcess, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { freePort } from "@adviser-hub/persistence/testing";

const gatewayRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process wrote so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  readonly exited: Promise<number | null>;
}

/**
 * The real gateway (`src/main.ts` through tsx, as `pnpm start` runs it; or `args`, such as the
 * built `dist/main.js`) in a child process on a free port, resolved once `/health` answers.
 */
export async function startGatewayProcess(
  env: Record<string, string>,
  options: { args?: string[]; timeoutMs?: number } = {},
): Promise<GatewayProcess> {
  const port = await freePort();
  const args = options.args ?? ["--import", "tsx", "--conditions=@adviser-hub/source", "src/main.ts"];
  const child = spawn(process.execPath, args, {
    cwd: gatewayRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "test", LOG_LEVEL: "warn", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the gateway did not start: ${output}`);
    }
    await sleep(100);
  }
  return { child, url, output: () => output, exited };
}
