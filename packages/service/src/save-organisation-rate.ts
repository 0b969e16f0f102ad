import { type OrganisationRateInput, type RegionPolicy, notFound, quotaHolderOf, validateOrganisationRateInput } from "@adviser-hub/domain";
import {
  type Database,
  type OrganisationRateRow,
  loadOrganisation,
  loadPolicies,
  lockQuotaHolderYear,
  saveOrganisationRateRow,
  writeAudit,
} from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import type { CommandActor } from "./actor.js";
import { runSave, type SaveOptions, type SaveResult } from "./administration/save-support.js";
import { allocateHolderYear } from "./allocation/index.js";

export interface SavedOrganisationRate {
  readonly organisationId: string;
  readonly year: number;
  /** The negotiated rate now; null when removed (the region's default applies). */
  readonly rate: OrganisationRateRow | null;
  readonly before: OrganisationRateRow | null;
  /** Live deliveries of the quota holder-year allocated again (those whose charge changed are stored again). */
  readonly reallocatedDeliveries: number;
  /** The policy of the year, for showing days. */
  readonly policy: RegionPolicy;
}

export type SaveOrganisationRateResult = SaveResult<SavedOrganisationRate>;

/**
 * Sets (or with null removes) an organisation's negotiated day rate for a financial year (rule
 * 5). Stored charges follow at once: under the holder-year's lock, the whole holder-year is
 * allocated again with the policy of that year and every delivery whose charge changed is
 * stored again, in the same transaction. Issued statements stay frozen; the next statement of
 * the organisation carries the difference as an adjustment (rule 6).
 */
export async function saveOrganisationRate(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: OrganisationRateInput,
  options?: SaveOptions,
): Promise<SaveOrganisationRateResult> {
  return runSave(db, actor, "saveOrganisationRate", options, async ({ trx, region, at, field }) => {
    const valid = validateOrganisationRateInput(input, options?.path ?? "input");
    if (!valid.ok) return valid;
    const { organisationId, year, dayRatePence } = valid.value;
    const policies = await loadPolicies(trx, region);
    if (!policies.ok) return policies;
    const organisation = await loadOrganisation(trx, region, organisationId);
    if (!organisation) return { ok: false, error: notFound("organisation", organisationId, field("organisationId")) };
    const policy = policies.value.forYear(year);
    const holderId = quotaHolderOf(policy, organisation);
    // Deliveries of the holder-year are recorded under this lock: none interleaves with the re-allocation.
    await lockQuotaHolderYear(trx, region, holderId, year);
    const saved = await saveOrganisationRateRow(trx, region, organisationId, year, dayRatePence);
    const reallocated = await allocateHolderYear(trx, policy, region, holderId, year);
    await writeAudit(trx, actor, {
      action: "saveOrganisationRate",
      entity: "organisation",
      entityId: organisationId,
      before: { year, rate: saved.before },
      after: { year, rate: saved.after, reallocatedDeliveries: reallocated.size },
      at,
    });
    return {
      ok: true,
      value: { organisationId, year, rate: saved.after, before: saved.before, reallocatedDeliveries: reallocated.size, policy },
    };
  });
}
