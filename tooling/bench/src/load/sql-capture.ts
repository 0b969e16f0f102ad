import { createHash } from "node:crypto";
import pg from "pg";

// Every SQL statement the gateway sends goes through `pg.Client#query`, whatever builds it
// (Kysely, DataLoader batches, a raw query). Wrapping that one method in this process counts
// statements per request and records their text and parameters, so the floor server can
// replay exactly the same SQL. It also lets the benchmark turn on named prepared statements
// for code that does not ask for them.

export interface CapturedStatement {
  readonly sql: string;
  readonly values: readonly unknown[];
  /** Statements with the same group number were in flight together (a DataLoader batch). */
  readonly group: number;
}

interface CaptureState {
  statements: number;
  recording: CapturedStatement[] | null;
  inFlight: number;
  group: number;
  prepare: boolean;
}

const state: CaptureState = { statements: 0, recording: null, inFlight: 0, group: 0, prepare: false };
let installed = false;

type QueryFunction = (this: pg.Client, ...args: unknown[]) => unknown;

function preparedName(sql: string): string {
  return `ah_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
}

/** Wraps `pg.Client#query` once for the whole process. */
export function installSqlCapture(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: QueryFunction };
  const original = proto.query;
  proto.query = function wrappedQuery(this: pg.Client, ...args: unknown[]): unknown {
    const [first, second] = args;
    let sql: string | undefined;
    let values: readonly unknown[] = [];
    if (typeof first === "string") {
      sql = first;
      if (Array.isArray(second)) values = second;
    } else if (first !== null && typeof first === "object" && "text" in first) {
      const config = first as { text: unknown; values?: unknown };
      if (typeof config.text === "string") sql = config.text;
      if (Array.isArray(config.values)) values = config.values;
    }
    if (sql === undefined) return original.apply(this, args);

    state.statements += 1;
    if (state.inFlight === 0) state.group += 1;
    state.recording?.push({ sql, values: [...values], group: state.group });

    let callArgs = args;
    if (state.prepare && typeof first === "string" && values.length > 0 && typeof args[2] !== "function") {
      callArgs = [{ name: preparedName(first), text: first, values: [...values] }];
    }
    state.inFlight += 1;
    const result = original.apply(this, callArgs);
    if (result instanceof Promise) {
      return result.finally(() => {
        state.inFlight -= 1;
      });
    }
    // Callback or submittable forms: the in-flight count is only an aid to grouping, so
    // release it at once rather than wrap every callback style.
    state.inFlight -= 1;
    return result;
  };
}

/** Statements sent since the process started. */
export function statementCount(): number {
  return state.statements;
}

/** Records the statements sent while `work` runs. */
export async function recordStatements<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: CapturedStatement[] }> {
  const statements: CapturedStatement[] = [];
  state.recording = statements;
  try {
    const result = await work();
    return { result, statements };
  } finally {
    state.recording = null;
  }
}

/** While on, parameterised text queries are sent as named (server-side prepared) statements. */
export function setPreparedStatements(on: boolean): void {
  state.prepare = on;
}

export { preparedName };
