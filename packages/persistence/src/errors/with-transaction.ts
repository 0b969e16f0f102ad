import { setTimeout as sleep } from "node:timers/promises";
import type { IsolationLevel, Kysely, Transaction } from "kysely";
import type { Database } from "../schema.js";
import type { ExpectedFailure, NotFoundError, Result, ValidationError } from "./domain-errors.js";
import { isRetryable, mapDatabaseError, postgresErrorFields } from "./map-database-error.js";

export interface TransactionOptions {
  /** Default: PostgreSQL's own (read committed). Use serializable for read-then-write rules. */
  readonly isolation?: "serializable" | "repeatable read" | "read committed";
  /** Extra attempts after a serialization failure or deadlock. Default 8. */
  readonly retries?: number;
}

/**
 * Thrown inside a transaction to abandon it with an expected failure: the transaction rolls
 * back and `withTransaction` returns the failure as a value. Lets code deep in a write give up
 * without threading a Result through every call.
 */
export class TransactionAbort<E extends ExpectedFailure = ExpectedFailure> extends Error {
  constructor(readonly failure: E) {
    super(failure.message);
    this.name = "TransactionAbort";
  }
}

/** Abandons the current transaction with `failure` (see TransactionAbort). */
export function abortTransaction<E extends ExpectedFailure>(failure: E): never {
  throw new TransactionAbort(failure);
}

/**
 * The database failed in a way the caller could not have caused or avoided (a bug, an outage,
 * contention that outlasted every retry). Its message is ours; the driver's error is the
 * `cause`, for logs only.
 */
export class DatabaseFailure extends Error {
  readonly code = "DATABASE_FAILURE";
  constructor(
    message: string,
    readonly sqlState: string | undefined,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = "DatabaseFailure";
  }
}

/**
 * Runs `fn` in one transaction and commits only if it returns `ok`. A returned or aborted
 * failure rolls everything back; a constraint violation comes back as a VALIDATION or
 * NOT_FOUND value naming the field; serialization failures and deadlocks rerun the whole of
 * `fn` after a jittered pause, so `fn` must not have effects outside the transaction.
 *
 * Called with a Transaction already open, it joins it: a failure then aborts the outer one.
 */
export async function withTransaction<T, E extends ExpectedFailure>(
  db: Kysely<Database> | Transaction<Database>,
  fn: (trx: Transaction<Database>) => Promise<Result<T, E>>,
  options: TransactionOptions = {},
): Promise<Result<T, E | ValidationError | NotFoundError>> {
  if (db.isTransaction) {
    const result = await fn(db as Transaction<Database>);
    if (!result.ok) throw new TransactionAbort(result.error);
    return result;
  }

  const retries = options.retries ?? 8;
  for (let attempt = 0; ; attempt++) {
    try {
      let builder = db.transaction();
      if (options.isolation) builder = builder.setIsolationLevel(options.isolation as IsolationLevel);
      const value = await builder.execute(async (trx) => {
        const result = await fn(trx);
        if (!result.ok) throw new TransactionAbort(result.error);
        return result.value;
      });
      return { ok: true, value };
    } catch (error) {
      if (error instanceof TransactionAbort) return { ok: false, error: error.failure as E };
      if (isRetryable(error) && attempt < retries) {
        await sleep(backoffMs(attempt));
        continue;
      }
      const mapped = mapDatabaseError(error);
      if (mapped) return { ok: false, error: mapped };
      throw asDatabaseFailure(error, attempt);
    }
  }
}

/** Full jitter: a random pause up to 5 ms x 2^attempt, capped at 250 ms. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(250, 5 * 2 ** attempt);
}

function asDatabaseFailure(error: unknown, attempts: number): Error {
  const fields = postgresErrorFields(error);
  if (!fields) return error instanceof Error ? error : new Error(String(error), { cause: error });
  const message = isRetryable(error)
    ? `the write kept conflicting with concurrent writes and gave up after ${attempts + 1} attempts`
    : "the database refused the operation";
  return new DatabaseFailure(message, fields.code, { cause: error });
}
