import { westOfScotlandPolicy } from "@adviser-hub/domain";
import { backends, createTestDatabase, insertWestOfScotland, type TestDatabase, WEST } from "@adviser-hub/persistence/testing";
import { policyVersionsOfRegions, regionsWithPolicies } from "@adviser-hub/persistence";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPolicySource } from "./policy-source.js";

// The synchronous answer is the asynchronous one, only earlier: nothing before the versions
// are read, the same policy after, from a region row read ahead without a statement of its own,
// and a policy a write remembered before either.

describe.each(backends())("policy source on %s", (backend) => {
  let database: TestDatabase;
  let statements = 0;

  beforeAll(async () => {
    database = await createTestDatabase(backend, {
      log: (event) => {
        if (event.level === "query") statements += 1;
      },
    });
    await insertWestOfScotland(database.db);
    await database.db
      .insertInto("region_policies")
      .values({ region_code: WEST.regionCode, from_year: 2015, policy: JSON.stringify({ ...westOfScotlandPolicy, unitsPerDay: 2 }) })
      .execute();
  });
  afterAll(() => database?.close());

  it("knows the latest policy synchronously once its versions are read, and not before", async () => {
    const source = createPolicySource(database.db);
    expect(source.latestPolicyIfRead(WEST.regionCode)).toBeUndefined();
    const latest = await source.latestPolicy(WEST.regionCode);
    expect(latest.unitsPerDay).toBe(2);
    expect(source.latestPolicyIfRead(WEST.regionCode)).toBe(latest);
    expect(source.latestPolicyIfRead("nowhere")).toBeUndefined();
  });

  it("takes versions read with the region row, sending no statement for them", async () => {
    const source = createPolicySource(database.db);
    const [west] = await regionsWithPolicies(database.db, [WEST.regionCode]);
    statements = 0;
    source.knowVersions(WEST.regionCode, west!.policies);
    expect(source.latestPolicyIfRead(WEST.regionCode)?.unitsPerDay).toBe(2);
    expect((await source.policyFor(WEST.regionCode, 2012)).unitsPerDay).toBe(westOfScotlandPolicy.unitsPerDay);
    const [version] = await policyVersionsOfRegions(database.db, [WEST.regionCode]);
    statements -= 1;
    expect(await source.dataVersion(WEST.regionCode)).toBe(version!.dataVersion);
    expect(statements).toBe(0);
  });

  it("answers a policy a write remembered before any read", async () => {
    const source = createPolicySource(database.db);
    const remembered = { ...westOfScotlandPolicy, unitsPerDay: 4 };
    source.rememberLatest(WEST.regionCode, remembered);
    expect(source.latestPolicyIfRead(WEST.regionCode)).toBe(remembered);
    expect(await source.latestPolicy(WEST.regionCode)).toBe(remembered);
  });
});
