/**
 * Why the database could not serve a request, for logs and metrics: the server is unreachable
 * (refused, reset, terminated), shutting down or starting up, or did not answer in time
 * (connecting, waiting for a pooled session, or a statement running past its timeout).
 */
export type UnavailableReason = "unreachable" | "shutdown" | "timeout" | "overloaded";

/** Seconds a client is told to wait before retrying (HTTP `Retry-After`). */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot serve the request now; the same request may succeed later. One class for
 * every such failure, so the gateway answers 503 with `Retry-After` without knowing the driver.
 * The message is ours; the driver's error is only the `cause`, for logs.
 */
export class ServiceUnavailableError extends Error {
  readonly code = "SERVICE_UNAVAILABLE";
  readonly retryAfterSeconds: number;
  constructor(
    readonly reason: UnavailableReason,
    options: { cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(MESSAGES[reason], options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ServiceUnavailableError";
    this.retryAfterSeconds = options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  }
}

const MESSAGES: Record<UnavailableReason, string> = {
  unreachable: "the database is unreachable",
  shutdown: "the database is shutting down or starting up",
  timeout: "the database did not answer in time",
  overloaded: "the database has no free connection",
};

// SQLSTATEs that say "not now" rather than "not this": connection exceptions (class 08),
// operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now),
// a statement cancelled by statement_timeout (57014), a session ended by
// idle_in_transaction_session_timeout (25P03), and the server out of connection slots (53300).
const SQLSTATE_REASONS: Record<string, UnavailableReason> = {
  "57P01": "shutdown",
  "57P02": "shutdown",
  "57P03": "shutdown",
  "57014": "timeout",
  "25P03": "timeout",
  "53300": "overloaded",
};

// Node socket errors on connect or mid-query.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

// `pg` and `pg-pool` report these without a code; their wording is stable across pg 8.
const DRIVER_MESSAGES: ReadonlyArray<[RegExp, UnavailableReason]> = [
  [/^Connection terminated/, "unreachable"],
  [/timeout exceeded when trying to connect/, "timeout"],
  [/^Connection terminated due to connection timeout/, "timeout"],
  [/is not queryable/, "unreachable"],
  [/^Query read timeout/, "timeout"],
];

/**
 * The ServiceUnavailableError an error stands for, or undefined when it is anything else (a
 * bug, a constraint, bad input). Already-mapped errors come back as they are.
 */
export function asServiceUnavailable(error: unknown): ServiceUnavailableError | undefined {
  if (error instanceof ServiceUnavailableError) return error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    if (code.startsWith("08")) return new ServiceUnavailableError("unreachable", { cause: error });
    const reason = SQLSTATE_REASONS[code];
    if (reason) return new ServiceUnavailableError(reason, { cause: error });
    if (SOCKET_CODES.has(code)) return new ServiceUnavailableError("unreachable", { cause: error });
  }
  if (typeof message === "string") {
    for (const [pattern, reason] of DRIVER_MESSAGES) {
      if (pattern.test(message)) return new ServiceUnavailableError(reason, { cause: error });
    }
  }
  // Several addresses tried at once (localhost as ::1 and 127.0.0.1) fail as one AggregateError.
  if (error instanceof AggregateError && error.errors.length > 0) {
    const all = error.errors.map(asServiceUnavailable);
    if (all.every((e) => e !== undefined)) return new ServiceUnavailableError(all[0]!.reason, { cause: error });
  }
  return undefined;
}

export function isServiceUnavailable(error: unknown): boolean {
  return asServiceUnavailable(error) !== undefined;
}
