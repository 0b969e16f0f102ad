import { type OrganisationInput, checkOrganisationMove, notFound, validateOrganisationInput } from "@adviser-hub/domain";
import {
  type Database,
  type OrganisationRow,
  existingAuthorityIds,
  loadOrganisation,
  lastDeliveryOf,
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
 * Creates, changes or closes a client organisation: its kind, its home authority (none for a
 * region-wide body) and its closing day. Its home authority decides its quota holder, so it
 * stays put once the organisation has deliveries, and it closes no earlier than its last
 * delivery (the domain's checkOrganisationMove).
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
    const lastDelivery = stored ? await lastDeliveryOf(trx, region, organisation.id) : null;
    const kept = checkOrganisationMove(stored ?? null, organisation, lastDelivery, path);
    if (!kept.ok) return kept;
    const saved = await saveOrganisationRow(trx, region, {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      home_authority_id: organisation.homeAuthorityId,
      closed_on: organisation.closedOn,
    });
    await writeAudit(trx, actor, { action: "saveOrganisation", entity: "organisation", entityId: organisation.id, before: saved.before, after: saved.after, at });
    return { ok: true, value: { row: saved.after, created: saved.before === null } };
  });
}
