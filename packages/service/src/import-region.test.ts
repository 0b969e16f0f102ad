import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ALL_REGIONS } from "@adviser-hub/domain";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandActor } from "./actor.js";
import { type ImportRegionInput, importRegion } from "./import-region.js";
import { insertFixture } from "./test-support/fixture.js";

const folder = fileURLToPath(new URL("../../../examples/regions/north-east/", import.meta.url));
const northEast = (): Record<string, string> =>
  Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith(".csv") || f === "policy.json").map((f) => [f, readFileSync(folder + f, "utf8")]));

const operator: CommandActor = { role: "SERVICE_ADMIN", regionCode: ALL_REGIONS, userId: "service-admin:operator" };
const neAdmin: CommandActor = { role: "REGION_ADMIN", regionCode: "north-east", userId: "region-admin:north-east" };
const londonAdmin: CommandActor = { role: "REGION_ADMIN", regionCode: "london", userId: "region-admin:london" };

const FIRST_RUN = {
  "policy.json": 1,
  "authorities.csv": 12,
  "organisations.csv": 15,
  "rates.csv": 2,
  "advisers.csv": 2,
  "leave.csv": 3,
  "host-arrangements.csv": 3,
  "funders.csv": 2,
  "contributions.csv": 4,
  "neighbours.csv": 12,
};

describe.each(backends())("importRegion on %s", (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend);
  });
  afterEach(async () => {
    await test?.close();
  });

  const run = (actor: CommandActor, input: Partial<ImportRegionInput> = {}) => importRegion(test.db, actor, { files: northEast(), ...input });
  const count = async (table: "audit_log" | "regions" | "authorities" | "organisations" | "advisers" | "adviser_leave" | "statistical_neighbours") =>
    Number((await test.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).where("region_code", "=", "north-east").executeTakeFirstOrThrow()).n);

  it("opens the North East from its folder, then a second run changes nothing and writes no audit row", async () => {
    const first = await run(operator);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(Object.fromEntries(first.value.files.map((f) => [f.file, f.created]))).toEqual(FIRST_RUN);
    expect(first.value.files.every((f) => f.updated === 0 && f.unchanged === 0)).toBe(true);
    expect(first.value.changes).toBe(56);
    // One audit row per change: the region with its policy, and each saved row.
    expect(await count("audit_log")).toBe(56);
    expect([await count("authorities"), await count("organisations"), await count("advisers"), await count("statistical_neighbours")]).toEqual([12, 15, 2, 36]);
    // A week of leave is its five working days; 29-31 December is three; half a day is one row.
    expect(await count("adviser_leave")).toBe(9);

    const second = await run(operator);
    expect(second.ok && second.value.changes).toBe(0);
    expect(second.ok && Object.fromEntries(second.value.files.map((f) => [f.file, f.unchanged]))).toEqual(FIRST_RUN);
    expect(await count("audit_log")).toBe(56);
  });

  it("a dry run counts the same changes and writes nothing", async () => {
    const dry = await run(operator, { dryRun: true });
    expect(dry.ok && dry.value).toMatchObject({ region: "north-east", dryRun: true, changes: 56 });
    expect([await count("regions"), await count("authorities"), await count("audit_log")]).toEqual([0, 0, 0]);
  });

  it("refuses the whole import with every bad row by file, row and column, writing nothing", async () => {
    const files = northEast();
    files["advisers.csv"] = files["advisers.csv"]!.replace("adv-ne-2,Graham Robson,0.8", "adv-ne-2,Graham Robson,1.4");
    files["contributions.csv"] = files["contributions.csv"]!.replace("fnd-ne-dfe,2015,8000000", "fnd-ne-dfe,20x5,-3");
    files["organisations.csv"] += "org-x,Nowhere,COUNCIL,E06999999\norg-E06000001-council,Twice,COUNCIL,E06000001\n";
    // Concurrent salary shares above 1: refused by the save, a row among the others.
    files["host-arrangements.csv"] += "host-ne-1-extra,adv-ne-1,E08000022,2014-06-01,,0.5,0.5\n";
    files["neighbours.csv"] += "E06000001,E06000005,3\n";
    const result = await importRegion(test.db, operator, { files });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== "IMPORT_REJECTED") throw new Error("expected IMPORT_REJECTED");
    expect(result.error.issues).toEqual([
      { file: "organisations.csv", row: 18, column: null, message: "repeats the key of row 2 (org-E06000001-council)" },
      { file: "organisations.csv", row: 17, column: "home_authority_id", message: expect.stringContaining("E06999999") },
      { file: "advisers.csv", row: 3, column: "fte", message: "must be above 0 and at most 1" },
      // What refers to a refused row is refused in turn, each by its own row.
      { file: "leave.csv", row: 3, column: "adviser_id", message: "adviser adv-ne-2 not found" },
      { file: "leave.csv", row: 4, column: "adviser_id", message: "adviser adv-ne-2 not found" },
      { file: "host-arrangements.csv", row: 3, column: "adviser_id", message: "adviser adv-ne-2 not found" },
      { file: "host-arrangements.csv", row: 4, column: "adviser_id", message: "adviser adv-ne-2 not found" },
      { file: "host-arrangements.csv", row: 5, column: "salary_share", message: expect.stringContaining("may not exceed 10000") },
      { file: "contributions.csv", row: 5, column: "year", message: "must be a whole number" },
      { file: "contributions.csv", row: 5, column: "amount_pence", message: expect.stringContaining("between 0") },
      { file: "neighbours.csv", row: 38, column: "rank", message: expect.stringContaining("repeats rank 3 of row 4") },
    ]);
    expect([await count("regions"), await count("authorities"), await count("audit_log")]).toEqual([0, 0, 0]);
  });

  it("names unknown files, missing and unknown columns, and a policy field by its path", async () => {
    const files = northEast();
    files["advisors.csv"] = "id\n";
    files["funders.csv"] = "id,title\nfnd-1,A funder\n";
    const policy = JSON.parse(files["policy.json"]!) as Record<string, unknown>;
    files["policy.json"] = JSON.stringify({ ...policy, unitsPerDay: 3 });
    const bad = await importRegion(test.db, operator, { files });
    expect(!bad.ok && bad.error.code === "IMPORT_REJECTED" && bad.error.issues).toEqual([
      { file: "advisors.csv", row: null, column: null, message: expect.stringContaining("is not an import file") },
      { file: "funders.csv", row: 1, column: "title", message: expect.stringContaining("is not a column of funders.csv") },
      { file: "funders.csv", row: 1, column: "name", message: "is a required column" },
    ]);
    delete files["advisors.csv"];
    files["funders.csv"] = "id,name\n";
    const policyBad = await importRegion(test.db, operator, { files });
    expect(!policyBad.ok && policyBad.error.code === "IMPORT_REJECTED" && policyBad.error.issues).toEqual([
      { file: "policy.json", row: null, column: "unitsPerDay", message: expect.stringContaining("must divide 1000") },
    ]);
    expect(await count("regions")).toBe(0);
  });

  it("lets a region's admin change its own region row by row, never open one or touch another", async () => {
    const opening = await run(neAdmin);
    expect(!opening.ok && opening.error.code === "IMPORT_REJECTED" && opening.error.issues[0]).toMatchObject({ file: "policy.json", column: "code" });
    await insertFixture(test.db);
    const other = await run(londonAdmin);
    expect(!other.ok && other.error).toMatchObject({ code: "FORBIDDEN" });
    expect((await run(operator)).ok).toBe(true);

    const files = northEast();
    files["advisers.csv"] = files["advisers.csv"]!.replace("adv-ne-2,Graham Robson,0.8", "adv-ne-2,Graham Robson,0.6");
    const changed = await importRegion(test.db, neAdmin, { files });
    expect(changed.ok && changed.value.changes).toBe(1);
    expect(changed.ok && changed.value.files.find((f) => f.file === "advisers.csv")).toEqual({ file: "advisers.csv", created: 0, updated: 1, unchanged: 1 });
    const audit = await test.db.selectFrom("audit_log").select(["actor", "action", "entity_id"]).where("region_code", "=", "north-east").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor: "region-admin:north-east", action: "saveAdviser", entity_id: "adv-ne-2" });
    // London's rows are untouched by the North East's import.
    const london = await test.db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).where("region_code", "=", "london").executeTakeFirstOrThrow();
    expect(Number(london.n)).toBe(0);
  });
});

