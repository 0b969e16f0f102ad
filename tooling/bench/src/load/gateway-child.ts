import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ReadAhead } from "@adviser-hub/gateway";
import { answeredRequests, startGateway } from "./gateway-app.js";

// The gateway in a process of its own, so that Node's own settings (the young generation's
// size) can differ between the variants measured; in the parent, `startGatewayProcess` forks
// it and reads back its address and, between runs, its CPU time and answered requests.

export interface GatewayProcess {
  readonly url: string;
  readonly token: string;
  /** CPU microseconds (user + system) and requests answered, as the child counts them. */
  stats(): Promise<{ cpuMicros: number; answered: number }>;
  close(): Promise<void>;
}

interface Ready {
  readonly type: "ready";
  readonly url: string;
  readonly token: string;
}
interface Stats {
  readonly type: "stats";
  readonly cpuMicros: number;
  readonly answered: number;
}

/**
 * `databaseUrl` "" serves the embedded default instead: PGlite in `pgliteDataDir`, migrated and
 * seeded with the London pilot first, as `pnpm start` does on first start.
 */
export async function startGatewayProcess(
  databaseUrl: string,
  options: {
    nodeFlags: readonly string[];
    compiledExecution: boolean;
    readAhead?: Partial<ReadAhead>;
    pgliteDataDir?: string;
    /** More environment for the child (e.g. DATABASE_PREPARED_STATEMENTS=off). */
    env?: Readonly<Record<string, string>>;
  },
): Promise<GatewayProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [databaseUrl, String(options.compiledExecution), JSON.stringify(options.readAhead ?? {})], {
    execArgv: ["--import", "tsx", "--conditions=@adviser-hub/source", ...options.nodeFlags],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, ...(options.pgliteDataDir ? { PGLITE_DATA_DIR: options.pgliteDataDir } : {}), ...options.env },
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once("message", (message) => resolve(message as Ready));
    child.once("exit", (code) => reject(new Error(`gateway process exited ${code} before it was ready`)));
  });
  return {
    url: ready.url,
    token: ready.token,
    stats: () =>
      new Promise((resolve) => {
        child.once("message", (message) => {
          const stats = message as Stats;
          resolve({ cpuMicros: stats.cpuMicros, answered: stats.answered });
        });
        child.send({ type: "stats" });
      }),
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.send({ type: "close" });
      }),
  };
}

// As the child: serve, report ready, answer stats, close when told.
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [databaseUrl, compiled, readAhead] = process.argv.slice(2);
  if (databaseUrl === "") {
    const { migrateToLatest, openDatabase } = await import("@adviser-hub/persistence");
    const { seedLondonPilot } = await import("@adviser-hub/london-pilot");
    const app = await openDatabase({ url: "" });
    await migrateToLatest(app.db);
    await seedLondonPilot(app.db);
    await app.close();
  }
  const gateway = await startGateway(databaseUrl!, "london", {
    compiledExecution: compiled === "true",
    readAhead: JSON.parse(readAhead ?? "{}") as Partial<ReadAhead>,
  });
  process.on("message", (message: { type: string }) => {
    if (message.type === "stats") {
      const cpu = process.cpuUsage();
      process.send?.({ type: "stats", cpuMicros: cpu.user + cpu.system, answered: answeredRequests() });
    } else if (message.type === "close") {
      void gateway.close().then(() => process.exit(0));
    }
  });
  process.send({ type: "ready", url: gateway.url, token: gateway.token });
}
