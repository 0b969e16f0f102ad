/**
 * The gateway process's settings, read once from the environment and checked by name, so a
 * typo in a deployment fails at start rather than at the first request. The README's
 * configuration table lists every variable; the database's own (DATABASE_URL,
 * DATABASE_READ_URL, the DATABASE_*_MS limits, PGLITE_DATA_DIR) are read by persistence.
 */
export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel: string;
  /** Browser origins allowed to call the gateway; empty means same origin only. */
  readonly corsOrigins: readonly string[];
  /** Requests one viewer may make per minute (a burst of that many, refilled evenly); 0 = off. */
  readonly rateLimitPerMinute: number;
  /** How long SIGTERM waits for requests in flight before cutting them. */
  readonly shutdownTimeoutMs: number;
  /** Worker processes behind the one port (node:cluster); 1 runs in this process. */
  readonly workers: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

const LOG_LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const production = env.NODE_ENV === "production";
  const logLevel = env.LOG_LEVEL || (env.NODE_ENV === "test" ? "silent" : "info");
  if (!LOG_LEVELS.has(logLevel)) throw new ConfigError("LOG_LEVEL", `must be one of ${[...LOG_LEVELS].join(", ")}`);
  return {
    port: whole(env, "PORT", 4000, 0, 65_535),
    host: env.HOST || "127.0.0.1",
    production,
    logLevel,
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
    rateLimitPerMinute: whole(env, "RATE_LIMIT_PER_MINUTE", 600, 0, 1_000_000),
    shutdownTimeoutMs: whole(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    workers: whole(env, "WEB_CONCURRENCY", 1, 1, 64),
  };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, least: number, most: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  if (!/^\d+$/.test(text)) throw new ConfigError(name, "must be a whole number");
  const value = Number(text);
  if (value < least || value > most) throw new ConfigError(name, `must be between ${least} and ${most}`);
  return value;
}

/**
 * Exact origins only (scheme, host, port), comma separated. A wildcard is refused: the
 * gateway answers to bearer tokens, and an origin allowed by pattern is one nobody reviewed.
 */
function corsOrigins(text: string | undefined): string[] {
  if (!text) return [];
  const origins: string[] = [];
  for (const raw of text.split(",")) {
    const item = raw.trim();
    if (item === "") continue;
    if (item === "*" || item.includes("*")) throw new ConfigError("CORS_ORIGINS", "lists exact origins; a wildcard is not allowed");
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      throw new ConfigError("CORS_ORIGINS", `${item} is not an origin such as https://dashboard.example.org`);
    }
    if ((url.protocol !== "https:" && url.protocol !== "http:") || url.origin !== item.replace(/\/$/, "")) {
      throw new ConfigError("CORS_ORIGINS", `${item} is not an origin such as https://dashboard.example.org`);
    }
    origins.push(url.origin);
  }
  return origins;
}
