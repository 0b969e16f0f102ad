import type { ReactNode } from "react";
import { type CsvCell, downloadCsv, toCsv } from "../lib/csv.js";

export interface Column<Row> {
  readonly header: string;
  /** What the cell shows. */
  readonly cell: (row: Row) => ReactNode;
  /** What the CSV holds: exact figures (pounds decimals, day decimals), not the display text. */
  readonly csv: (row: Row) => CsvCell;
  readonly numeric?: boolean;
  /** Row header cells name the row for screen readers. */
  readonly rowHeader?: boolean;
}

interface Props<Row> {
  readonly caption: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  /** File name of the CSV download, without .csv. */
  readonly filename: string;
  readonly rowKey: (row: Row, index: number) => string;
  readonly empty?: string;
  readonly footer?: ReactNode;
}

/** A captioned table with a CSV download of exactly its rows. */
export function DataTable<Row>({ caption, columns, rows, filename, rowKey, empty, footer }: Props<Row>) {
  const download = () =>
    downloadCsv(
      filename,
      toCsv(
        columns.map((column) => column.header),
        rows.map((row) => columns.map((column) => column.csv(row))),
      ),
    );
  return (
    <div className="table-block">
      <div className="table-tools">
        <button type="button" className="secondary no-print" onClick={download} data-csv={filename}>
          Download CSV<span className="visually-hidden">: {caption}</span>
        </button>
      </div>
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col" className={column.numeric ? "numeric" : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{empty ?? "Nothing to show."}</td>
              </tr>
            ) : (
              rows.map((row, index) => (
                <tr key={rowKey(row, index)}>
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <th key={column.header} scope="row">
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.header} className={column.numeric ? "numeric" : undefined}>
                        {column.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
          {footer ? <tfoot>{footer}</tfoot> : null}
        </table>
      </div>
    </div>
  );
}