describe("importRegion's progress", () => {
  it("reports every 500 rows of a file and at its end", async () => {
    const test = await createTestDatabase(backends()[0]!);
    try {
      const files = northEast();
      const funders = files["funders.csv"] + Array.from({ length: 1198 }, (_, i) => `fnd-${i},Funder ${i}\n`).join("");
      const seen: [string, number, number][] = [];
      const result = await importRegion(test.db, operator, {
        files: { ...files, "funders.csv": funders },
        dryRun: true,
        onProgress: (file, done, total) => {
          if (file === "funders.csv") seen.push([file, done, total]);
        },
      });
      expect(result.ok && result.value.changes, JSON.stringify(result)).toBe(56 + 1198);
      expect(seen).toEqual([
        ["funders.csv", 500, 1200],
        ["funders.csv", 1000, 1200],
        ["funders.csv", 1200, 1200],
      ]);
    } finally {
      await test.close();
    }
  }, 120_000);
});

describe.skipIf(!process.env.DATABASE_URL)("importRegion under concurrency on the server", () => {
  it("two imports of the same new region at once leave exactly one import's rows and audit", async () => {
    const test = await createTestDatabase("server", { maxConnections: 4 });
    try {
      const [a, b] = await Promise.all([importRegion(test.db, operator, { files: northEast() }), importRegion(test.db, operator, { files: northEast() })]);
      const outcomes = [a, b].map((r) => (r.ok ? `changes ${r.value.changes}` : r.error.code)).sort();
      // The later one either waited on the region's key and was refused, or ran after and found everything stored.
      expect([["IMPORT_REJECTED", "changes 56"], ["changes 0", "changes 56"]]).toContainEqual(outcomes);
      const audit = await test.db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).where("region_code", "=", "north-east").executeTakeFirstOrThrow();
      expect(Number(audit.n)).toBe(56);
      const again = await importRegion(test.db, operator, { files: northEast() });
      expect(again.ok && again.value.changes).toBe(0);
    } finally {
      await test.close();
    }
  }, 120_000);
});
