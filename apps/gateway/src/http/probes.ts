import type { ServerResponse } from "node:http";
import { asServiceUnavailable, type Database, schemaStatus } from "@adviser-hub/service";
import type { Kysely } from "kysely";
import { sendJson } from "./respond.js";

/** `GET /health`: the process is up and its event loop turns. Never touches the database. */
export function sendHealth(response: ServerResponse): void {
  sendJson(response, 200, { status: "ok" });
}

export interface ReadinessOptions {
  readonly db: Kysely<Database>;
  /** True once SIGTERM has been received: a load balancer must stop sending new requests. */
  readonly draining: () => boolean;
  /** Longest the probe waits for the database (a probe that hangs is worse than a 503). */
  readonly timeoutMs?: number;
}

export type Readiness =
  | { readonly ready: true }
  | { readonly ready: false; readonly reason: string; readonly pending?: readonly string[]; readonly unknown?: readonly string[] };

/** Whether this process should receive traffic: not shutting down, the database answers, the schema is current. */
export async function readiness(options: ReadinessOptions): Promise<Readiness> {
  if (options.draining()) return { ready: false, reason: "shutting down" };
  const timeoutMs = options.timeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), timeoutMs);
  });
  try {
    const status = await Promise.race([schemaStatus(options.db), late]);
    if (status === "late") return { ready: false, reason: `the database did not answer within ${timeoutMs} ms` };
    if (status.current) return { ready: true };
    const reason = status.pending.length > 0 ? "migrations are pending" : "the database was migrated by a newer build";
    return { ready: false, reason, pending: status.pending, unknown: status.unknown };
  } catch (error) {
    const unavailable = asServiceUnavailable(error);
    return { ready: false, reason: unavailable ? unavailable.message : "the database check failed" };
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /ready`: 200 `{status: "ready"}` or 503 `{status: "unavailable", reason}`. */
export async function sendReadiness(options: ReadinessOptions, response: ServerResponse): Promise<void> {
  const result = await readiness(options);
  if (result.ready) return sendJson(response, 200, { status: "ready" });
  response.setHeader("retry-after", "5");
  const { ready: _ready, ...rest } = result;
  sendJson(response, 503, { status: "unavailable", ...rest });
}
