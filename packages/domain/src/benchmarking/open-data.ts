import { err, type FieldIssue, ok, type Result, validationError, type ValidationError } from "../result.js";
import { BENCHMARK_MEASURES, type BenchmarkMeasure, type PublishedCount } from "./benchmark.js";
import { type BenchmarkSymbol, symbolOf } from "./symbols.js";

/**
 * The Department for Education's open-data CSV layout (its statistics service): a time period,
 * a geographic level and the area's codes, then one column per indicator. Reading it is a rule:
 * which columns mean what, which symbols stand for what, which rows belong to the region.
 * Tokenising the text into cells is the caller's (papaparse); this sees header and cells.
 */
export const OPEN_DATA_COLUMNS = [
  "time_period",
  "time_identifier",
  "geographic_level",
  "country_code",
  "region_code",
  "new_la_code",
  "old_la_code",
  "la_name",
] as const;

export type AreaLevel = "NATIONAL" | "REGIONAL";

const LEVELS: Readonly<Record<string, AreaLevel | "LOCAL_AUTHORITY">> = {
  national: "NATIONAL",
  regional: "REGIONAL",
  "local authority": "LOCAL_AUTHORITY",
};

/** Financial and academic years are written `201011` (2010-11) and named by the year they start in. */
const SPANNING_YEAR_IDENTIFIERS = ["financial year", "reporting year", "academic year"];

/** Which indicator column holds which measure, and which holds the child population (0-17). */
export interface OpenDataMapping {
  readonly measures: Readonly<Record<string, BenchmarkMeasure>>;
  readonly population: string | null;
}

export interface OpenDataTable {
  /** The file's name, quoted in every refusal. */
  readonly file: string;
  readonly header: readonly string[];
  /** Data rows; row i is line i + 2 of the file. */
  readonly rows: readonly (readonly string[])[];
}

export interface AuthorityFigure {
  readonly authorityId: string;
  readonly year: number;
  readonly measure: BenchmarkMeasure;
  readonly count: PublishedCount;
}
export interface AuthorityPopulation {
  readonly authorityId: string;
  readonly year: number;
  readonly population: number;
}
export interface AreaFigure {
  readonly level: AreaLevel;
  readonly areaCode: string;
  readonly areaName: string;
  readonly year: number;
  readonly measure: BenchmarkMeasure;
  readonly count: PublishedCount;
  /** Children aged 0-17 when the population column published a number. */
  readonly population: number | null;
}

export interface OpenDataImport {
  readonly authorityFigures: readonly AuthorityFigure[];
  readonly authorityPopulations: readonly AuthorityPopulation[];
  readonly areaFigures: readonly AreaFigure[];
  readonly years: readonly number[];
}

const MAX_COUNT = 100_000_000;

/** Validates a mapping file's content: `{ "measures": { column: MEASURE }, "population": column }`. */
export function readOpenDataMapping(raw: unknown, field = "mapping"): Result<OpenDataMapping, ValidationError> {
  const issues: FieldIssue[] = [];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return err(validationError({ field, message: "must be an object" }));
  const { measures, population, ...rest } = raw as Record<string, unknown>;
  for (const key of Object.keys(rest)) issues.push({ field: `${field}.${key}`, message: "is not a mapping key (measures, population)" });
  const out: Record<string, BenchmarkMeasure> = {};
  if (measures === null || typeof measures !== "object" || Array.isArray(measures) || Object.keys(measures).length === 0)
    issues.push({ field: `${field}.measures`, message: "must map at least one indicator column to a measure" });
  else {
    const mapped = new Map<string, string>();
    for (const [column, measure] of Object.entries(measures as Record<string, unknown>)) {
      if (typeof measure !== "string" || !(BENCHMARK_MEASURES as readonly string[]).includes(measure)) {
        issues.push({ field: `${field}.measures.${column}`, message: `must be one of ${BENCHMARK_MEASURES.join(", ")}` });
        continue;
      }
      const before = mapped.get(measure);
      if (before !== undefined) issues.push({ field: `${field}.measures.${column}`, message: `${measure} is already mapped from ${before}` });
      mapped.set(measure, column);
      out[column] = measure as BenchmarkMeasure;
    }
  }
  if (population !== undefined && population !== null && (typeof population !== "string" || population.trim() === ""))
    issues.push({ field: `${field}.population`, message: "must be a column name" });
  if (issues.length > 0) return err(validationError(issues));
  return ok({ measures: out, population: typeof population === "string" ? population : null });
}

/** One cell of an indicator: a whole number, or a symbol kept as its meaning. */
export function readOpenDataCount(raw: string): { ok: true; value: PublishedCount } | { ok: false; message: string } {
  const symbol: BenchmarkSymbol | null = symbolOf(raw);
  if (symbol !== null) return { ok: true, value: { suppressed: true, symbol } };
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return { ok: false, message: `"${raw}" is not a whole number or a published symbol (c, z, x, low, u, :)` };
  const value = Number(text);
  if (value > MAX_COUNT) return { ok: false, message: `"${raw}" is too large` };
  return { ok: true, value: { suppressed: false, value } };
}

