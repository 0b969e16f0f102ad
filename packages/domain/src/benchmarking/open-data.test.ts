import { describe, expect, it } from "vitest";
import { readOpenData, readOpenDataCount, readOpenDataMapping, readTimePeriod, type OpenDataMapping } from "./open-data.js";

const header = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "new_la_code", "old_la_code", "la_name", "child_population", "referrals", "cpp_31_march"];
const mapping: OpenDataMapping = { measures: { referrals: "REFERRALS", cpp_31_march: "CP_PLANS_AT_YEAR_END" }, population: "child_population" };
const la = (period: string, code: string, population: string, referrals: string, plans: string) =>
  [period, "Financial year", "Local authority", "E92000001", "England", "E12000007", "London", code, "", "A borough", population, referrals, plans];
const authorities = new Set(["E09000001", "E09000002"]);

describe("DfE open data", () => {
  it("keeps every symbol as its meaning, never zero", () => {
    expect(readOpenDataCount("c")).toEqual({ ok: true, value: { suppressed: true, symbol: "SUPPRESSED" } });
    expect(readOpenDataCount(" LOW ")).toEqual({ ok: true, value: { suppressed: true, symbol: "LOW" } });
    for (const [raw, symbol] of [["z", "NOT_APPLICABLE"], ["x", "UNAVAILABLE"], ["u", "LOW_RELIABILITY"], [":", "NOT_AVAILABLE"]])
      expect(readOpenDataCount(raw!)).toEqual({ ok: true, value: { suppressed: true, symbol } });
    expect(readOpenDataCount("0")).toEqual({ ok: true, value: { suppressed: false, value: 0 } });
    for (const bad of ["", "1.5", "-2", "1,200", "n/a"]) expect(readOpenDataCount(bad).ok).toBe(false);
  });

  it("names a year spanning two calendar years by the year it starts in", () => {
    expect(readTimePeriod("201011", "Financial year")).toBe(2010);
    expect(readTimePeriod("199900", "Reporting year")).toBe(1999);
    expect(readTimePeriod("201012", "Financial year")).toBeNull();
    expect(readTimePeriod("2010", "Calendar year")).toBe(2010);
    expect(readTimePeriod("2010", "Financial year")).toBeNull();
  });

  it("validates the mapping naming the field", () => {
    expect(readOpenDataMapping({ measures: { referrals: "REFERRALS" }, population: "pop" })).toEqual({ ok: true, value: { measures: { referrals: "REFERRALS" }, population: "pop" } });
    expect(readOpenDataMapping({ measures: { a: "REFERRALS", b: "REFERRALS" } })).toMatchObject({ error: { field: "mapping.measures.b" } });
    expect(readOpenDataMapping({ measures: { a: "PIES" } })).toMatchObject({ error: { field: "mapping.measures.a" } });
    expect(readOpenDataMapping({ measures: {}, extra: 1 })).toMatchObject({ error: { issues: [{ field: "mapping.extra" }, { field: "mapping.measures" }] } });
    expect(readOpenDataMapping([])).toMatchObject({ error: { field: "mapping" } });
  });

  it("reads authority, England and region rows with their symbols", () => {
    const rows = [
      la("201011", "E09000001", "1000", "c", "12"),
      la("201011", "E09000002", "40000", "1500", "z"),
      ["201011", "Financial year", "National", "E92000001", "England", "", "", "", "", "", "11000000", "600000", "39000"],
      ["201011", "Financial year", "Regional", "E92000001", "England", "E12000007", "London", "", "", "", "1800000", "90000", "x"],
    ];
    const read = readOpenData({ file: "cin.csv", header, rows }, mapping, authorities);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.years).toEqual([2010]);
    expect(read.value.authorityFigures).toEqual([
      { authorityId: "E09000001", year: 2010, measure: "REFERRALS", count: { suppressed: true, symbol: "SUPPRESSED" } },
      { authorityId: "E09000001", year: 2010, measure: "CP_PLANS_AT_YEAR_END", count: { suppressed: false, value: 12 } },
      { authorityId: "E09000002", year: 2010, measure: "REFERRALS", count: { suppressed: false, value: 1500 } },
      { authorityId: "E09000002", year: 2010, measure: "CP_PLANS_AT_YEAR_END", count: { suppressed: true, symbol: "NOT_APPLICABLE" } },
    ]);
    expect(read.value.authorityPopulations).toEqual([
      { authorityId: "E09000001", year: 2010, population: 1000 },
      { authorityId: "E09000002", year: 2010, population: 40000 },
    ]);
    expect(read.value.areaFigures).toContainEqual({ level: "NATIONAL", areaCode: "E92000001", areaName: "England", year: 2010, measure: "REFERRALS", count: { suppressed: false, value: 600000 }, population: 11000000 });
    expect(read.value.areaFigures).toContainEqual({ level: "REGIONAL", areaCode: "E12000007", areaName: "London", year: 2010, measure: "CP_PLANS_AT_YEAR_END", count: { suppressed: true, symbol: "UNAVAILABLE" }, population: 1800000 });
  });

  it("refuses unknown authorities and bad values with file, row and column, and returns nothing", () => {
    const rows = [la("201011", "E09000001", "1000", "5", "1"), la("201011", "E09000099", "1000", "5", "1"), la("201011", "E09000002", "0", "1.5", "1"), la("2010", "E09000002", "10", "1", "1")];
    const read = readOpenData({ file: "cin.csv", header, rows }, mapping, authorities);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.issues.map((i) => i.field)).toEqual(["csv.rows[3].new_la_code", "csv.rows[4].child_population", "csv.rows[4].referrals", "csv.rows[5].time_period"]);
    expect(read.error.message).toBe("cin.csv, row 3, column new_la_code: E09000099 is not an authority of the region");
  });

  it("refuses a second row for the same area and year, a short row, and a mapped column the file lacks", () => {
    const twice = readOpenData({ file: "f.csv", header, rows: [la("201011", "E09000001", "1", "1", "1"), la("201011", "E09000001", "1", "1", "1"), ["201011"]] }, mapping, authorities);
    expect(twice).toMatchObject({ ok: false, error: { issues: [{ field: "csv.rows[3].new_la_code" }, { field: "csv.rows[4].*" }] } });
    const missing = readOpenData({ file: "f.csv", header: header.slice(0, 11), rows: [] }, mapping, authorities);
    expect(missing).toMatchObject({ ok: false, error: { issues: [{ field: "mapping.measures.referrals" }, { field: "mapping.measures.cpp_31_march" }, { field: "csv.rows" }] } });
  });
});
