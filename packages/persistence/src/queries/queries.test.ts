import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, insertMinimalRegion, MINIMAL, type TestDatabase } from "../test-support/index.js";
import { advisersByIds, advisersOfRegion } from "./advisers.js";
import { authoritiesByIds, pageAuthorities } from "./authorities.js";
import { deliveriesOfEngagements, totalsOfEngagements } from "./engagement-work.js";
import { engagementsByIds, pageEngagements } from "./engagements.js";
import { findQuotaHolder, quotaHolderYear } from "./quota-deliveries.js";

// Two regions with the same row ids: every read names its region and sees only that one.

describe.each(backends())("read queries on %s", (backend) => {
  let database: TestDatabase;
  const other = "other";

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    const db = database.db;
    await insertMinimalRegion(db);
    await db.insertInto("regions").values({ region_code: other, name: "Other region" }).execute();
    await db.insertInto("authorities").values({ region_code: other, id: MINIMAL.authorityId, name: "Elsewhere" }).execute();
    await db
      .insertInto("organisations")
      .values({ region_code: other, id: MINIMAL.organisationId, name: "Elsewhere council", kind: "COUNCIL", home_authority_id: MINIMAL.authorityId })
      .execute();
    await db.insertInto("advisers").values({ region_code: other, id: MINIMAL.adviserId, name: "Someone else", fte_bp: 5000, employed_from: "2010-04-01" }).execute();
    for (const [region, title] of [
      [MINIMAL.regionCode, "Ours"],
      [other, "Theirs"],
    ] as const) {
      if (region === other)
        await db
          .insertInto("engagements")
          .values({
            region_code: region,
            id: MINIMAL.engagementId,
            organisation_id: MINIMAL.organisationId,
            strand: "PROJECT_SUPPORT",
            title,
            themes: ["elsewhere"],
            lead_adviser_id: MINIMAL.adviserId,
            estimate_units: 4,
            status: "ACCEPTED",
            requested_at: new Date("2010-05-01T09:00:00Z"),
          })
          .execute();
      await db
        .insertInto("deliveries")
        .values({
          region_code: region,
          id: "dlv-1",
          adviser_id: MINIMAL.adviserId,
          engagement_id: MINIMAL.engagementId,
          delivered_on: "2010-06-01",
          units: region === other ? 7 : 3,
          financial_year: 2010,
          // Written directly, so with the allocation a delivery command would have stored.
          holder_id: MINIMAL.authorityId,
          quota_units: region === other ? 7 : 3,
          free_units: region === other ? 7 : 3,
          chargeable_units: 0,
          day_rate_pence: 0,
          charge_pence: 0,
        })
        .execute();
    }
  });
  afterAll(() => database?.close());

  it("reads by id only within the region asked", async () => {
    const db = database.db;
    expect((await authoritiesByIds(db, MINIMAL.regionCode, [MINIMAL.authorityId]))[0]?.name).toBe("Kensington and Chelsea");
    expect((await authoritiesByIds(db, other, [MINIMAL.authorityId]))[0]?.name).toBe("Elsewhere");
    expect((await advisersByIds(db, MINIMAL.regionCode, [MINIMAL.adviserId, "adv-missing"])).map((a) => a?.name)).toEqual(["Adviser One", undefined]);
    expect((await advisersOfRegion(db, other)).map((a) => a.fte_bp)).toEqual([5000]);
    expect((await engagementsByIds(db, other, [MINIMAL.engagementId]))[0]).toMatchObject({ title: "Theirs", home_authority_id: MINIMAL.authorityId });
    expect((await deliveriesOfEngagements(db, MINIMAL.regionCode, [MINIMAL.engagementId]))[0]?.map((d) => d.units)).toEqual([3]);
    expect(await totalsOfEngagements(db, other, [MINIMAL.engagementId, "eng-none"])).toEqual([
      { deliveredUnits: 7, deliveryCount: 1, firstDeliveredOn: "2010-06-01", lastDeliveredOn: "2010-06-01" },
      { deliveredUnits: 0, deliveryCount: 0, firstDeliveredOn: null, lastDeliveredOn: null },
    ]);
    expect((await quotaHolderYear(db, other, 2010, MINIMAL.authorityId)).lines.map((d) => d.units)).toEqual([7]);
    expect(await findQuotaHolder(db, MINIMAL.regionCode, MINIMAL.organisationId)).toMatchObject({ kind: "ORGANISATION", homeAuthorityId: MINIMAL.authorityId });
    expect(await findQuotaHolder(db, MINIMAL.regionCode, "nobody")).toBeNull();
  });

  it("pages by id with the filter's total, even past the last row", async () => {
    const db = database.db;
    const first = await pageAuthorities(db, MINIMAL.regionCode, { first: 1 });
    expect(first).toMatchObject({ totalCount: 1, hasNextPage: false });
    expect(first.rows.map((r) => r.id)).toEqual([MINIMAL.authorityId]);
    const past = await pageAuthorities(db, MINIMAL.regionCode, { first: 5, after: MINIMAL.authorityId });
    expect(past).toEqual({ rows: [], hasNextPage: false, totalCount: 1 });
    const filtered = await pageEngagements(db, other, { theme: "elsewhere", strands: ["PROJECT_SUPPORT"] }, { first: 10 });
    expect(filtered.totalCount).toBe(1);
    expect((await pageEngagements(db, MINIMAL.regionCode, { theme: "elsewhere" }, { first: 10 })).totalCount).toBe(0);
    expect((await pageEngagements(db, MINIMAL.regionCode, { authorityId: MINIMAL.authorityId }, { first: 0 })).totalCount).toBe(1);
  });
});
