import { type ForbiddenError, type RegionPolicy, type Result, isServiceRole, parseRegionPolicy } from "@adviser-hub/domain";
import {
  type Database,
  TransactionAbort,
  mapDatabaseError,
  policyVersionRows,
  regionName,
  regionSnapshot,
  withTransaction,
} from "@adviser-hub/persistence";
import { type Kysely, type Transaction, sql } from "kysely";
import { type CommandActor, type CommandOptions, forbidden, requireRole } from "./actor.js";
import { FIRST_POLICY_YEAR, createRegion } from "./create-region.js";
import {
  CSV_FILE_NAMES,
  type CsvFile,
  type CsvRow,
  IMPORT_FILE_NAMES,
  type ImportIssue,
  POLICY_FILE,
  readCsv,
} from "./region-import/import-files.js";
import { planRows, type PlannedRow, type Refusal } from "./region-import/plan-rows.js";
import { putPolicy } from "./set-region-policy.js";

export type { ImportIssue } from "./region-import/import-files.js";
export { CSV_FILES, IMPORT_FILE_NAMES } from "./region-import/import-files.js";

export interface ImportRegionInput {
  /** File name to its text: policy.json and the CSVs of IMPORT_FILE_NAMES. A file left out imports nothing. */
  readonly files: Readonly<Record<string, string>>;
  /** The region; policy.json's `code` when left out, else the caller's own region. */
  readonly region?: string;
  /** The financial year policy.json applies from: the latest stored version's year when left out (1900 for a new region). */
  readonly fromFinancialYear?: number;
  /** Decide and count everything, then roll it all back. */
  readonly dryRun?: boolean;
  /** Called as each file's rows are applied (every `PROGRESS_EVERY` rows and at its end). */
  readonly onProgress?: (file: string, done: number, total: number) => void;
}

/** What an import did (or, dry, would do) to one file's rows. */
export interface ImportedFile {
  readonly file: string;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface ImportedRegion {
  readonly region: string;
  readonly dryRun: boolean;
  readonly files: readonly ImportedFile[];
  /** Rows created or updated over every file (policy.json counts as one row). */
  readonly changes: number;
}

/** Every problem of a refused import; nothing of it was written. */
export interface ImportRejectedError {
  readonly code: "IMPORT_REJECTED";
  readonly message: string;
  readonly issues: readonly ImportIssue[];
}

export type ImportRegionError = ImportRejectedError | ForbiddenError;
export type ImportRegionResult = Result<ImportedRegion, ImportRegionError>;

export const PROGRESS_EVERY = 500;

const rejected = (issues: readonly ImportIssue[]): ImportRejectedError => ({
  code: "IMPORT_REJECTED",
  message: `the import was refused with ${issues.length} ${issues.length === 1 ? "problem" : "problems"}; nothing was written`,
  issues,
});

/** Thrown to roll back a dry run with what it counted. */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportedRegion) {
    super("dry run");
  }
}

/**
 * Imports a whole region from files (REGION_ADMIN for its own region, SERVICE_ADMIN for any,
 * a new one included): its policy and every administered entity, upserted by natural key
 * through the same saves the API's mutations use, in one transaction. A row equal to what is
 * stored is not saved, so a second run of the same files changes nothing and writes no audit
 * row. Any problem refuses the whole import with every problem listed by file, row and column;
 * each row is saved under a savepoint so one refused row does not hide the others' problems.
 * The import never deletes: a row left out of a file stays as stored (ending is an end date).
 */
