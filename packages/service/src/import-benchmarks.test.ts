import { readFileSync } from "node:fs";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { benchmark } from "./benchmark.js";
import { importBenchmarks } from "./import-benchmarks.js";
import { REGION, admin, adviser, funder, insertFixture } from "./test-support/fixture.js";

const fixture = (name: string) => readFileSync(new URL(`./benchmarks-fixture/${name}`, import.meta.url), "utf8");
const FIXTURE_CSV = fixture("children-in-need-london.csv");
const FIXTURE_MAPPING = fixture("mapping.json");
const FILE = "children-in-need-london.csv";

/** The fixture has two boroughs; the file has all 33 of London. */
async function insertLondon(test: TestDatabase): Promise<void> {
  const present = new Set((await test.db.selectFrom("authorities").select("id").execute()).map((a) => a.id));
  const codes = Array.from({ length: 33 }, (_, i) => `E090000${String(i + 1).padStart(2, "0")}`).filter((c) => !present.has(c));
  await test.db.insertInto("authorities").values(codes.map((id) => ({ region_code: REGION, id, name: `Borough ${id}` }))).execute();
}

const counts = async (test: TestDatabase) => {
  const r = await sql<{ s: number; p: number; a: number; audit: number; version: number | null }>`
    select (select count(*)::int from benchmark_statistics) as s, (select count(*)::int from benchmark_populations) as p,
           (select count(*)::int from benchmark_area_statistics) as a, (select count(*)::int from audit_log) as audit,
           (select version from region_data_versions where region_code = ${REGION}) as version`.execute(test.db);
  return r.rows[0]!;
};

