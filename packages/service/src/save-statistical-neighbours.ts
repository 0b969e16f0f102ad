import { type StatisticalNeighboursInput, notFound, validateStatisticalNeighboursInput } from "@adviser-hub/domain";
import { type Database, existingAuthorityIds, replaceStatisticalNeighbours, writeAudit } from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import type { CommandActor } from "./actor.js";
import { runSave, type SaveOptions, type SaveResult } from "./administration/save-support.js";

export interface SavedStatisticalNeighbours {
  readonly authorityId: string;
  /** Nearest first. */
  readonly neighbourIds: readonly string[];
  readonly before: readonly string[];
}

export type SaveStatisticalNeighboursResult = SaveResult<SavedStatisticalNeighbours>;

/** Replaces an authority's statistical neighbours (rule 12), nearest first; an empty list clears them. */
export async function saveStatisticalNeighbours(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: StatisticalNeighboursInput,
  options?: SaveOptions,
): Promise<SaveStatisticalNeighboursResult> {
  return runSave(db, actor, "saveStatisticalNeighbours", options, async ({ trx, region, at, field }) => {
    const valid = validateStatisticalNeighboursInput(input, options?.path ?? "input");
    if (!valid.ok) return valid;
    const { authorityId, neighbourIds } = valid.value;
    const known = await existingAuthorityIds(trx, region, [authorityId, ...neighbourIds]);
    if (!known.has(authorityId)) return { ok: false, error: notFound("authority", authorityId, field("authorityId")) };
    const missing = neighbourIds.findIndex((id) => !known.has(id));
    if (missing >= 0) return { ok: false, error: notFound("authority", neighbourIds[missing]!, field(`neighbourIds[${missing}]`)) };
    const before = await replaceStatisticalNeighbours(trx, region, authorityId, neighbourIds);
    await writeAudit(trx, actor, {
      action: "saveStatisticalNeighbours",
      entity: "authority",
      entityId: authorityId,
      before: { neighbourIds: before },
      after: { neighbourIds },
      at,
    });
    return { ok: true, value: { authorityId, neighbourIds, before } };
  });
}