export async function importRegion(
  db: Kysely<Database>,
  actor: CommandActor,
  input: ImportRegionInput,
  options?: CommandOptions,
): Promise<ImportRegionResult> {
  const denied = requireRole(actor, "importRegion");
  if (denied) return { ok: false, error: denied };
  const issues: ImportIssue[] = [];
  for (const name of Object.keys(input.files))
    if (!IMPORT_FILE_NAMES.includes(name)) issues.push({ file: name, row: null, column: null, message: `is not an import file (${IMPORT_FILE_NAMES.join(", ")})` });

  let policyJson: Record<string, unknown> | null = null;
  const policyText = input.files[POLICY_FILE];
  if (policyText !== undefined) {
    try {
      const parsed: unknown = JSON.parse(policyText);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) policyJson = parsed as Record<string, unknown>;
      else issues.push({ file: POLICY_FILE, row: null, column: null, message: "must be a JSON object" });
    } catch (error) {
      issues.push({ file: POLICY_FILE, row: null, column: null, message: `is not JSON: ${(error as Error).message}` });
    }
  }
  const region =
    input.region ?? (typeof policyJson?.code === "string" ? policyJson.code : isServiceRole(actor.role) ? undefined : actor.regionCode);
  if (region === undefined) return { ok: false, error: rejected([{ file: POLICY_FILE, row: null, column: "code", message: "names the region to import: is required" }]) };
  if (!isServiceRole(actor.role) && region !== actor.regionCode) return { ok: false, error: forbidden(`a ${actor.role} of ${actor.regionCode} may not import region ${region}`) };

  const rows = new Map<CsvFile, CsvRow[]>();
  for (const file of CSV_FILE_NAMES) {
    const text = input.files[file];
    if (text !== undefined) rows.set(file, readCsv(file, text, issues));
  }
  if (issues.length > 0) return { ok: false, error: rejected(issues) };

  // The saves are the region admin's; the operator runs them as the region's admin, recorded
  // under its own name, once the import's own role check above let it in.
  const regionActor: CommandActor = { role: "REGION_ADMIN", regionCode: region, userId: actor.userId };
  try {
    const result = await withTransaction(db, async (trx): Promise<Result<ImportedRegion, ImportRejectedError>> => {
      const files: ImportedFile[] = [];
      const policy = await importPolicy(trx, actor, region, policyJson, input.fromFinancialYear, options, files, issues);
      if (policy === null) return { ok: false, error: rejected(issues) };
      const stored = await regionSnapshot(trx, region);
      for (const file of CSV_FILE_NAMES) {
        const fileRows = rows.get(file);
        if (!fileRows) continue;
        const planned = planRows(file, fileRows, policy, stored, issues);
        const counts = { file, created: 0, updated: 0, unchanged: 0 };
        let done = 0;
        for (const row of planned) {
          if (row.change === "unchanged") counts.unchanged++;
          else if (await saveRow(trx, regionActor, file, row, options, issues)) counts[row.change]++;
          done++;
          if (done % PROGRESS_EVERY === 0) input.onProgress?.(file, done, planned.length);
        }
        input.onProgress?.(file, planned.length, planned.length);
        files.push(counts);
      }
      if (issues.length > 0) return { ok: false, error: rejected(issues) };
      const summary: ImportedRegion = {
        region,
        dryRun: input.dryRun === true,
        files,
        changes: files.reduce((n, f) => n + f.created + f.updated, 0),
      };
      if (summary.dryRun) throw new DryRunRollback(summary);
      return { ok: true, value: summary };
    });
    if (!result.ok && result.error.code !== "IMPORT_REJECTED")
      // A write the database refused outside any one row (a deferred check at commit).
      return { ok: false, error: rejected([{ file: "", row: null, column: null, message: result.error.message }]) };
    return result as ImportRegionResult;
  } catch (error) {
    if (error instanceof DryRunRollback) return { ok: true, value: error.summary };
    throw error;
  }
}

/**
 * Opens the region or stores policy.json as its policy from the year asked (the latest stored
 * version's year by default), unless that version is already the same. Returns the policy the
 * rows are read under, or null when refused (the issues say why).
 */
