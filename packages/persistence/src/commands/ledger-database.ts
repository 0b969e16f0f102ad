import type { Transaction } from "kysely";
import type { AdjustmentsTable, Database, PlainDate, StatementsTable } from "../schema.js";

/**
 * Columns added by migration 2026-11-25-0002-adjustment-periods: an adjustment names the period
 * it corrects (its statement is optional: the period may never have had one), with the billed
 * and recomputed amounts behind it; a statement names who issued it.
 */
export interface LedgerDatabase extends Omit<Database, "adjustments" | "statements"> {
  adjustments: Omit<AdjustmentsTable, "against_statement_id"> & {
    against_statement_id: string | null;
    period_start: PlainDate | null;
    period_end: PlainDate | null;
    billed_pence: number | null;
    recomputed_pence: number | null;
  };
  statements: StatementsTable & { issued_by: string | null };
}

/** The same transaction, typed with the ledger columns. */
export const ledger = (trx: Transaction<Database>): Transaction<LedgerDatabase> =>
  trx as unknown as Transaction<LedgerDatabase>;
