import Papa from "papaparse";

export type CsvCell = string | number | boolean | null;

/** Rows as CSV text with a header line, written by papaparse (quoting, commas, newlines). */
export function toCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${Papa.unparse({ fields: [...fields], data: rows.map((row) => [...row]) }, { newline: "\r\n" })}\r\n`;
}

/** Hands CSV text to the browser as a download. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename.endsWith(".csv") ? filename : `${filename}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
