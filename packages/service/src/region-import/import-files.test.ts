import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_FILES, type ImportIssue, columnOfField, fieldOfColumn, readCsv } from "./import-files.js";

describe("reading an import's CSV", () => {
  it("reads back any cells a spreadsheet writes (commas, quotes, line breaks), numbering rows from the header as row 1", () => {
    const cell = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "" && s.trim() === s);
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = Papa.unparse([["id", "name"], ...rows]);
        const issues: ImportIssue[] = [];
        const read = readCsv("funders.csv", text, issues);
        expect(issues).toEqual([]);
        expect(read).toEqual(rows.map(([id, name], i) => ({ row: i + 2, cells: { id, name } })));
      }),
    );
  });

  it("names each column's input field and back, for every file", () => {
    for (const spec of Object.values(CSV_FILES))
      for (const column of [...spec.required, ...spec.optional]) expect(columnOfField(fieldOfColumn(column))).toBe(column);
    expect(columnOfField("neighbourIds[2]")).toBe("neighbour_ids");
  });

  it("refuses a row with more cells than the header, by its row", () => {
    const issues: ImportIssue[] = [];
    readCsv("funders.csv", "id,name\nfnd-1,One\nfnd-2,Two,extra\n", issues);
    expect(issues).toEqual([{ file: "funders.csv", row: 3, column: null, message: "has 3 cells where the header has 2" }]);
  });
});
