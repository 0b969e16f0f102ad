import {
  type AdviserLeaveInput,
  type RegionPolicy,
  checkLeaveWithinEmployment,
  financialYearOf,
  isPlainDate,
  notFound,
  validateAdviserLeaveInput,
} from "@adviser-hub/domain";
import { type AdviserLeaveRow, type Database, loadAdviser, loadPolicies, replaceLeave, writeAudit } from "@adviser-hub/persistence";
import type { Kysely, Transaction } from "kysely";
import type { CommandActor } from "./actor.js";
import { runSave, type SaveOptions, type SaveResult } from "./administration/save-support.js";

export interface SavedAdviserLeave {
  readonly adviserId: string;
  readonly startDate: string;
  readonly endDate: string;
  /** The leave now recorded in the range, one row per working day (none when cleared). */
  readonly days: readonly { readonly leaveOn: string; readonly units: number; readonly reason: string | null }[];
  /** The leave the range held before. */
  readonly replaced: readonly AdviserLeaveRow[];
  /** The policy whose calendar placed the days, for showing them. */
  readonly policy: RegionPolicy;
}

export type SaveAdviserLeaveResult = SaveResult<SavedAdviserLeave>;

/**
 * Records an adviser's leave over a range (rule 8): the same days away on each of the region's
 * working days in it, replacing what the range held; 0 days clears it. Leave is inside
 * employment. The calendar is the policy of the financial year the range starts in.
 */
export async function saveAdviserLeave(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: AdviserLeaveInput,
  options?: SaveOptions,
): Promise<SaveAdviserLeaveResult> {
  const path = options?.path ?? "input";
  return runSave(db, actor, "saveAdviserLeave", options, async ({ trx, region, at, field }) => {
    const policies = await loadPolicies(trx, region);
    if (!policies.ok) return policies;
    const latest = policies.value.latest;
    const policy = isPlainDate(input?.startDate) ? policies.value.forYear(financialYearOf(latest, input.startDate)) : latest;
    const valid = validateAdviserLeaveInput(policy, input, path);
    if (!valid.ok) return valid;
    const adviser = await loadAdviser(trx, region, valid.value.adviserId);
    if (!adviser) return { ok: false, error: notFound("adviser", valid.value.adviserId, field("adviserId")) };
    const checked = checkLeaveWithinEmployment(adviser, valid.value, path);
    if (!checked.ok) return checked;
    const leave = checked.value;
    const days = leave.unitsPerDay === 0 ? [] : leave.dates.map((leaveOn) => ({ leaveOn, units: leave.unitsPerDay, reason: leave.reason }));
    const replaced = await replaceLeave(trx, region, adviser.id, leave.startDate, leave.endDate, days);
    await writeAudit(trx, actor, {
      action: "saveAdviserLeave",
      entity: "adviser",
      entityId: adviser.id,
      before: { startDate: leave.startDate, endDate: leave.endDate, leave: replaced },
      after: { startDate: leave.startDate, endDate: leave.endDate, leave: days },
      at,
    });
    return { ok: true, value: { adviserId: adviser.id, startDate: leave.startDate, endDate: leave.endDate, days, replaced, policy } };
  });
}
