import { createHash } from "node:crypto";
import { parseRegionPolicy } from "@adviser-hub/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchDatabaseName, recreateDatabase, serverUrl, withAdmin } from "../db/bench-database.js";
import { generateDataset } from "./dataset.js";
import { loadInto, migrate } from "./load-dataset.js";
import { type DatasetSpec, NATIONAL } from "./spec.js";

const tiny: DatasetSpec = { ...NATIONAL, name: "tiny", deliveries: 1_500, firstYear: 2017, years: 3, today: "2020-01-06" };

function digest(spec: DatasetSpec): { hash: string; counts: Map<string, number> } {
  const hash = createHash("sha256");
  const counts = new Map<string, number>();
  for (const chunk of generateDataset(spec)) {
    for (const [table, row] of chunk) {
      hash.update(table.name).update(JSON.stringify(row));
      counts.set(table.name, (counts.get(table.name) ?? 0) + 1);
    }
  }
  return { hash: hash.digest("hex"), counts };
}

describe("generateDataset", () => {
  it("gives the same rows for the same seed, and other rows for another seed", () => {
    const first = digest(tiny);
    expect(digest(tiny).hash).toBe(first.hash);
    expect(digest({ ...tiny, seed: "another seed" }).hash).not.toBe(first.hash);
  });

  it("has the national shape at any size: 9 regions, 150 authorities, 40 advisers", () => {
    const { counts } = digest(tiny);
    expect(counts.get("regions")).toBe(9);
    expect(counts.get("authorities")).toBe(150);
    expect(counts.get("advisers")).toBe(40);
    const deliveries = counts.get("deliveries") ?? 0;
    expect(deliveries).toBeGreaterThan(tiny.deliveries * 0.8);
    expect(deliveries).toBeLessThan(tiny.deliveries * 1.3);
    for (const table of ["bookings", "statements", "statement_lines", "outcomes", "outcome_measurements"]) {
      expect(counts.get(table) ?? 0, table).toBeGreaterThan(0);
    }
  });

  it("writes region policies the domain accepts", () => {
    for (const chunk of generateDataset(tiny)) {
      for (const [table, row] of chunk) {
        if (table.name !== "region_policies") continue;
        const parsed = parseRegionPolicy(row[2]);
        expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
      }
    }
  });
});

const serverReachable = await (async () => {
  try {
    await withAdmin(async (client) => client.query("select 1"));
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(serverReachable)("loading into PostgreSQL", () => {
  const live = benchDatabaseName(`test_live_${process.pid}`);
  const bulk = benchDatabaseName(`test_bulk_${process.pid}`);

  beforeAll(async () => {
    for (const database of [live, bulk]) {
      await recreateDatabase(database);
      await migrate(serverUrl(database));
    }
  });

  afterAll(async () => {
    await withAdmin(async (client) => {
      for (const database of [live, bulk]) await client.query(`drop database if exists "${database}" with (force)`);
    });
  });

  async function query<T extends pg.QueryResultRow>(database: string, sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: serverUrl(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it("loads with every constraint live from the start, parents first", async () => {
    const result = await loadInto(serverUrl(live), tiny, { label: "tiny" });
    const expected = digest(tiny).counts;
    expect(result.counts).toEqual(expected);
    const [row] = await query<{ n: string }>(live, "select count(*) as n from deliveries");
    expect(Number(row!.n)).toBe(expected.get("deliveries"));
  });

  it("loads in bulk and then re-adds every foreign key, which checks every row", async () => {
    const result = await loadInto(serverUrl(bulk), tiny, { label: "tiny", bulk: true });
    expect(result.rows).toBe([...digest(tiny).counts.values()].reduce((a, b) => a + b, 0));
    const [fks] = await query<{ n: string }>(bulk, "select count(*) as n from pg_constraint where contype = 'f' and convalidated");
    const [expectedFks] = await query<{ n: string }>(live, "select count(*) as n from pg_constraint where contype = 'f'");
    expect(Number(fks!.n)).toBe(Number(expectedFks!.n));
    const indexes = await query<{ indexname: string }>(bulk, "select indexname from pg_indexes where schemaname = 'public' order by 1");
    const expectedIndexes = await query<{ indexname: string }>(live, "select indexname from pg_indexes where schemaname = 'public' order by 1");
    expect(indexes).toEqual(expectedIndexes);
  });

  it("bills what it recorded: each statement's total is the sum of its lines, lines split free and charged", async () => {
    const mismatched = await query<{ id: string }>(
      live,
      `select s.id from statements s
         join statement_lines l on l.region_code = s.region_code and l.statement_id = s.id
        group by s.region_code, s.id, s.total_pence
       having s.total_pence <> sum(l.amount_pence)`,
    );
    expect(mismatched).toEqual([]);
    // A holder never gets more free units in a year than its allowance (10 days = 20 units).
    const over = await query<{ holder: string }>(
      live,
      `select coalesce(o.home_authority_id, o.id) as holder, d.financial_year, sum(l.free_units) as free
         from statement_lines l
         join deliveries d on d.region_code = l.region_code and d.id = l.delivery_id
         join organisations o on o.region_code = d.region_code
          and o.id = (select organisation_id from engagements e where e.region_code = d.region_code and e.id = d.engagement_id)
        group by 1, 2 having sum(l.free_units) > 20`,
    );
    expect(over).toEqual([]);
    // Every delivery carries the domain's allocation, and statements bill exactly that.
    const [unallocated] = await query<{ n: string }>(live, "select count(*) as n from deliveries where holder_id is null");
    expect(Number(unallocated!.n)).toBe(0);
    const billedOtherwise = await query<{ id: string }>(
      live,
      `select l.delivery_id as id from statement_lines l
         join deliveries d on d.region_code = l.region_code and d.id = l.delivery_id
        where l.free_units <> d.free_units or l.charged_units <> d.chargeable_units or l.amount_pence <> d.charge_pence`,
    );
    expect(billedOtherwise).toEqual([]);
  });
});
