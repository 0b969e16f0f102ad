import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, insertMinimalRegion, MINIMAL, type TestDatabase } from "../test-support/index.js";
import { withTransaction } from "./with-transaction.js";

// The stored allocation's columns and the agreed rate hold the domain's rules in the database
// too: a write that breaks them fails with a typed error and writes nothing.

const { regionCode, adviserId, engagementId, authorityId } = MINIMAL;
const allocated = {
  region_code: regionCode,
  id: "d-1",
  adviser_id: adviserId,
  engagement_id: engagementId,
  delivered_on: "2010-05-03",
  units: 4,
  financial_year: 2010,
  holder_id: authorityId,
  quota_units: 2,
  free_units: 2,
  chargeable_units: 2,
  day_rate_pence: 55_000,
  charge_pence: 55_000,
};

describe.each(backends())("allocation constraints on %s", (backend) => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    await insertMinimalRegion(test.db);
  });
  afterAll(() => test?.close());

  async function constraintOf(row: Record<string, unknown>): Promise<string | undefined> {
    try {
      await test.db.transaction().execute(async (trx) => {
        await trx.insertInto("deliveries").values(row as never).execute();
        throw new Error("inserted");
      });
    } catch (error) {
      return (error as { constraint?: string }).constraint ?? (error as Error).message;
    }
    return undefined;
  }

  it("accepts a consistent allocation and refuses inconsistent ones by name", async () => {
    expect(await constraintOf(allocated)).toBe("inserted");
    expect(await constraintOf({ ...allocated, charge_pence: null })).toBe("deliveries_allocation_all_or_none");
    expect(await constraintOf({ ...allocated, quota_units: -1 })).toBe("deliveries_allocation_not_negative");
    expect(await constraintOf({ ...allocated, free_units: 3 })).toBe("deliveries_allocation_splits_units");
    expect(await constraintOf({ ...allocated, quota_units: 3, free_units: 2 })).toBe("deliveries_allocation_splits_units");
    expect(await constraintOf({ ...allocated, day_rate_pence: 0 })).toBe("deliveries_allocation_priced");
    expect(await constraintOf({ ...allocated, free_units: 4, chargeable_units: 0 })).toBe("deliveries_allocation_priced");
    expect(await constraintOf({ ...allocated, removed_at: new Date("2010-06-01T00:00:00Z") })).toBe("deliveries_removed_unallocated");
    const unallocated = { ...allocated, holder_id: null, quota_units: null, free_units: null, chargeable_units: null, day_rate_pence: null, charge_pence: null };
    expect(await constraintOf(unallocated)).toBe("inserted");
  });

  it("refuses an agreed rate of 0 naming agreedRatePence, as the domain does", async () => {
    const result = await withTransaction(test.db, async (trx) => {
      await trx.updateTable("engagements").set({ agreed_rate_pence: 0 }).where("region_code", "=", regionCode).where("id", "=", engagementId).execute();
      return { ok: true as const, value: null };
    });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "agreedRatePence" } });
    const row = await test.db.selectFrom("engagements").select("agreed_rate_pence").where("id", "=", engagementId).executeTakeFirstOrThrow();
    expect(row.agreed_rate_pence).toBeNull();
  });
});
