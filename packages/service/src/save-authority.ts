import { type AuthorityInput, validateAuthorityInput } from "@adviser-hub/domain";
import { type AuthorityRow, type Database, saveAuthorityRow, saveChildPopulations, writeAudit } from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import type { CommandActor } from "./actor.js";
import { runSave, type SaveOptions, type SaveResult } from "./administration/save-support.js";

export interface SaveAuthorityInput extends AuthorityInput {
  /** Where the child population figures come from; "entered by the region" when absent. */
  readonly populationSource?: string | null;
}

export interface SavedAuthority {
  readonly row: AuthorityRow;
  readonly created: boolean;
  /** The years written, as given. */
  readonly childPopulation: readonly { readonly year: number; readonly population: number }[];
}

export type SaveAuthorityResult = SaveResult<SavedAuthority>;

export const ENTERED_BY_REGION = "entered by the region";

/** Creates or renames an authority (its GSS code is its id) and records its child population by year. */
export async function saveAuthority(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: SaveAuthorityInput,
  options?: SaveOptions,
): Promise<SaveAuthorityResult> {
  return runSave(db, actor, "saveAuthority", options, async ({ trx, region, at }) => {
    const valid = validateAuthorityInput(input, options?.path ?? "input");
    if (!valid.ok) return valid;
    const authority = valid.value;
    const saved = await saveAuthorityRow(trx, region, { id: authority.gssCode, name: authority.name });
    const source = typeof input.populationSource === "string" && input.populationSource.trim() !== "" ? input.populationSource.trim() : ENTERED_BY_REGION;
    const childPopulation = authority.childPopulation ?? [];
    const populationBefore = await saveChildPopulations(trx, region, authority.gssCode, childPopulation, source);
    await writeAudit(trx, actor, {
      action: "saveAuthority",
      entity: "authority",
      entityId: authority.gssCode,
      before: saved.before === null ? null : { ...saved.before, childPopulation: populationBefore },
      after: { ...saved.after, childPopulation },
      at,
    });
    return { ok: true, value: { row: saved.after, created: saved.before === null, childPopulation } };
  });
}
