import { type FunderInput, validateFunderInput } from "@adviser-hub/domain";
import { type Database, type FunderRow, saveFunderRow, writeAudit } from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import type { CommandActor } from "./actor.js";
import { runSave, type SaveOptions, type SaveResult } from "./administration/save-support.js";

export interface SavedFunder {
  readonly row: FunderRow;
  readonly created: boolean;
}

export type SaveFunderResult = SaveResult<SavedFunder>;

/** Creates or renames a funder of the programme (rule 13). */
export async function saveFunder(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: FunderInput,
  options?: SaveOptions,
): Promise<SaveFunderResult> {
  return runSave(db, actor, "saveFunder", options, async ({ trx, region, at }) => {
    const valid = validateFunderInput(input, options?.path ?? "input");
    if (!valid.ok) return valid;
    const saved = await saveFunderRow(trx, region, valid.value);
    await writeAudit(trx, actor, { action: "saveFunder", entity: "funder", entityId: valid.value.id, before: saved.before, after: saved.after, at });
    return { ok: true, value: { row: saved.after, created: saved.before === null } };
  });
}