async function importPolicy(
  trx: Transaction<Database>,
  actor: CommandActor,
  region: string,
  policyJson: Record<string, unknown> | null,
  fromYear: number | undefined,
  options: CommandOptions | undefined,
  files: ImportedFile[],
  issues: ImportIssue[],
): Promise<RegionPolicy | null> {
  const policyIssue = (e: { field: string; message: string }) =>
    issues.push({ file: POLICY_FILE, row: null, column: e.field.replace(/^policy\.?/, "") || null, message: e.message });
  const name = await regionName(trx, region);
  if (name === undefined) {
    if (policyJson === null) {
      issues.push({ file: POLICY_FILE, row: null, column: null, message: `is required to open region ${region}` });
      return null;
    }
    const json = policyJson;
    const created = await savepointed(trx, () =>
      createRegion(trx, actor, { code: region, name: typeof json.name === "string" ? json.name : "", policy: json, fromFinancialYear: fromYear ?? FIRST_POLICY_YEAR }, options),
    );
    if (!created.ok) {
      if (created.error.issues) for (const e of created.error.issues) policyIssue(e);
      else issues.push({ file: POLICY_FILE, row: null, column: "code", message: `region ${region} does not exist, and ${created.error.message}` });
      return null;
    }
    files.push({ file: POLICY_FILE, created: 1, updated: 0, unchanged: 0 });
    return (created.value as { policy: RegionPolicy }).policy;
  }
  const versions = await policyVersionRows(trx, region);
  const year = fromYear ?? versions[versions.length - 1]?.fromYear ?? FIRST_POLICY_YEAR;
  const atYear = versions.find((v) => v.fromYear === year);
  const storedAtYear = atYear ? parseRegionPolicy(atYear.policy) : null;
  if (policyJson === null) {
    const latest = versions[versions.length - 1];
    const parsed = latest ? parseRegionPolicy(latest.policy) : null;
    if (!parsed?.ok) throw new Error(`region ${region} has no valid stored policy`);
    return parsed.value;
  }
  const given = parseRegionPolicy({ ...policyJson, code: region, name: typeof policyJson.name === "string" ? policyJson.name : name });
  if (storedAtYear?.ok && given.ok && JSON.stringify(storedAtYear.value) === JSON.stringify(given.value)) {
    files.push({ file: POLICY_FILE, created: 0, updated: 0, unchanged: 1 });
    return given.value;
  }
  const set = await savepointed(trx, () => putPolicy(trx, actor, region, year, policyJson, options, "importRegion"));
  if (!set.ok) {
    if (set.error.issues) for (const e of set.error.issues) policyIssue(e);
    else policyIssue({ field: "", message: set.error.message });
    return null;
  }
  files.push({ file: POLICY_FILE, created: atYear ? 0 : 1, updated: atYear ? 1 : 0, unchanged: 0 });
  return (set.value as { policy: RegionPolicy }).policy;
}

/** Saves one planned row under a savepoint; a refusal becomes issues naming the row's columns. */
async function saveRow(
  trx: Transaction<Database>,
  actor: CommandActor,
  file: CsvFile,
  row: PlannedRow,
  options: CommandOptions | undefined,
  issues: ImportIssue[],
): Promise<boolean> {
  const result = await savepointed(trx, () => row.save(trx, actor, { ...options, path: "" }));
  if (result.ok) return true;
  const error = result.error;
  const list = error.issues ? error.issues : [{ field: error.field ?? "", message: error.message }];
  for (const e of list) issues.push({ file, row: row.rowOf(e.field), column: e.field === "" ? null : row.columnOf(e.field), message: e.message });
  return false;
}


/** Runs a save that joins the transaction under a savepoint: a refusal rolls back that save alone and comes back as a value. */
async function savepointed<T>(trx: Transaction<Database>, save: () => Promise<Result<T, Refusal>>): Promise<Result<T, Refusal>> {
  await sql`savepoint import_row`.execute(trx);
  try {
    const result = await save();
    await sql`release savepoint import_row`.execute(trx);
    return result;
  } catch (error) {
    const failure = error instanceof TransactionAbort ? (error.failure as Refusal) : mapDatabaseError(error);
    if (!failure) throw error;
    await sql`rollback to savepoint import_row`.execute(trx);
    return { ok: false, error: failure };
  }
}
