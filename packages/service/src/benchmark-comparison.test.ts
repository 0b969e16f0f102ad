import { readFileSync } from "node:fs";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarkComparison } from "./benchmark-comparison.js";
import { commonThemes } from "./common-themes.js";
import { importBenchmarks } from "./import-benchmarks.js";
import { recordDelivery } from "./record-delivery.js";
import { ENG_COUNCIL, ENG_HOST, ENG_LSCB, KENSINGTON, REGION, SOUTHWARK, admin, adviser, clockAt, funder, insertFixture, southwark } from "./test-support/fixture.js";

const fixture = (name: string) => readFileSync(new URL(`./benchmarks-fixture/${name}`, import.meta.url), "utf8");

describe.each(backends())("benchmark comparison and common themes on %s", (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
    const present = new Set([SOUTHWARK, KENSINGTON]);
    const codes = Array.from({ length: 33 }, (_, i) => `E090000${String(i + 1).padStart(2, "0")}`).filter((c) => !present.has(c));
    await test.db.insertInto("authorities").values(codes.map((id) => ({ region_code: REGION, id, name: `Borough ${id}` }))).execute();
    const imported = await importBenchmarks(test.db, admin, { fileName: "cin.csv", csv: fixture("children-in-need-london.csv"), mapping: fixture("mapping.json") });
    if (!imported.ok) throw new Error(imported.error.message);
    await test.db
      .insertInto("statistical_neighbours")
      .values(["E09000022", "E09000012", "E09000001"].map((neighbour_id, i) => ({ region_code: REGION, authority_id: SOUTHWARK, neighbour_id, rank: i + 1 })))
      .execute();
  });
  afterAll(async () => {
    await test?.close();
  });

  it("compares an authority with the region, England and its neighbours over the years", async () => {
    const result = await benchmarkComparison(test.db, funder, { region: REGION, authority: SOUTHWARK, measure: "REFERRALS", fromYear: 2009, toYear: 2011 });
    if (!result.ok) throw new Error(result.error.message);
    const c = result.value;
    expect(c.neighbourIds).toEqual(["E09000022", "E09000012", "E09000001"]);
    expect(c.years.map((y) => y.year)).toEqual([2009, 2010, 2011]);
    // England 2010: 615,700 referrals over 11,040,000 children = 557.699... per 10,000 -> 557.70
    expect(c.years[1]!.englandRateScaled).toBe(55_770);
    for (const y of c.years) {
      expect(y.row?.rank).toBeGreaterThan(0);
      expect(y.quartileBand).toBeGreaterThanOrEqual(1);
      expect(y.regionRateScaled).not.toBeNull();
      expect(y.rankAmongNeighbours).toBeGreaterThan(0);
    }
    expect(c.years.map((y) => y.trend)).toEqual([null, "UP", "UP"]);
    expect(c.trend).toBe("UP");
    // Kensington's 2011 referrals were published as 'u': no rate, no rank, no band, no trend point.
    const k = await benchmarkComparison(test.db, funder, { region: REGION, authority: KENSINGTON, measure: "REFERRALS", fromYear: 2009, toYear: 2011 });
    expect(k.ok && k.value.years[2]).toMatchObject({ row: { symbol: "LOW_RELIABILITY", rank: null }, quartileBand: null, trend: null });
  });

  it("refuses bad arguments naming the field, an unknown authority, and another region", async () => {
    const args = { region: REGION, authority: SOUTHWARK, measure: "REFERRALS" as const, fromYear: 2009, toYear: 2011 };
    expect(await benchmarkComparison(test.db, funder, { ...args, toYear: 2008 })).toMatchObject({ error: { field: "toYear" } });
    expect(await benchmarkComparison(test.db, funder, { ...args, fromYear: 1800 })).toMatchObject({ error: { field: "fromYear" } });
    expect(await benchmarkComparison(test.db, funder, { ...args, authority: "E09000099" })).toMatchObject({ error: { code: "NOT_FOUND", field: "authority" } });
    expect(await benchmarkComparison(test.db, { ...funder, regionCode: "elsewhere" }, args)).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("sums themes across authorities from stored deliveries and marks those in at least N authorities", async () => {
    // The council's engagement runs on into 2011-12, whose delivery is not counted in 2010.
    await test.db.updateTable("engagements").set({ themes: ["neglect", "court delay"], ends_on: "2012-03-31" }).where("id", "=", ENG_COUNCIL).execute();
    await test.db.updateTable("engagements").set({ themes: ["neglect"] }).where("id", "in", [ENG_HOST, ENG_LSCB]).execute();
    for (const [engagementId, date, days] of [[ENG_COUNCIL, "2010-05-03", "3"], [ENG_COUNCIL, "2010-06-10", "1.5"], [ENG_HOST, "2010-05-04", "2"], [ENG_LSCB, "2010-05-05", "1"], [ENG_COUNCIL, "2011-05-03", "1"]] as const) {
      const r = await recordDelivery(test.db, adviser, { engagementId, adviserId: "adv-1", date, days }, clockAt(`${date}T17:00:00Z`));
      if (!r.ok) throw new Error(r.error.message);
    }
    const result = await commonThemes(test.db, funder, { region: REGION, year: 2010, minAuthorities: 2 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.themes.map((t) => [t.theme, t.engagements, t.deliveredUnits, t.authorityIds, t.common])).toEqual([
      ["neglect", 3, 15, [KENSINGTON, SOUTHWARK], true],
      ["court delay", 1, 9, [SOUTHWARK], false],
    ]);
    // Southwark is not an outlier on any 2010 measure of the fixture file; Hackney is, but has no engagement.
    expect(result.value.themes.flatMap((t) => t.outliers).filter((o) => o.authorityId === "E09000012")).toEqual([]);
    expect(await commonThemes(test.db, southwark, { region: REGION, year: 2010, minAuthorities: 0 })).toMatchObject({ error: { field: "minAuthorities" } });
  });
});
