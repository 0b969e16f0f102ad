/**
 * Time limits on the server's sessions, so neither a slow query nor a dead server can hold a
 * request (or the pool) for long. Each can be set per openDatabase call or by environment
 * variable; 0 turns a server-side limit off.
 */
export interface SessionLimits {
  /** `statement_timeout`: the longest one statement may run. Default 15 s. */
  readonly statementTimeoutMs: number;
  /** `idle_in_transaction_session_timeout`: a transaction left open this long is ended. Default 30 s. */
  readonly idleInTransactionTimeoutMs: number;
  /** Connecting to the server, or waiting for a free pooled session. Default 5 s. */
  readonly connectTimeoutMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  statementTimeoutMs: 15_000,
  idleInTransactionTimeoutMs: 30_000,
  connectTimeoutMs: 5_000,
};

const ENV: Record<keyof SessionLimits, string> = {
  statementTimeoutMs: "DATABASE_STATEMENT_TIMEOUT_MS",
  idleInTransactionTimeoutMs: "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS",
  connectTimeoutMs: "DATABASE_CONNECT_TIMEOUT_MS",
};

/** Explicit options first, then the environment, then the defaults. A bad value is refused by name. */
export function sessionLimits(
  options: Partial<SessionLimits> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): SessionLimits {
  const pick = (key: keyof SessionLimits): number => {
    const given = options[key];
    if (given !== undefined) return checked(key, given);
    const text = env[ENV[key]];
    if (text === undefined || text === "") return DEFAULT_SESSION_LIMITS[key];
    if (!/^\d+$/.test(text)) throw new Error(`${ENV[key]} must be a whole number of milliseconds`);
    return checked(key, Number(text));
  };
  return {
    statementTimeoutMs: pick("statementTimeoutMs"),
    idleInTransactionTimeoutMs: pick("idleInTransactionTimeoutMs"),
    connectTimeoutMs: pick("connectTimeoutMs"),
  };
}

function checked(key: keyof SessionLimits, value: number): number {
  // A connect timeout of 0 means "wait forever" to pg: exactly the hang this guards against.
  const least = key === "connectTimeoutMs" ? 1 : 0;
  if (!Number.isSafeInteger(value) || value < least || value > 2_147_483_647) {
    throw new Error(`${key} must be a whole number of milliseconds from ${least} to 2147483647`);
  }
  return value;
}
