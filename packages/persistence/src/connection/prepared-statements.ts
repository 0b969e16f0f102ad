import { createHash } from "node:crypto";
import pg from "pg";

/**
 * How many statements one server session keeps prepared. The application's statements are
 * generated from a fixed set of queries, but a batched `in (...)` has one text per batch size,
 * so the texts are many; the first that come (a running gateway's hot reads) are kept and the
 * rest go unnamed, which bounds what each session holds on the server without evicting.
 */
export const PREPARED_PER_SESSION = 256;

/** Whether sessions prepare their statements: on unless `DATABASE_PREPARED_STATEMENTS` is `off`. */
export function preparedStatementsEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.DATABASE_PREPARED_STATEMENTS;
  if (value === undefined || value === "" || value === "on") return true;
  if (value === "off") return false;
  throw new Error(`DATABASE_PREPARED_STATEMENTS must be "on" or "off", got ${JSON.stringify(value)}`);
}

const statementName = (text: string) => `ah_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;

/** PostgreSQL's refusal to run a prepared statement whose result columns a migration changed. */
function isStaleResultType(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: unknown }).code === "0A000" &&
    error.message.includes("cached plan must not change result type")
  );
}

/**
 * A session that sends each parameterised statement as a named (server-side prepared) one, so
 * PostgreSQL parses it once per session instead of on every call; planning follows the
 * server's own rule (`plan_cache_mode` auto: five custom plans, then the generic plan only
 * when it is estimated no dearer than those). For the engagements page that is most of what
 * the server spends besides executing it. Only the plain `query(text, values)` form Kysely
 * sends is named; cursors, callbacks and statements without parameters pass as they are.
 *
 * A migration that changes the columns of a prepared `select *` makes PostgreSQL refuse that
 * statement once ("cached plan must not change result type"); the error reaches the caller,
 * and the session sends that text unnamed from then on.
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();
  readonly #unnamed = new Set<string>();

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; every other form passes through untouched.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config !== "string" || !Array.isArray(values) || values.length === 0 || callback !== undefined) {
      return super.query(config, values, callback);
    }
    const name = this.#nameFor(config);
    if (name === undefined) return super.query(config, values);
    return super.query({ name, text: config, values }).catch((error: unknown) => {
      if (isStaleResultType(error)) {
        this.#names.delete(config);
        this.#unnamed.add(config);
      }
      throw error;
    });
  }

  #nameFor(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known !== undefined) return known;
    if (this.#names.size >= PREPARED_PER_SESSION || this.#unnamed.has(text)) return undefined;
    const name = statementName(text);
    this.#names.set(text, name);
    return name;
  }

  /** Statements this session has named (for tests and diagnostics). */
  get preparedCount(): number {
    return this.#names.size;
  }
}
