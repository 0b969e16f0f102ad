import cluster from "node:cluster";
import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { type AppDatabase, migrateToLatest, openDatabase } from "@adviser-hub/persistence";
import { allocateUnallocated } from "@adviser-hub/service";
import type { LogEvent } from "kysely";
import { AuthConfigurationError } from "./auth/secret.js";
import { ConfigError, type GatewayConfig, loadConfig } from "./config/config.js";
import { serve } from "./http/server.js";
import { createLogger, type Logger } from "./observability/logger.js";
import { sqlSpans, startTracing } from "./observability/tracing.js";

// `pnpm start`: embedded PGlite unless DATABASE_URL is set; an empty database is migrated and
// seeded with the London 2010-12 pilot; then the dashboard at /, GraphQL at /graphql, CSV at
// /export, dev sign-in at /auth, probes at /health and /ready, metrics at /metrics.
// WEB_CONCURRENCY > 1 forks that many workers sharing the port (node:cluster); the primary
// prepares the database once and serves nothing itself.

async function prepareDatabase(app: AppDatabase, logger: Logger): Promise<void> {
  await migrateToLatest(app.db);
  await allocateUnallocated(app.db);
  const regions = await app.db.selectFrom("regions").select("region_code").limit(1).execute();
  if (regions.length === 0) {
    logger.info("Empty database: seeding the London 2010-12 pilot...");
    await seedLondonPilot(app.db);
  }
}

function clockFrom(env: NodeJS.ProcessEnv): { now: () => number } | undefined {
  // ADVISER_HUB_NOW replays the historical pilot: writes are stamped as if made at that instant.
  if (!env.ADVISER_HUB_NOW) return undefined;
  const now = Date.parse(env.ADVISER_HUB_NOW);
  if (Number.isNaN(now)) throw new ConfigError("ADVISER_HUB_NOW", "must be an ISO instant");
  return { now: () => now };
}

async function runServer(config: GatewayConfig, logger: Logger, prepare: boolean): Promise<void> {
  const env = process.env;
  const clock = clockFrom(env);
  const tracing = startTracing(env);
  const sql = tracing ? sqlSpans(tracing.tracer) : undefined;
  const app: AppDatabase = await openDatabase(sql ? { log: (event: LogEvent) => sql(event) } : {});
  if (prepare) await prepareDatabase(app, logger);
  const running = await serve({ config, env, logger, database: app, tracing, ...(clock ? { clock } : {}) });
  if (cluster.isWorker) {
    logger.info({ worker: cluster.worker?.id, url: running.url }, "worker listening");
  } else {
    banner(running.url, app.kind === "server" ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite", config.production);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, "shutting down");
    // The last resort: a database that never answers must not keep a stopped process alive.
    // Exiting ends its sessions, and PostgreSQL rolls back whatever they had not committed.
    setTimeout(() => {
      logger.error("shutdown did not complete: exiting");
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000).unref();
    void running.shutdown().then(
      (finished) => {
        logger.flush();
        process.exit(finished ? 0 : 1);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

function banner(url: string, where: string, production: boolean): void {
  const lines = [`Adviser Hub dashboard on ${url}/ and GraphQL on ${url}/graphql (${where})`];
  if (!production) {
    // From the repository root, with or without a global pnpm.
    lines.push(
      "Get a token:  TOKEN=$(npx -y pnpm@12.4.2 --silent run token --role REGION_ADMIN --region london)",
      `Then:         curl -s ${url}/graphql -H 'content-type: application/json' \\`,
      "                -H \"authorization: Bearer $TOKEN\" -d '{\"query\":\"{ viewer { role region } }\"}'",
    );
  }
  lines.push(`Probes:       ${url}/health  ${url}/ready  metrics: ${url}/metrics`, "");
  process.stdout.write(lines.join("\n"));
}

async function runPrimary(config: GatewayConfig, logger: Logger): Promise<void> {
  if (!process.env.DATABASE_URL) {
    throw new ConfigError("WEB_CONCURRENCY", "several workers need DATABASE_URL (the embedded database is one process's)");
  }
  const app = await openDatabase();
  try {
    await prepareDatabase(app, logger);
  } finally {
    await app.close();
  }
  let stopping = false;
  const fork = () => cluster.fork({ ADVISER_HUB_WORKER: "1" });
  for (let i = 0; i < config.workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A crashed worker is replaced; the others keep serving meanwhile.
    logger.warn({ worker: worker.id, code, signal }, "worker exited: starting another");
    fork();
  });
  let announced = 0;
  cluster.on("listening", () => {
    announced += 1;
    if (announced === config.workers) {
      process.stdout.write(`Adviser Hub: ${config.workers} workers on http://${config.host}:${config.port}/ (PostgreSQL (DATABASE_URL))\n`);
    }
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping workers");
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, pretty: process.env.NODE_ENV === "development" || (!config.production && process.stdout.isTTY === true) });
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config, logger);
  return runServer(config, logger, cluster.isPrimary);
}

main().catch((error: unknown) => {
  if (error instanceof AuthConfigurationError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Could not start the gateway: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
