import { type AdviserInput, checkEmploymentKeepsWork, validateAdviserInput } from "@adviser-hub/domain";
import { type AdviserRow, type Database, recordedWorkSpan, saveAdviserRow, writeAudit } from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import type { CommandActor } from "./actor.js";
import { refusedAs, runSave, type SaveOptions, type SaveResult } from "./administration/save-support.js";

export interface SavedAdviser {
  readonly row: AdviserRow;
  readonly created: boolean;
}

export type SaveAdviserResult = SaveResult<SavedAdviser>;

/** The database's names for the fields the domain checked first (advisers_fte_range, ...). */
const COLUMNS = { fteBp: "fte", employedTo: "employedTo" } as const;

/**
 * Creates or changes an adviser: name, FTE and employment period. Ending employment is setting
 * `employedTo`; an adviser is never deleted, since deliveries and bookings refer to them, and
 * the period may not leave recorded work outside it.
 */
export async function saveAdviser(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: AdviserInput,
  options?: SaveOptions,
): Promise<SaveAdviserResult> {
  const path = options?.path ?? "input";
  return runSave(db, actor, "saveAdviser", options, async (context) => {
    const { trx, region, at } = context;
    const valid = validateAdviserInput(input, path);
    if (!valid.ok) return valid;
    const kept = checkEmploymentKeepsWork(valid.value, await recordedWorkSpan(trx, region, valid.value.id), path);
    if (!kept.ok) return kept;
    const adviser = kept.value;
    const saved = await refusedAs(context, COLUMNS, () =>
      saveAdviserRow(trx, region, {
        id: adviser.id,
        name: adviser.name,
        fte_bp: adviser.fteBp,
        employed_from: adviser.employedFrom,
        employed_to: adviser.employedTo,
      }),
    );
    await writeAudit(trx, actor, { action: "saveAdviser", entity: "adviser", entityId: adviser.id, before: saved.before, after: saved.after, at });
    return { ok: true, value: { row: saved.after, created: saved.before === null } };
  });
}
