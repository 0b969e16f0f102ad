import { createRequire } from "node:module";
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export interface LoggerOptions {
  readonly level: string;
  /** Human-readable lines through pino-pretty (a development dependency, used only if installed). */
  readonly pretty?: boolean;
  /** Where lines go (tests collect them); default stdout. */
  readonly destination?: DestinationStream;
}

/**
 * One JSON object per line, the shape log shippers expect. Only fields the gateway chooses go
 * in (request id, route, status, duration, operation, viewer role and region, outcome): never a
 * header, a body, a token or a note. The redaction list is a second guard for anything passed
 * by mistake.
 */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    // pid tells the workers of one node:cluster apart.
    base: { service: "adviser-hub-gateway", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["authorization", "token", "*.authorization", "*.token", "headers", "*.headers", "note", "*.note", "notes", "*.notes"],
      censor: "[redacted]",
    },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty && prettyInstalled()) {
    return pino({ ...base, transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" } } });
  }
  return pino(base);
}

/** pino-pretty is a devDependency: a production install does not have it, and must not need it. */
function prettyInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}
