import type { PoolUsage } from "@adviser-hub/service";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface MetricsOptions {
  /** Usage of the database pools at scrape time; null or absent for the embedded database. */
  readonly poolUsage?: () => { readonly primary: PoolUsage; readonly replica: PoolUsage | null } | null;
  /** Process metrics (CPU, memory, event loop lag, handles); on unless false (tests). */
  readonly processMetrics?: boolean;
}

/**
 * Prometheus metrics of one gateway process, served at `/metrics`. Labels have bounded values
 * only: the route (a fixed list), the status, the operation's type and root field (names
 * from the schema, never the client's operation name) and error codes.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: "adviser_hub_http_requests_total",
    help: "HTTP requests answered, by route, method and status",
    labelNames: ["route", "method", "status"] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: "adviser_hub_http_request_duration_seconds",
    help: "Time from request to the end of the response, by route",
    labelNames: ["route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly operationDuration = new Histogram({
    name: "adviser_hub_graphql_operation_duration_seconds",
    help: "GraphQL operations from request to result, by operation type and first root field",
    labelNames: ["type", "field"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: "adviser_hub_graphql_errors_total",
    help: "Errors returned to clients, by code (UNAUTHENTICATED, SERVICE_UNAVAILABLE, RATE_LIMITED, ...)",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });

  constructor(options: MetricsOptions = {}) {
    const usage = options.poolUsage;
    const gauge = (name: string, help: string, pick: (pool: PoolUsage) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ["pool"] as const,
        registers: [this.registry],
        collect() {
          const now = usage?.();
          if (!now) return;
          this.set({ pool: "primary" }, pick(now.primary));
          if (now.replica) this.set({ pool: "replica" }, pick(now.replica));
        },
      });
    gauge("adviser_hub_db_pool_sessions", "Database sessions open in the pool", (pool) => pool.total);
    gauge("adviser_hub_db_pool_idle_sessions", "Open database sessions not in use", (pool) => pool.idle);
    gauge("adviser_hub_db_pool_waiting", "Callers queued for a database session", (pool) => pool.waiting);
    gauge("adviser_hub_db_pool_max_sessions", "Largest number of sessions the pool opens", (pool) => pool.max);
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }
}
