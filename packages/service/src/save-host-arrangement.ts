import { type HostArrangementInput, type RegionPolicy, checkHostArrangement, notFound, validateHostArrangementInput } from "@adviser-hub/domain";
import {
  type Database,
  type HostArrangementRow,
  existingAuthorityIds,
  loadAdviser,
  loadArrangements,
  loadPolicy,
  saveHostArrangementRow,
  writeAudit,
} from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import type { CommandActor } from "./actor.js";
import { refusedAs, runSave, type SaveOptions, type SaveResult } from "./administration/save-support.js";

export interface SavedHostArrangement {
  readonly row: HostArrangementRow;
  readonly created: boolean;
  /** The region's latest policy, for showing the commitment in days. */
  readonly policy: RegionPolicy;
}

export type SaveHostArrangementResult = SaveResult<SavedHostArrangement>;

/**
 * The database's names for the fields the domain checked first. host_arrangements_share_total
 * is the trigger that keeps an adviser's concurrent shares at most 1 when two saves race past
 * the domain's check, each unaware of the other's row.
 */
const COLUMNS = { salaryShareBp: "salaryShare", endsOn: "endDate", commitmentUnitsPerWeek: "commitmentDaysPerWeek" } as const;

/**
 * Creates or changes a host arrangement (rule 7): adviser x authority x period, the host's
 * salary share and weekly commitment. Ending one is setting its end date. The adviser's
 * concurrent shares stay at most 1: the domain checks them against the stored arrangements, and
 * the database's trigger refuses what a concurrent save would tip over, named on salaryShare.
 */
export async function saveHostArrangement(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: HostArrangementInput,
  options?: SaveOptions,
): Promise<SaveHostArrangementResult> {
  const path = options?.path ?? "input";
  return runSave(db, actor, "saveHostArrangement", options, async (context) => {
    const { trx, region, at, field } = context;
    const policy = await loadPolicy(trx, region);
    if (!policy.ok) return policy;
    const valid = validateHostArrangementInput(policy.value, input, path);
    if (!valid.ok) return valid;
    const arrangement = valid.value;
    const adviser = await loadAdviser(trx, region, arrangement.adviserId);
    if (!adviser) return { ok: false, error: notFound("adviser", arrangement.adviserId, field("adviserId")) };
    if (!(await existingAuthorityIds(trx, region, [arrangement.authorityId])).has(arrangement.authorityId))
      return { ok: false, error: notFound("authority", arrangement.authorityId, field("authorityId")) };
    const checked = checkHostArrangement(arrangement, adviser, await loadArrangements(trx, region, [adviser.id]), path);
    if (!checked.ok) return checked;
    const saved = await refusedAs(context, COLUMNS, () =>
      saveHostArrangementRow(trx, region, {
        id: arrangement.id,
        adviser_id: arrangement.adviserId,
        authority_id: arrangement.authorityId,
        starts_on: arrangement.startDate,
        ends_on: arrangement.endDate,
        salary_share_bp: arrangement.salaryShareBp,
        commitment_units_per_week: arrangement.commitmentUnitsPerWeek,
      }),
    );
    await writeAudit(trx, actor, { action: "saveHostArrangement", entity: "host arrangement", entityId: arrangement.id, before: saved.before, after: saved.after, at });
    return { ok: true, value: { row: saved.after, created: saved.before === null, policy: policy.value } };
  });
}
