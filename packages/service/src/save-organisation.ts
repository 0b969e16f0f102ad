import { type OrganisationInput, checkOrganisationMove, notFound, validateOrganisationInput } from "@adviser-hub/domain";
import {
  type Database,
  type OrganisationRow,
  existingAuthorityIds,
  loadOrganisation,
  organisationHasDeliveries,
  saveOrganisationRow,
  writeAudit,
} from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import type { CommandActor } from "./actor.js";
import { runSave, type SaveOptions, type SaveResult } from "./administration/save-support.js";

export interface SavedOrganisation {
  readonly row: OrganisationRow;
  readonly created: boolean;
}

export type SaveOrganisationResult = SaveResult<SavedOrganisation>;

/**
 * Creates or changes a client organisation: its kind and its home authority (none for a
 * region-wide body). Its home authority decides its quota holder, so it stays put once the
 * organisation has deliveries (the domain's checkOrganisationMove).
 */
export async function saveOrganisation(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: OrganisationInput,
  options?: SaveOptions,
): Promise<SaveOrganisationResult> {
  const path = options?.path ?? "input";
  return runSave(db, actor, "saveOrganisation", options, async ({ trx, region, at, field }) => {
    const valid = validateOrganisationInput(input, path);
    if (!valid.ok) return valid;
    const organisation = valid.value;
    if (organisation.homeAuthorityId !== null && !(await existingAuthorityIds(trx, region, [organisation.homeAuthorityId])).has(organisation.homeAuthorityId))
      return { ok: false, error: notFound("authority", organisation.homeAuthorityId, field("homeAuthorityId")) };
    const stored = await loadOrganisation(trx, region, organisation.id);
    const moved = stored && stored.homeAuthorityId !== organisation.homeAuthorityId;
    const kept = checkOrganisationMove(stored ?? null, organisation, moved ? await organisationHasDeliveries(trx, region, organisation.id) : false, path);
    if (!kept.ok) return kept;
    const saved = await saveOrganisationRow(trx, region, {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      home_authority_id: organisation.homeAuthorityId,
    });
    await writeAudit(trx, actor, { action: "saveOrganisation", entity: "organisation", entityId: organisation.id, before: saved.before, after: saved.after, at });
    return { ok: true, value: { row: saved.after, created: saved.before === null } };
  });
}
