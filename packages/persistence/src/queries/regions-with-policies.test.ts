import { westOfScotlandPolicy } from "@adviser-hub/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, insertMinimalRegion, insertWestOfScotland, MINIMAL, type TestDatabase, WEST } from "../test-support/index.js";
import { policyVersionsOfRegions, regionsByCodes, regionsWithPolicies } from "./regions.js";

// A region read with its policies must give what the two separate reads give: the same row,
// the same versions oldest first, the same data version (0 before any write of the region).

describe.each(backends())("regionsWithPolicies on %s", (backend) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await insertWestOfScotland(database.db);
    // A second version, stored before the first, and a region with no policy at all.
    await database.db
      .insertInto("region_policies")
      .values({ region_code: WEST.regionCode, from_year: 2015, policy: JSON.stringify({ ...westOfScotlandPolicy, name: "from 2015" }) })
      .execute();
    await insertMinimalRegion(database.db);
  });
  afterAll(() => database?.close());

  it("equals regionsByCodes and policyVersionsOfRegions, in the order asked", async () => {
    const codes = [MINIMAL.regionCode, "nowhere", WEST.regionCode];
    const together = await regionsWithPolicies(database.db, codes);
    const regions = await regionsByCodes(database.db, codes);
    expect(together.map((row) => (row ? { code: row.code, name: row.name } : undefined))).toEqual(regions);
    for (const [i, code] of codes.entries()) {
      if (regions[i] === undefined) continue;
      expect(together[i]!.policies, code).toEqual(await policyVersionsOfRegions(database.db, [code]));
    }
    expect(together[2]!.policies.map((p) => p.fromYear)).toEqual([2010, 2015]);
    expect(together[0]!.policies).toEqual([]);
  });

  it("carries the data version a write moved on", async () => {
    await database.db.updateTable("engagements").set({ title: "moved" }).where("region_code", "=", WEST.regionCode).execute();
    const [west] = await regionsWithPolicies(database.db, [WEST.regionCode]);
    const [version] = await policyVersionsOfRegions(database.db, [WEST.regionCode]);
    expect(west!.policies[0]!.dataVersion).toBe(version!.dataVersion);
    expect(version!.dataVersion).toBeGreaterThan(0);
  });

  it("sends held versions back as the same objects while the data version stands, and reads them anew after any write", async () => {
    const [first] = await regionsWithPolicies(database.db, [WEST.regionCode]);
    const held = new Map([[WEST.regionCode, first!.policies]]);
    const [again, other] = await regionsWithPolicies(database.db, [WEST.regionCode, MINIMAL.regionCode], held);
    expect(again!.policies).toBe(first!.policies);
    expect(other!.policies).toEqual(await policyVersionsOfRegions(database.db, [MINIMAL.regionCode]));

    await database.db
      .updateTable("region_policies")
      .set({ policy: JSON.stringify({ ...westOfScotlandPolicy, name: "renamed" }) })
      .where("region_code", "=", WEST.regionCode)
      .where("from_year", "=", 2015)
      .execute();
    const [changed] = await regionsWithPolicies(database.db, [WEST.regionCode], held);
    expect(changed!.policies).not.toBe(first!.policies);
    expect(changed!.policies).toEqual(await policyVersionsOfRegions(database.db, [WEST.regionCode]));
    expect((changed!.policies[1]!.policy as { name: string }).name).toBe("renamed");
    expect(changed!.policies[0]!.dataVersion).toBeGreaterThan(first!.policies[0]!.dataVersion);
  });
});
