import { type FieldIssue, type ForbiddenError, type RegionPolicy, type Result, type ValidationError, invalid, ok } from "@adviser-hub/domain";
import type { Kysely, Transaction } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { type Database, insertRegion, regionName, withTransaction, writeAudit } from "@adviser-hub/persistence";
import { parsePolicyArgument } from "./region-policy-input.js";

export interface CreateRegionInput {
  readonly code: unknown;
  readonly name: unknown;
  /** The region's whole policy, as parseRegionPolicy reads it; its code and name may be left out. */
  readonly policy: unknown;
  /**
   * The financial year the first policy version is stored from. The first version also applies
   * to every earlier year (a region's policy has no gap), so leaving it out (1900) is usual.
   */
  readonly fromFinancialYear?: unknown;
}

export interface CreatedRegion {
  readonly code: string;
  readonly name: string;
  readonly fromFinancialYear: number;
  readonly policy: RegionPolicy;
}

export type CreateRegionError = ValidationError | ForbiddenError;
export type CreateRegionResult = Result<CreatedRegion, CreateRegionError>;

/** The first financial year a policy version may be stored from (the table's CHECK). */
export const FIRST_POLICY_YEAR = 1900;

/**
 * Opens a region with its policy (SERVICE_ADMIN). One transaction with its audit row; called
 * with a transaction open it joins it, so an import can open regions inside its own.
 */
export async function createRegion(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: CreateRegionInput,
  options?: CommandOptions,
): Promise<CreateRegionResult> {
  const denied = requireRole(actor, "createRegion");
  if (denied) return { ok: false, error: denied };
  const result = await withTransaction(db, async (trx): Promise<CreateRegionResult> => {
    const issues: FieldIssue[] = [];
    const name = typeof input?.name === "string" ? input.name.trim() : "";
    if (name === "") issues.push({ field: "name", message: "is required" });
    const code = typeof input?.code === "string" ? input.code : "";
    if (code === "") issues.push({ field: "code", message: "is required" });
    const from = input?.fromFinancialYear ?? FIRST_POLICY_YEAR;
    if (typeof from !== "number" || !Number.isInteger(from) || from < FIRST_POLICY_YEAR || from > 2999)
      issues.push({ field: "fromFinancialYear", message: "must be a year from 1900 to 2999" });
    // The code's format is the domain's (the policy's code rule); issues name `code`.
    const policy = parsePolicyArgument(input?.policy, { code, name }, issues);
    if (!policy.ok) return policy;
    if ((await regionName(trx, code)) !== undefined) return invalid("code", "a region with this code already exists");
    const created: CreatedRegion = { code, name, fromFinancialYear: from as number, policy: policy.value };
    await insertRegion(trx, { code, name, fromYear: created.fromFinancialYear, policy: policy.value });
    await writeAudit(trx, { regionCode: code, userId: actor.userId }, {
      action: "createRegion",
      entity: "region",
      entityId: code,
      before: null,
      after: created,
      at: nowOf(options),
    });
    return ok(created);
  });
  // Only the regions' own constraints can fail here, and each maps to a VALIDATION.
  if (!result.ok && result.error.code === "NOT_FOUND") throw new Error(`createRegion: ${result.error.message}`);
  return result as CreateRegionResult;
}
