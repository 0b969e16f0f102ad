import { type ForbiddenError, type NotFoundError, type Result, type UseCase, type ValidationError, invalid } from "@adviser-hub/domain";
import { type Database, abortTransaction, mapDatabaseError, withTransaction } from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "../actor.js";

/*
 * What every save of an administered entity shares. A save is a function of a database or an
 * open transaction (a bulk import runs many saves in its own single transaction: withTransaction
 * joins it, and a refusal then aborts the whole import), the actor, the raw input and options.
 * It checks the role once, validates with the domain, writes with an audit row, and names every
 * refused field under the input's path.
 */

export interface SaveOptions extends CommandOptions {
  /** Where the input sits, prefixing every refused field: "input" (the default) for a mutation, "rows[3]" for a row of an import. */
  readonly path?: string;
}

export type SaveError = ValidationError | NotFoundError | ForbiddenError;
export type SaveResult<T> = Result<T, SaveError>;

export interface SaveContext {
  readonly trx: Transaction<Database>;
  readonly region: string;
  readonly at: Date;
  /** `field` under the input's path: `input.fte`. */
  readonly field: (name: string) => string;
}

export const fieldUnder = (path: string, name: string): string => (path === "" ? name : `${path}.${name}`);

export async function runSave<T>(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  useCase: UseCase,
  options: SaveOptions | undefined,
  save: (context: SaveContext) => Promise<SaveResult<T>>,
): Promise<SaveResult<T>> {
  const denied = requireRole(actor, useCase);
  if (denied) return { ok: false, error: denied };
  const path = options?.path ?? "input";
  const at = nowOf(options);
  return withTransaction(db, (trx) => save({ trx, region: actor.regionCode, at, field: (name) => fieldUnder(path, name) }));
}

/**
 * Runs a write whose refusal by the database (a CHECK, a trigger, a unique key) must name the
 * input's field rather than the column: `columns` maps the catalogue's field (salaryShareBp) to
 * the input's (salaryShare). The transaction is then abandoned with that typed error; anything
 * else (a serialization failure to retry, a bug) passes through untouched.
 */
export async function refusedAs<T>(context: SaveContext, columns: Readonly<Record<string, string>>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const mapped = mapDatabaseError(error);
    if (mapped?.code === "VALIDATION" && mapped.field in columns)
      abortTransaction(invalid(context.field(columns[mapped.field]!), mapped.message).error);
    throw error;
  }
}
