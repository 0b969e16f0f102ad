import {
  type BankHoliday,
  type GovUkDivision,
  GOV_UK_DIVISIONS,
  invalid,
  isGovUkDivision,
  notFound,
  parseGovUkBankHolidays,
  type Result,
  validationError,
} from "@adviser-hub/domain";
import type { Kysely, Transaction } from "kysely";
import { type CommandActor, type CommandOptions, requireRoleIn } from "./actor.js";
import { type Database, lockRegionPolicy, policyVersionRows, withTransaction } from "@adviser-hub/persistence";
import { type RegionPolicySet, type SetRegionPolicyError, putPolicy } from "./set-region-policy.js";
import { validYear } from "./year.js";

export interface ImportBankHolidaysInput {
  readonly region: string;
  readonly division: unknown;
  /** A document in the GOV.UK bank-holidays layout: its JSON text, or the value it parses to. */
  readonly json: unknown;
  /** The financial year the new policy version applies from; the newest version's when left out. */
  readonly fromFinancialYear?: number | null;
}

export interface ImportedBankHolidays extends RegionPolicySet {
  readonly division: GovUkDivision;
  /** How many holidays the document gave. */
  readonly importedHolidays: number;
}

export type ImportBankHolidaysError = SetRegionPolicyError;
export type ImportBankHolidaysResult = Result<ImportedBankHolidays, ImportBankHolidaysError>;

/**
 * Puts one division of a GOV.UK bank-holidays document into the region's policy as a policy
 * version from a financial year (REGION_ADMIN of the region, SERVICE_ADMIN): the version in
 * force for that year, with its bank holidays from the document's first to its last date
 * replaced by the document's, and those outside that span kept. Written through
 * setRegionPolicy's own code, so each year it changes is re-allocated and audited the same way.
 */
export async function importBankHolidays(
  db: Kysely<Database> | Transaction<Database>,
  actor: CommandActor,
  input: ImportBankHolidaysInput,
  options?: CommandOptions,
): Promise<ImportBankHolidaysResult> {
  const region = typeof input?.region === "string" ? input.region : "";
  const denied = requireRoleIn(actor, "importBankHolidays", region);
  if (denied) return { ok: false, error: denied };
  const division = input.division;
  if (!isGovUkDivision(division)) return invalid("division", `must be one of ${GOV_UK_DIVISIONS.join(", ")}`);
  let document: unknown = input.json;
  if (typeof document === "string") {
    try {
      document = JSON.parse(document);
    } catch {
      return invalid("json", "is not valid JSON");
    }
  }
  const holidays = parseGovUkBankHolidays(document, division);
  // A fault is named by its path in the document the `json` argument holds.
  if (!holidays.ok)
    return { ok: false, error: validationError(holidays.error.issues.map((i) => ({ field: `json.${i.field}`, message: i.message }))) };
  const year = input.fromFinancialYear === undefined || input.fromFinancialYear === null ? null : validYear(input.fromFinancialYear, "fromFinancialYear");
  if (year && !year.ok) return year;

  return withTransaction(db, async (trx): Promise<ImportBankHolidaysResult> => {
    // Before reading the version it builds on, so no policy change slips in between.
    await lockRegionPolicy(trx, region, "exclusive");
    const versions = await policyVersionRows(trx, region);
    const newest = versions[versions.length - 1];
    if (!newest) return { ok: false, error: notFound("region", region, "region") };
    const fromYear = year ? year.value : newest.fromYear;
    let base = versions[0]!;
    for (const v of versions) if (v.fromYear <= fromYear) base = v;
    const stored = base.policy as { readonly bankHolidays?: readonly BankHoliday[] };
    const set = await putPolicy(
      trx,
      actor,
      region,
      fromYear,
      { ...stored, bankHolidays: mergeHolidays(stored.bankHolidays ?? [], holidays.value) },
      options,
      "importBankHolidays",
    );
    if (!set.ok) return set;
    return { ok: true, value: { ...set.value, division, importedHolidays: holidays.value.length } };
  });
}

/** The document's holidays replace those from its first to its last date; the others stay. */
function mergeHolidays(kept: readonly BankHoliday[], imported: readonly BankHoliday[]): BankHoliday[] {
  if (imported.length === 0) return [...kept];
  const first = imported[0]!.date;
  const last = imported[imported.length - 1]!.date;
  return [...kept.filter((h) => h.date < first || h.date > last), ...imported].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}
