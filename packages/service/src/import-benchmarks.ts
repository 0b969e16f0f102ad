import {
  type ForbiddenError,
  type NotFoundError,
  type PublishedCount,
  type Result,
  type ValidationError,
  err,
  invalid,
  readOpenData,
  readOpenDataMapping,
  validationError,
} from "@adviser-hub/domain";
import { type Database, type PublishedWriteCounts, withTransaction, writeAudit, writePublishedFigures } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import Papa from "papaparse";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";

export interface ImportBenchmarksInput {
  /** The file's name: quoted in refusals and stored as each figure's source. */
  readonly fileName: unknown;
  /** The CSV text in the Department for Education's open-data layout. */
  readonly csv: unknown;
  /** The mapping file: an object, or its JSON text. */
  readonly mapping: unknown;
}

export interface ImportedBenchmarks {
  readonly fileName: string;
  readonly years: readonly number[];
  /** Figures read from the file: authorities' and the national or regional comparators'. */
  readonly authorityFigures: number;
  readonly areaFigures: number;
  /** Rows written or changed; all zero when the same file was imported before. */
  readonly changed: PublishedWriteCounts;
}

// NOT_FOUND: a region with no row of its own (its figures have nowhere to belong).
export type ImportBenchmarksError = ValidationError | NotFoundError | ForbiddenError;
export type ImportBenchmarksResult = Result<ImportedBenchmarks, ImportBenchmarksError>;

const MAX_CSV_CHARS = 20_000_000;

/** A figure as stored: its value, or null and the meaning of the symbol published instead. */
const stored = (count: PublishedCount): { value: number | null; symbol: string | null } =>
  count.suppressed ? { value: null, symbol: count.symbol ?? "SUPPRESSED" } : { value: count.value, symbol: null };

/** The domain's refusal, its paths placed under the mutation's `input`. */
const underInput = (error: ValidationError): { ok: false; error: ValidationError } =>
  err(validationError(error.issues.map((issue) => ({ field: `input.${issue.field}`, message: issue.message }))));

/**
 * Imports published statistics for the caller's region from the Department for Education's
 * open-data CSV (rule 12): the domain reads every row first and refuses the whole file on any
 * bad cell or unknown authority; then one transaction writes only figures that differ from
 * those stored, with one audit row. Importing the same file again changes nothing.
 */
export async function importBenchmarks(
  db: Kysely<Database>,
  actor: CommandActor,
  input: ImportBenchmarksInput,
  options?: CommandOptions,
): Promise<ImportBenchmarksResult> {
  const denied = requireRole(actor, "importBenchmarks");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  if (typeof input?.fileName !== "string" || input.fileName.trim() === "") return invalid("input.fileName", "is required");
  if (typeof input.csv !== "string" || input.csv.trim() === "") return invalid("input.csv", "is required");
  if (input.csv.length > MAX_CSV_CHARS) return invalid("input.csv", `must be at most ${MAX_CSV_CHARS} characters`);
  const fileName = input.fileName.trim();
  let rawMapping: unknown = input.mapping;
  if (typeof rawMapping === "string") {
    try {
      rawMapping = JSON.parse(rawMapping);
    } catch {
      return invalid("input.mapping", "is not valid JSON");
    }
  }
  const mapping = readOpenDataMapping(rawMapping);
  if (!mapping.ok) return underInput(mapping.error);
  const parsed = Papa.parse<string[]>(input.csv, { skipEmptyLines: "greedy" });
  const failure = parsed.errors[0];
  if (failure) {
    const line = failure.row === undefined ? "" : `, row ${failure.row + 1}`;
    return invalid("input.csv", `${fileName}${line}: ${failure.message}`);
  }
  const [header, ...rows] = parsed.data;
  if (!header) return invalid("input.csv", `${fileName}: no header row`);

  return withTransaction(db, async (trx): Promise<ImportBenchmarksResult> => {
    const authorities = await trx.selectFrom("authorities").select("id").where("region_code", "=", region).execute();
    const read = readOpenData({ file: fileName, header, rows }, mapping.value, new Set(authorities.map((a) => a.id)));
    if (!read.ok) return underInput(read.error);
    const figures = read.value;
    const changed = await writePublishedFigures(trx, region, fileName, {
      statistics: figures.authorityFigures.map((f) => ({
        authorityId: f.authorityId,
        year: f.year,
        measure: f.measure,
        ...stored(f.count),
      })),
      populations: figures.authorityPopulations,
      areas: figures.areaFigures.map((f) => ({
        level: f.level,
        areaCode: f.areaCode,
        areaName: f.areaName,
        year: f.year,
        measure: f.measure,
        ...stored(f.count),
        population: f.population,
      })),
    });
    const result: ImportedBenchmarks = {
      fileName,
      years: figures.years,
      authorityFigures: figures.authorityFigures.length,
      areaFigures: figures.areaFigures.length,
      changed,
    };
    // A second import of the same file writes nothing, not even an audit row.
    if (changed.statistics + changed.populations + changed.areaStatistics > 0)
      await writeAudit(trx, actor, {
        action: "importBenchmarks",
        entity: "benchmark_statistics",
        entityId: fileName,
        before: null,
        after: result,
        at: nowOf(options),
      });
    return { ok: true, value: result };
  });
}
