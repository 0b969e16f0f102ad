import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
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
  // The inner driver releases its own connection objects, so keep the pairing.
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
    return guarded(() => this.driver.beginTransaction(this.#unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return guarded(() => this.driver.commitTransaction(this.#unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return guarded(() => this.driver.rollbackTransaction(this.#unwrap(connection)));
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return guarded(async () => this.driver.savepoint?.(this.#unwrap(connection), name, compile));
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return guarded(async () => this.driver.rollbackToSavepoint?.(this.#unwrap(connection), name, compile));
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]): Promise<void> {
    return guarded(async () => this.driver.releaseSavepoint?.(this.#unwrap(connection), name, compile));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.driver.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.driver.destroy();
  }
}
