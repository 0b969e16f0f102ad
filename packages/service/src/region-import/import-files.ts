import Papa from "papaparse";

/*
 * The files of a region import and how each CSV is read into rows. A CSV's columns are the
 * save input's fields in snake_case (`employed_from` is the adviser input's `employedFrom`), so
 * a field the domain refuses names its column without a second table of names. Rows are
 * numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
 */

/** One problem of an import: the file, the row (null for the file as a whole or policy.json), the column and what is wrong. */
export interface ImportIssue {
  readonly file: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

export const POLICY_FILE = "policy.json";

/** The CSV files, in the order they are applied (each refers only to files before it). */
export const CSV_FILES = {
  "authorities.csv": { required: ["gss_code", "name"], optional: [] },
  "organisations.csv": { required: ["id", "name", "kind"], optional: ["home_authority_id", "closed_on"] },
  "rates.csv": { required: ["organisation_id", "year", "day_rate_pence"], optional: [] },
  "advisers.csv": { required: ["id", "name", "fte", "employed_from"], optional: ["employed_to"] },
  "leave.csv": { required: ["adviser_id", "start_date", "days"], optional: ["end_date", "reason"] },
  "host-arrangements.csv": {
    required: ["id", "adviser_id", "authority_id", "start_date", "salary_share", "commitment_days_per_week"],
    optional: ["end_date"],
  },
  "funders.csv": { required: ["id", "name"], optional: [] },
  "contributions.csv": { required: ["funder_id", "year", "amount_pence"], optional: [] },
  "neighbours.csv": { required: ["authority_id", "neighbour_id", "rank"], optional: [] },
} as const satisfies Record<string, { readonly required: readonly string[]; readonly optional: readonly string[] }>;

export type CsvFile = keyof typeof CSV_FILES;
export const CSV_FILE_NAMES = Object.keys(CSV_FILES) as CsvFile[];
export const IMPORT_FILE_NAMES: readonly string[] = [POLICY_FILE, ...CSV_FILE_NAMES];

/** A data row: its spreadsheet row number and its cells by column, an empty cell absent. */
export interface CsvRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** `employed_from` -> `employedFrom`: the save input's field a column fills. */
export const fieldOfColumn = (column: string): string => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
/** `employedFrom` -> `employed_from`; an indexed field (`neighbourIds[2]`) keeps its base name only. */
export const columnOfField = (field: string): string => (field.split(/[.[]/)[0] ?? field).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Reads one CSV: a header naming each required column (optional ones may be left out, unknown
 * ones are refused), then rows of cells. Blank lines are skipped; cells are trimmed.
 */
export function readCsv(file: CsvFile, text: string, issues: ImportIssue[]): CsvRow[] {
  const spec = CSV_FILES[file];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  for (const e of parsed.errors)
    issues.push({ file, row: e.row === undefined ? null : e.row + 1, column: null, message: `cannot be read as CSV: ${e.message}` });
  const [header = [], ...lines] = parsed.data;
  const columns = header.map((h) => h.trim());
  const known: readonly string[] = [...spec.required, ...spec.optional];
  for (const c of columns) if (!known.includes(c)) issues.push({ file, row: 1, column: c, message: `is not a column of ${file} (${known.join(", ")})` });
  for (const c of spec.required) if (!columns.includes(c)) issues.push({ file, row: 1, column: c, message: "is a required column" });
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) issues.push({ file, row: 1, column: c, message: "is given twice" });
    seen.add(c);
  }
  return lines.map((line, i) => {
    const row = i + 2;
    if (line.length !== columns.length)
      issues.push({ file, row, column: null, message: `has ${line.length} cells where the header has ${columns.length}` });
    const cells: Record<string, string> = {};
    columns.forEach((c, j) => {
      const value = line[j]?.trim() ?? "";
      if (value !== "") cells[c] = value;
    });
    return { row, cells };
  });
}

/** A whole-number cell as a number (the domain refuses anything else, naming the field); absent stays absent. */
export function integerCell(value: string | undefined): number | string | undefined {
  return value !== undefined && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
}

/** An optional cell: empty is null (no end date, a region-wide body). */
export const optionalCell = (value: string | undefined): string | null => value ?? null;