/** `201011` is 2010 (2010-11) for a financial, reporting or academic year; `2010` for a calendar year. */
export function readTimePeriod(period: string, identifier: string): number | null {
  const text = period.trim();
  const spanning = SPANNING_YEAR_IDENTIFIERS.includes(identifier.trim().toLowerCase());
  if (spanning && /^\d{6}$/.test(text)) {
    const start = Number(text.slice(0, 4));
    return Number(text.slice(4)) === (start + 1) % 100 ? start : null;
  }
  if (!spanning && identifier.trim().toLowerCase() === "calendar year" && /^\d{4}$/.test(text)) return Number(text);
  return null;
}

/**
 * Reads a whole file for one region: every local-authority row must be one of the region's
 * authorities (GSS code in `new_la_code`), national and regional rows are kept as comparators,
 * and every refusal names the file, the line and the column. All or nothing: any issue and
 * nothing is returned to write.
 */
export function readOpenData(
  table: OpenDataTable,
  mapping: OpenDataMapping,
  authorities: ReadonlySet<string>,
): Result<OpenDataImport, ValidationError> {
  const issues: FieldIssue[] = [];
  const at = (line: number, column: string, message: string) =>
    issues.push({ field: `csv.rows[${line}].${column}`, message: `${table.file}, row ${line}, column ${column}: ${message}` });
  const index = new Map<string, number>(table.header.map((name, i) => [name.trim(), i]));
  const required = ["time_period", "time_identifier", "geographic_level", "country_code", "new_la_code"];
  for (const column of required)
    if (!index.has(column)) issues.push({ field: `csv.header.${column}`, message: `${table.file}, row 1: column ${column} is missing` });
  for (const column of [...Object.keys(mapping.measures), ...(mapping.population ? [mapping.population] : [])])
    if (!index.has(column))
      issues.push({ field: `mapping.measures.${column}`, message: `${table.file}, row 1: the mapped column ${column} is not in the file` });
  if (table.rows.length === 0) issues.push({ field: "csv.rows", message: `${table.file}: no data rows` });
  if (issues.length > 0) return err(validationError(issues));

  const cell = (row: readonly string[], column: string) => (row[index.get(column)!] ?? "").trim();
  const authorityFigures: AuthorityFigure[] = [];
  const authorityPopulations: AuthorityPopulation[] = [];
  const areaFigures: AreaFigure[] = [];
  const seen = new Map<string, number>();
  const years = new Set<number>();

  table.rows.forEach((row, i) => {
    const line = i + 2;
    if (row.length !== table.header.length) {
      at(line, "*", `has ${row.length} cells, the header ${table.header.length}`);
      return;
    }
    const year = readTimePeriod(cell(row, "time_period"), cell(row, "time_identifier"));
    if (year === null) at(line, "time_period", `"${cell(row, "time_period")}" is not a ${cell(row, "time_identifier") || "known"} period such as 201011`);
    const level = LEVELS[cell(row, "geographic_level").toLowerCase()];
    if (level === undefined) at(line, "geographic_level", `"${cell(row, "geographic_level")}" is not National, Regional or Local authority`);
    let areaCode = "";
    if (level === "NATIONAL") areaCode = cell(row, "country_code");
    else if (level === "REGIONAL") {
      if (!index.has("region_code")) at(line, "region_code", "a regional row needs the region_code column");
      else areaCode = cell(row, "region_code");
    } else if (level === "LOCAL_AUTHORITY") {
      areaCode = cell(row, "new_la_code");
      if (areaCode !== "" && !authorities.has(areaCode)) at(line, "new_la_code", `${areaCode} is not an authority of the region`);
    }
    const codeColumn = level === "NATIONAL" ? "country_code" : level === "REGIONAL" ? "region_code" : "new_la_code";
    if (level !== undefined && areaCode === "") at(line, codeColumn, "is required");
    if (year === null || level === undefined || areaCode === "") return;
    const key = `${level}/${areaCode}/${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      at(line, codeColumn, `${areaCode} already has a ${year} row (row ${first})`);
      return;
    }
    seen.set(key, line);
    years.add(year);

    let population: number | null = null;
    if (mapping.population) {
      const read = readOpenDataCount(cell(row, mapping.population));
      if (!read.ok) at(line, mapping.population, read.message);
      else if (!read.value.suppressed) {
        if (read.value.value === 0) at(line, mapping.population, "a child population must be above zero");
        else population = read.value.value;
      }
    }
    for (const [column, measure] of Object.entries(mapping.measures)) {
      const read = readOpenDataCount(cell(row, column));
      if (!read.ok) {
        at(line, column, read.message);
        continue;
      }
      if (level === "LOCAL_AUTHORITY") authorityFigures.push({ authorityId: areaCode, year, measure, count: read.value });
      else areaFigures.push({ level, areaCode, areaName: cell(row, level === "NATIONAL" ? "country_name" : "region_name") || areaCode, year, measure, count: read.value, population });
    }
    if (level === "LOCAL_AUTHORITY" && population !== null) authorityPopulations.push({ authorityId: areaCode, year, population });
  });
  if (issues.length > 0) return err(validationError(issues));
  return ok({ authorityFigures, authorityPopulations, areaFigures, years: [...years].sort((a, b) => a - b) });
}
