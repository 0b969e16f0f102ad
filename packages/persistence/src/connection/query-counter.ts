import type { LogEvent } from "kysely";

export interface QueryCounter {
  /** Pass as `openDatabase({ log })` or `createTestDatabase(backend, { log })`. */
  readonly log: (event: LogEvent) => void;
  /** SQL of every statement run (including BEGIN/COMMIT of transactions) since the last reset. */
  readonly statements: readonly string[];
  /** Statements run since the last reset. */
  count(): number;
  reset(): void;
}

/** Records every statement Kysely runs, so a test can assert how many SQL statements one
 * operation took (and a report query that starts looping over rows shows up at once). */
export function createQueryCounter(): QueryCounter {
  const statements: string[] = [];
  return {
    log: (event) => {
      statements.push(event.query.sql);
    },
    statements,
    count: () => statements.length,
    reset: () => {
      statements.length = 0;
    },
  };
}
