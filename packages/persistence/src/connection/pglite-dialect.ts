import type { PGlite } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import { type AutoAnalyzeOptions, AutoAnalyzer } from "../statistics/auto-analyze.js";
import { Mutex } from "./mutex.js";

export interface PGliteDialectConfig {
  /** An open PGlite instance, or a factory called once when Kysely first needs it. */
  readonly database: PGlite | (() => Promise<PGlite>);
  /** Close the instance when Kysely is destroyed (true when this dialect created it). */
  readonly closeOnDestroy?: boolean;
  /** Re-analyze tables after large writes, as autovacuum would (on unless `false`). */
  readonly autoAnalyze?: AutoAnalyzeOptions | false;
}

/**
 * Kysely dialect for PGlite. PGlite is one PostgreSQL session, so the driver hands out one
 * connection at a time: a transaction holds it from BEGIN to COMMIT/ROLLBACK and a single
 * query holds it for its own length. Without that, two transactions would interleave on the
 * same session and one's rollback would undo (or expose) the other's rows.
 */
export class PGliteDialect implements Dialect {
  readonly #config: PGliteDialectConfig;

  constructor(config: PGliteDialectConfig) {
    this.#config = config;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#config);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature takes Kysely<any>.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}

class PGliteDriver implements Driver {
  readonly #config: PGliteDialectConfig;
  readonly #mutex = new Mutex();
  #pglite: PGlite | undefined;
  #connection: PGliteConnection | undefined;
  #release: (() => void) | undefined;
  readonly #analyzer: AutoAnalyzer | undefined;

  constructor(config: PGliteDialectConfig) {
    this.#config = config;
    this.#analyzer = config.autoAnalyze === false ? undefined : new AutoAnalyzer(config.autoAnalyze);
  }

  async init(): Promise<void> {
    const { database } = this.#config;
    this.#pglite = typeof database === "function" ? await database() : database;
    const analyzer = this.#analyzer;
    this.#connection = new PGliteConnection(this.#pglite, analyzer ? (rows) => analyzer.noteWrite(rows) : undefined);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock();
    if (!this.#connection) {
      release();
      throw new Error("PGlite driver has been destroyed");
    }
    this.#release = release;
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let statement = "begin";
    if (settings.isolationLevel || settings.accessMode) {
      statement = "start transaction";
      if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) statement += ` ${settings.accessMode}`;
    }
    await connection.executeQuery(CompiledQuery.raw(statement));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const result = await connection.executeQuery<{ command?: string }>(CompiledQuery.raw("commit"));
    // COMMIT of a transaction an earlier error aborted completes as ROLLBACK: say so.
    if (result.rows[0]?.command === "ROLLBACK") {
      throw new Error("transaction was aborted and has been rolled back");
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    if (release && this.#analyzer?.due()) {
      // Queue the check before letting go, so it runs before anything queued after this write.
      const turn = this.#mutex.lock();
      release();
      void this.#autoAnalyze(this.#analyzer, turn);
      return;
    }
    release?.();
  }

  async #autoAnalyze(analyzer: AutoAnalyzer, turn: Promise<() => void>): Promise<void> {
    const release = await turn;
    try {
      if (this.#pglite && !this.#pglite.closed) await analyzer.run(this.#pglite);
    } catch {
      // Statistics only guide the planner: a failed ANALYZE must not fail the write before it,
      // and the next large write tries again.
    } finally {
      release();
    }
  }

  async destroy(): Promise<void> {
    // Wait for whoever holds the session, then close it.
    const release = await this.#mutex.lock();
    try {
      const pglite = this.#pglite;
      this.#connection = undefined;
      this.#pglite = undefined;
      if (pglite && this.#config.closeOnDestroy && !pglite.closed) await pglite.close();
    } finally {
      release();
    }
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  readonly #onWrite: ((rows: number) => void) | undefined;

  constructor(pglite: PGlite, onWrite?: (rows: number) => void) {
    this.#pglite = pglite;
    this.#onWrite = onWrite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    const command = result.command?.toUpperCase();
    if (command === "COMMIT" || command === "ROLLBACK") {
      return { rows: [{ command } as R] };
    }
    const changes =
      command === "INSERT" || command === "UPDATE" || command === "DELETE" || command === "MERGE";
    if (changes) this.#onWrite?.(Number(result.rowCount ?? result.affectedRows ?? 0));
    return {
      numAffectedRows: changes ? BigInt(result.rowCount ?? result.affectedRows ?? 0) : undefined,
      rows: result.rows,
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is refused, not implemented.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("the PGlite dialect does not stream; page the query instead");
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
