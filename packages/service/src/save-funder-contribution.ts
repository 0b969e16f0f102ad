import { type FunderContributionInput, notFound, validateFunderContributionInput } from "@adviser-hub/domain";
import { type Database, type FunderContributionRow, type FunderRow, fundersByIds, saveFunderContributionRow, writeAudit } from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import type { CommandActor } from "./actor.js";
import { runSave, type SaveOptions, type SaveResult } from "./administration/save-support.js";

export interface SavedFunderContribution {
  readonly funder: FunderRow;
  readonly contribution: FunderContributionRow;
  readonly before: FunderContributionRow | null;
}

export type SaveFunderContributionResult = SaveResult<SavedFunderContribution>;

/** Sets a funder's contribution for one financial year, in pence (rule 13's programme cost). */
export async function saveFunderContribution(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: FunderContributionInput,
  options?: SaveOptions,
): Promise<SaveFunderContributionResult> {
  return runSave(db, actor, "saveFunderContribution", options, async ({ trx, region, at, field }) => {
    const valid = validateFunderContributionInput(input, options?.path ?? "input");
    if (!valid.ok) return valid;
    const [funder] = await fundersByIds(trx, region, [valid.value.funderId]);
    if (!funder) return { ok: false, error: notFound("funder", valid.value.funderId, field("funderId")) };
    const saved = await saveFunderContributionRow(trx, region, valid.value);
    await writeAudit(trx, actor, { action: "saveFunderContribution", entity: "funder", entityId: funder.id, before: saved.before, after: saved.after, at });
    return { ok: true, value: { funder, contribution: saved.after, before: saved.before } };
  });
}