describe.each(backends())("importBenchmarks on %s", (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
    await insertLondon(test);
  });
  afterEach(async () => {
    await test?.close();
  });

  it("imports the DfE open-data file, keeps each symbol as its meaning, and a second run changes nothing", async () => {
    const first = await importBenchmarks(test.db, admin, { fileName: FILE, csv: FIXTURE_CSV, mapping: FIXTURE_MAPPING });
    expect(first).toMatchObject({ ok: true, value: { years: [2009, 2010, 2011], authorityFigures: 495, areaFigures: 30, changed: { statistics: 495, populations: 99, areaStatistics: 30 } } });
    const symbols = await test.db
      .selectFrom("benchmark_statistics")
      .select(["authority_id", "year", "measure", "value", "symbol", "suppressed"])
      .where("symbol", "is not", null)
      .where("authority_id", "<>", "E09000001")
      .orderBy("authority_id")
      .execute();
    expect(symbols).toEqual([
      { authority_id: "E09000005", year: 2010, measure: "RE_REFERRALS", value: null, symbol: "UNAVAILABLE", suppressed: false },
      { authority_id: "E09000009", year: 2011, measure: "CP_PLANS_AT_YEAR_END", value: null, symbol: "NOT_AVAILABLE", suppressed: false },
      { authority_id: "E09000017", year: 2010, measure: "SECOND_OR_SUBSEQUENT_PLANS", value: null, symbol: "LOW", suppressed: false },
      { authority_id: "E09000020", year: 2011, measure: "REFERRALS", value: null, symbol: "LOW_RELIABILITY", suppressed: false },
      { authority_id: "E09000030", year: 2009, measure: "SECOND_OR_SUBSEQUENT_PLANS", value: null, symbol: "NOT_APPLICABLE", suppressed: false },
    ]);
    const city = await test.db.selectFrom("benchmark_statistics").select(["value", "symbol", "suppressed"]).where("authority_id", "=", "E09000001").where("measure", "=", "RE_REFERRALS").where("year", "=", 2010).executeTakeFirstOrThrow();
    expect(city).toEqual({ value: null, symbol: "SUPPRESSED", suppressed: true });
    const england = await test.db.selectFrom("benchmark_area_statistics").select(["area_name", "value", "child_population", "source"]).where("level", "=", "NATIONAL").where("year", "=", 2010).where("measure", "=", "REFERRALS").executeTakeFirstOrThrow();
    expect(england).toEqual({ area_name: "England", value: 615_700, child_population: 11_040_000, source: FILE });
    const audit = await test.db.selectFrom("audit_log").select(["action", "entity", "entity_id"]).execute();
    expect(audit).toEqual([{ action: "importBenchmarks", entity: "benchmark_statistics", entity_id: FILE }]);

    const before = await counts(test);
    const second = await importBenchmarks(test.db, admin, { fileName: FILE, csv: FIXTURE_CSV, mapping: JSON.parse(FIXTURE_MAPPING) });
    expect(second).toMatchObject({ ok: true, value: { changed: { statistics: 0, populations: 0, areaStatistics: 0 } } });
    expect(await counts(test)).toEqual(before);
  });

  it.runIf(backend === "server")("two imports of the same file at once write each figure once", async () => {
    const both = await Promise.all([FILE, FILE].map(() => importBenchmarks(test.db, admin, { fileName: FILE, csv: FIXTURE_CSV, mapping: FIXTURE_MAPPING })));
    const changed = both.map((r) => (r.ok ? r.value.changed.statistics : -1));
    expect(changed.reduce((a, b) => a + b, 0)).toBe(495);
    expect(await counts(test)).toMatchObject({ s: 495, p: 99, a: 30 });
  });

  it("updates only the figures a corrected file changes", async () => {
    await importBenchmarks(test.db, admin, { fileName: FILE, csv: FIXTURE_CSV, mapping: FIXTURE_MAPPING });
    const corrected = FIXTURE_CSV.replace(/(201011,[^\n]*,E09000005,Brent,\d+,\d+),x,/, "$1,1234,");
    expect(corrected).not.toBe(FIXTURE_CSV);
    const result = await importBenchmarks(test.db, admin, { fileName: "corrected.csv", csv: corrected, mapping: FIXTURE_MAPPING });
    expect(result).toMatchObject({ ok: true, value: { changed: { statistics: 1, populations: 0, areaStatistics: 0 } } });
    const row = await test.db.selectFrom("benchmark_statistics").select(["value", "symbol", "source"]).where("authority_id", "=", "E09000005").where("measure", "=", "RE_REFERRALS").where("year", "=", 2010).executeTakeFirstOrThrow();
    expect(row).toEqual({ value: 1234, symbol: null, source: "corrected.csv" });
  });

  it("refuses an unknown authority and a bad value with file, row and column, and writes nothing", async () => {
    const lines = FIXTURE_CSV.split("\n");
    lines[5] = lines[5]!.replace("E09000002", "E09000099");
    lines[9] = lines[9]!.replace(/,(\d+)$/, ",1.5");
    const result = await importBenchmarks(test.db, admin, { fileName: FILE, csv: lines.join("\n"), mapping: FIXTURE_MAPPING });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "VALIDATION",
        field: "input.csv.rows[6].new_la_code",
        message: `${FILE}, row 6, column new_la_code: E09000099 is not an authority of the region`,
        issues: [{ field: "input.csv.rows[6].new_la_code" }, { field: "input.csv.rows[10].cpp_second_or_subsequent" }],
      },
    });
    expect(await counts(test)).toMatchObject({ s: 0, p: 0, a: 0, audit: 0 });
  });

  it("refuses a bad mapping naming the field, and any role but the region's administrator", async () => {
    expect(await importBenchmarks(test.db, admin, { fileName: FILE, csv: FIXTURE_CSV, mapping: "{" })).toMatchObject({ error: { field: "input.mapping" } });
    expect(await importBenchmarks(test.db, admin, { fileName: FILE, csv: FIXTURE_CSV, mapping: { measures: { referrals: "PIES" } } })).toMatchObject({
      error: { field: "input.mapping.measures.referrals" },
    });
    expect(await importBenchmarks(test.db, admin, { fileName: FILE, csv: FIXTURE_CSV, mapping: { measures: { nope: "REFERRALS" } } })).toMatchObject({
      error: { field: "input.mapping.measures.nope" },
    });
    expect(await importBenchmarks(test.db, admin, { fileName: "", csv: FIXTURE_CSV, mapping: FIXTURE_MAPPING })).toMatchObject({ error: { field: "input.fileName" } });
    for (const who of [adviser, funder])
      expect(await importBenchmarks(test.db, who, { fileName: FILE, csv: FIXTURE_CSV, mapping: FIXTURE_MAPPING })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await counts(test)).toMatchObject({ s: 0, audit: 0 });
  });

  it("shows imported symbols in the benchmark, never as zero and never ranked", async () => {
    await importBenchmarks(test.db, admin, { fileName: FILE, csv: FIXTURE_CSV, mapping: FIXTURE_MAPPING });
    const b = await benchmark(test.db, funder, { region: REGION, year: 2011, measure: "REFERRALS" });
    if (!b.ok) throw new Error(b.error.message);
    const kensington = b.value.rows.find((r) => r.authorityId === "E09000020")!;
    expect(kensington).toMatchObject({ symbol: "LOW_RELIABILITY", suppressed: false, rate: null, rank: null, outlier: null });
    expect(b.value.rows.filter((r) => r.rank !== null)).toHaveLength(32);
    expect(b.value.rows.find((r) => r.authorityId === "E09000012")!.outlier).toBe("HIGH");
  });
});
