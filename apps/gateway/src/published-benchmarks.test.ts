import { readFileSync } from "node:fs";
import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, type JsonData, StatementCounter, tokenFor } from "./testing/harness.js";
import { createGateway, type Gateway } from "./yoga.js";

// Published statistics through the gateway: the import mutation (as text and as a multipart
// upload), the comparison and the themes across boroughs, on the seeded London pilot.

const fixture = (name: string) => readFileSync(new URL(`../../../packages/service/src/benchmarks-fixture/${name}`, import.meta.url), "utf8");
const CSV = fixture("children-in-need-london.csv");
const MAPPING = fixture("mapping.json");
const operations = (name: string) => readFileSync(new URL(`../operations/${name}`, import.meta.url), "utf8");
const SOUTHWARK = "E09000028";
const IMPORT = `mutation($input: ImportBenchmarksInput!) { importBenchmarks(input: $input) {
  __typename
  ... on ImportBenchmarksPayload { fileName years authorityFigures areaFigures changedFigures changedPopulations changedAreaFigures }
  ... on ValidationError { field message issues { field message } }
  ... on Error { code }
} }`;

describe.each(backends())("published benchmarks through the gateway on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  const counter = new StatementCounter();
  let admin: string;
  let funder: string;

  const run = async (query: string, variables: Record<string, unknown>, token: string) => {
    counter.reset();
    const response = await execute<JsonData>(gateway, query, { variables, token });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data as JsonData;
  };

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await seedLondonPilot(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" }, reportCache: false });
    admin = await tokenFor({ role: "REGION_ADMIN", region: "london" });
    funder = await tokenFor({ role: "FUNDER", region: "london", funder: "fnd-dfe" });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("refuses a file naming file, row and column, writing nothing", async () => {
    const bad = CSV.replace(",E09000028,Southwark,", ",E09000099,Nowhere,");
    const data = await run(IMPORT, { input: { fileName: "cin.csv", csv: bad, mapping: MAPPING } }, admin);
    expect(data.importBenchmarks).toMatchObject({ __typename: "ValidationError", code: "VALIDATION", field: expect.stringMatching(/^input\.csv\.rows\[\d+\]\.new_la_code$/) });
    expect(data.importBenchmarks.message).toMatch(/^cin\.csv, row \d+, column new_la_code: E09000099 is not an authority of the region$/);
    const rows = await database.db.selectFrom("benchmark_area_statistics").select("area_code").execute();
    expect(rows).toEqual([]);
    const both = await run(IMPORT, { input: { fileName: "cin.csv", mapping: MAPPING } }, admin);
    expect(both.importBenchmarks).toMatchObject({ __typename: "ValidationError", field: "input.csv" });
  });

  it("imports as a multipart upload, then the same file as text changes nothing", async () => {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: IMPORT, variables: { input: { fileName: "cin.csv", file: null, mapping: MAPPING } } }));
    form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
    form.set("0", new File([CSV], "cin.csv", { type: "text/csv" }));
    const response = await gateway.fetch("http://gateway.test/graphql", { method: "POST", headers: { authorization: `Bearer ${admin}` }, body: form });
    const uploaded = (await response.json()) as JsonData;
    expect(uploaded.errors).toBeUndefined();
    expect(uploaded.data.importBenchmarks).toEqual({
      __typename: "ImportBenchmarksPayload",
      fileName: "cin.csv",
      years: [2009, 2010, 2011],
      authorityFigures: 495,
      areaFigures: 30,
      // The seed's synthetic 2009 and 2010 figures are replaced where they differ.
      changedFigures: expect.any(Number),
      changedPopulations: expect.any(Number),
      changedAreaFigures: 30,
    });
    const again = await run(IMPORT, { input: { fileName: "cin.csv", csv: CSV, mapping: MAPPING } }, admin);
    expect(again.importBenchmarks).toMatchObject({ changedFigures: 0, changedPopulations: 0, changedAreaFigures: 0 });
  });

  it("compares an authority with region, England and neighbours in six statements", async () => {
    const data = await run(operations("benchmark-comparison.graphql"), { region: "london", authority: SOUTHWARK, measure: "REFERRALS", fromYear: 2009, toYear: 2011 }, funder);
    // The funder's right to the region, the authority, its figures over the years, its
    // neighbours, the comparators, then every authority's row in one batch.
    expect(counter.count).toBe(6);
    const c = data.benchmarkComparison;
    expect(c.authority.code).toBe(SOUTHWARK);
    expect(c.neighbours).toHaveLength(10);
    expect(c.years.map((y: JsonData) => y.year)).toEqual([2009, 2010, 2011]);
    // England 2009: 603,700 over 11,000,000 children = 548.8181... per 10,000.
    expect(c.years[0].englandRate).toBe("548.82");
    for (const y of c.years) {
      expect(y.ranked).toBeGreaterThan(30);
      expect([1, 2, 3, 4]).toContain(y.quartileBand);
      expect(y.row.rank).toBeGreaterThan(0);
    }
    const kensington = await run(operations("benchmark-comparison.graphql"), { region: "london", authority: "E09000020", measure: "REFERRALS", fromYear: 2011, toYear: 2011 }, funder);
    expect(kensington.benchmarkComparison.years[0].row).toMatchObject({ value: null, rate: null, rank: null, symbol: "LOW_RELIABILITY", suppressed: false });
  });

  it("themes across the boroughs, with their outliers, in five statements; a funder reads the aggregate", async () => {
    const data = await run(operations("common-themes.graphql"), { region: "london", year: 2010, minAuthorities: 3 }, funder);
    // The funder's right, theme sums, the year's figures, the policy for days, the authorities' rows.
    expect(counter.count).toBe(5);
    const themes = data.commonThemes.themes as JsonData[];
    expect(themes.length).toBeGreaterThan(0);
    for (let i = 1; i < themes.length; i++) expect(themes[i].authorityCount).toBeLessThanOrEqual(themes[i - 1].authorityCount);
    for (const t of themes) expect(t.common).toBe(t.authorityCount >= 3);
    // The sum of days over a theme's rows is what the stored deliveries hold.
    const first = themes[0];
    const stored = await database.db
      .selectFrom("deliveries as d")
      .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
      .select((eb) => eb.fn.sum<number>("d.units").as("units"))
      .where("d.financial_year", "=", 2010)
      .where("d.removed_at", "is", null)
      .where((eb) => eb(eb.val(first.theme), "=", eb.fn.any("e.themes")))
      .executeTakeFirstOrThrow();
    expect(Number(first.daysDelivered) * 2).toBe(Number(stored.units));
    // Hackney's referrals are far above the other boroughs' in the file: wherever it appears, it is an outlier.
    const withHackney = themes.filter((t) => t.authorities.some((a: JsonData) => a.code === "E09000012"));
    expect(withHackney.length).toBeGreaterThan(0);
    for (const t of withHackney) expect(t.outliers).toContainEqual({ measure: "REFERRALS", outlier: "HIGH", authority: { code: "E09000012", name: "Hackney" } });
  });
});
