import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Database } from "@adviser-hub/service";
import type { Kysely } from "kysely";
import type { Logger } from "../observability/logger.js";
import type { GatewayMetrics } from "../observability/metrics.js";
import { newRecord, type RequestRecord, requestIdFrom, runWithRecord } from "../observability/request-context.js";
import { applyCors } from "./cors.js";
import { sendHealth, sendReadiness } from "./probes.js";
import { sendError } from "./respond.js";

export interface OperableListenerOptions {
  /** The application's routes (request-listener.ts). */
  readonly inner: RequestListener;
  /** The primary database, for the readiness probe. */
  readonly db: Kysely<Database>;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly corsOrigins: readonly string[];
}

export interface OperableListener {
  readonly listener: RequestListener;
  /** Requests being served now. */
  inFlight(): number;
  /** From now on /ready answers 503 and new requests are refused with 503 and `connection: close`. */
  startDraining(): void;
  readonly draining: () => boolean;
  /** Resolves when no request is in flight. */
  idle(): Promise<void>;
}

/** The route label of a path, from a fixed list (metrics labels must stay few). */
function routeOf(path: string): string {
  if (path === "/graphql" || path.startsWith("/graphql/")) return "/graphql";
  if (path.startsWith("/export/")) return "/export";
  if (path.startsWith("/auth/")) return "/auth";
  if (path === "/health" || path === "/ready" || path === "/metrics") return path;
  return "static";
}

/**
 * What every request goes through before the application's routes: a request id (kept from a
 * sane `x-request-id`, else new; echoed in the response), CORS, the probes and `/metrics`, a
 * 503 while draining, one log line and the HTTP metrics when the response ends.
 */
export function createOperableListener(options: OperableListenerOptions): OperableListener {
  const allowed = new Set(options.corsOrigins);
  let draining = false;
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const done = () => {
    inFlight -= 1;
    if (inFlight === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };

  const finish = (record: RequestRecord, request: IncomingMessage, response: ServerResponse, route: string, path: string) => {
    const seconds = (performance.now() - record.startedAt) / 1000;
    const status = response.headersSent ? response.statusCode : 499;
    options.metrics.httpRequests.inc({ route, method: request.method ?? "GET", status: String(status) });
    options.metrics.httpDuration.observe({ route }, seconds);
    // Probes and scrapes come every few seconds from the load balancer and Prometheus; they are
    // logged only when they fail.
    if ((route === "/health" || route === "/ready" || route === "/metrics") && status < 400) return;
    const line = {
      requestId: record.id,
      method: request.method,
      route,
      path,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      operation: record.operationName,
      operationType: record.operationType,
      role: record.viewer?.role ?? null,
      region: record.viewer?.region ?? null,
      outcome: record.errorCodes.length === 0 && status < 400 ? "ok" : record.errorCodes.join(",") || `http ${status}`,
    };
    // One line per request, whatever happened; an expected client error is never a stack.
    if (status >= 500 && status !== 503) options.logger.error(line, "request failed");
    else if (status >= 500 || status === 429) options.logger.warn(line, "request refused");
    else options.logger.info(line, "request");
  };

  const listener: RequestListener = (request, response) => {
    const record = newRecord(requestIdFrom(request.headers["x-request-id"]), performance.now());
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = routeOf(path);
    response.setHeader("x-request-id", record.id);
    inFlight += 1;
    let finished = false;
    const end = () => {
      if (finished) return;
      finished = true;
      finish(record, request, response, route, path);
      done();
    };
    response.once("finish", end);
    response.once("close", end);

    if (applyCors(allowed, request, response)) return;
    if (draining) {
      // Keep-alive connections may still bring a request; answer it and close the connection.
      response.setHeader("connection", "close");
      if (route === "/health") return sendHealth(response);
      return sendError(response, 503, "The gateway is shutting down", { retryAfterSeconds: 1 });
    }
    if (route === "/health" && (request.method === "GET" || request.method === "HEAD")) return sendHealth(response);
    if (route === "/ready" && (request.method === "GET" || request.method === "HEAD")) {
      void sendReadiness({ db: options.db, draining: () => draining }, response).catch(() => sendError(response, 503, "Not ready"));
      return;
    }
    if (route === "/metrics" && request.method === "GET") {
      void options.metrics.registry.metrics().then(
        (text) => {
          response.writeHead(200, { "content-type": options.metrics.registry.contentType, "cache-control": "no-store" });
          response.end(text);
        },
        () => sendError(response, 500, "Could not collect the metrics"),
      );
      return;
    }
    runWithRecord(record, () => options.inner(request, response));
  };

  return {
    listener,
    inFlight: () => inFlight,
    startDraining: () => {
      draining = true;
    },
    draining: () => draining,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
