import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Clock } from "@adviser-hub/domain";
import type { Database, PoolUsage } from "@adviser-hub/service";
import type { Plugin } from "graphql-yoga";
import type { Kysely } from "kysely";
import type { GatewayConfig } from "../config/config.js";
import { graphqlObserver } from "../observability/graphql-observer.js";
import type { Logger } from "../observability/logger.js";
import { GatewayMetrics } from "../observability/metrics.js";
import { type Tracing, tracingPlugin } from "../observability/tracing.js";
import { createGateway, type Gateway } from "../yoga.js";
import { createOperableListener } from "./operable-listener.js";
import { RateLimiter, rateLimitPlugin } from "./rate-limit.js";
import { createRequestListener } from "./request-listener.js";

/** The database as the server needs it (an AppDatabase of persistence fits). */
export interface ServedDatabase {
  readonly db: Kysely<Database>;
  readonly reportDb: Kysely<Database>;
  poolUsage(): { readonly primary: PoolUsage; readonly replica: PoolUsage | null } | null;
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly config: GatewayConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  readonly database: ServedDatabase;
  readonly tracing?: Tracing | null;
  readonly clock?: Clock;
  /** Folder of the built dashboard; defaults to apps/web/dist. */
  readonly webRoot?: string;
  /** Process metrics on unless false (tests start many servers in one process). */
  readonly processMetrics?: boolean;
  /** An open listening socket to serve instead of binding config.host:port (tests: port 0). */
  readonly listen?: { readonly port: number; readonly host: string };
}

export interface RunningServer {
  readonly server: Server;
  readonly gateway: Gateway;
  readonly metrics: GatewayMetrics;
  /** `http://host:port` the server listens on. */
  readonly url: string;
  /**
   * Graceful stop: /ready turns 503, no new connection is accepted, requests in flight get up
   * to `shutdownTimeoutMs` to finish, then remaining connections are cut and the pools closed
   * (a transaction still open is committed or rolled back by PostgreSQL as a whole; never half).
   * Resolves true when everything in flight finished in time.
   */
  shutdown(): Promise<boolean>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const { config, logger, database } = options;
  const metrics = new GatewayMetrics({
    poolUsage: () => database.poolUsage(),
    ...(options.processMetrics === false ? { processMetrics: false } : {}),
  });
  const plugins: Plugin[] = [graphqlObserver(metrics) as Plugin];
  if (config.rateLimitPerMinute > 0) plugins.push(rateLimitPlugin(new RateLimiter(config.rateLimitPerMinute)) as Plugin);
  if (options.tracing) plugins.push(tracingPlugin(options.tracing.tracer));
  const yogaLog = logger.child({ component: "graphql" });
  const gateway = createGateway({
    db: database.db,
    reportDb: database.reportDb,
    env: options.env,
    logging: {
      debug: (...args: unknown[]) => yogaLog.debug({ detail: args }, "yoga"),
      info: (...args: unknown[]) => yogaLog.info({ detail: args }, "yoga"),
      warn: (...args: unknown[]) => yogaLog.warn({ detail: args }, "yoga"),
      error: (...args: unknown[]) => {
        const err = args.find((a) => a instanceof Error);
        // Errors the gateway raised on purpose (a bad token, a rate limit, an outage) carry a
        // code and are already the request's one log line; only a bug keeps its stack.
        const code = (err as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
        if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") return yogaLog.debug({ code }, "expected error");
        yogaLog.error({ err, detail: args.filter((a) => !(a instanceof Error)) }, "unexpected error");
      },
    },
    plugins,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const inner = createRequestListener({
    gateway,
    db: database.db,
    env: options.env,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  const operable = createOperableListener({ inner, db: database.db, logger, metrics, corsOrigins: config.corsOrigins });
  const server = createServer(operable.listener);
  // A slow or idle client must not hold a connection for ever (and delay a shutdown).
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;
  const where = options.listen ?? { port: config.port, host: config.host };
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(where.port, where.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;

  let stopping: Promise<boolean> | undefined;
  const shutdown = () => {
    stopping ??= (async () => {
      operable.startDraining();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        operable.idle().then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), config.shutdownTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      logger.info({ inFlight: operable.inFlight(), finished }, finished ? "requests in flight finished" : "shutdown timeout: cutting connections");
      server.closeAllConnections();
      await closed;
      await database.close();
      await options.tracing?.shutdown();
      return finished;
    })();
    return stopping;
  };
  return { server, gateway, metrics, url, shutdown };
}
