import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import { asServiceUnavailable } from "../errors/service-unavailable.js";

/**
 * Wraps a server dialect so every "the database is not there" failure (refused, terminated,
 * shut down, timed out, no session free in time) reaches the caller as one
 * `ServiceUnavailableError`, whether it happened acquiring a session, beginning, running or
 * ending a transaction. Every other error passes through untouched for the usual mapping.
 */
export class UnavailableMappingDialect implements Dialect {
  constructor(readonly inner: Dialect) {}

  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }

  createDriver(): Driver {
    return new UnavailableMappingDriver(this.inner.createDriver());
  }

  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature takes Kysely<any>.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}

function rethrow(error: unknown): never {
  throw asServiceUnavailable(error) ?? error;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    rethrow(error);
  }
}

class GuardedConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return guarded(() => this.inner.executeQuery<R>(compiledQuery));
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(compiledQuery, chunkSize);
    } catch (error) {
      rethrow(error);
    }
  }
}

class UnavailableMappingDriver implements Driver {
  // The inner driver releases its own connection objects, so keep the pairing. Transaction
  // statements go through the outer connection, so Kysely's log hook (which wraps the outer
  // connection's executeQuery) sees BEGIN and COMMIT as before.
  readonly #inner = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(readonly driver: Driver) {}

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.#inner.get(connection) ?? connection;
  }

  init(): Promise<void> {
    return guarded(() => this.driver.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await guarded(() => this.driver.acquireConnection());
    const outer = new GuardedConnection(inner);
    this.#inner.set(outer, inner);
    return outer;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return guarded(() => this.driver.beginTransaction(connection, settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return guarded(() => this.driver.commitTransaction(connection));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw("rollback"));
    } catch (error) {
      // A session that cannot roll back must not be reused: the inner driver's own rollback
      // fails the same way and marks its connection to be discarded on release.
      await this.driver.rollbackTransaction(this.#unwrap(connection)).catch(() => undefined);
      rethrow(error);
    }
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return guarded(async () => this.driver.savepoint?.(connection, name, compile));
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return guarded(async () => this.driver.rollbackToSavepoint?.(connection, name, compile));
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return guarded(async () => this.driver.releaseSavepoint?.(connection, name, compile));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.driver.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.driver.destroy();
  }
}
