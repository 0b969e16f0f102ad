import { migrateToLatest, migrations } from "@adviser-hub/persistence";
import { backends, compareWithScratch, emptyDatabase, insertWestOfScotland, WEST } from "@adviser-hub/persistence/testing";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { allocateUnallocated } from "./allocate-unallocated.js";

describe.each(backends())("the allocation backfill on %s", (backend) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  it("gives rows older than the stored allocation the domain's allocation, once", async () => {
    const empty = await emptyDatabase(backend);
    dispose = empty.dispose;
    const { db } = empty.app;
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < "2026-12-02"));
    await migrateToLatest(db, { migrations: before });
    await insertWestOfScotland(db);
    // Before the tightened check an agreed rate of 0 was stored; every reader took it as none.
    await sql`update engagements set agreed_rate_pence = 0 where id = ${WEST.renfrewProject}`.execute(db);
    const row = (id: string, engagement: string, date: string, units: number, removed = false) =>
      sql`insert into deliveries (region_code, id, adviser_id, engagement_id, delivered_on, units, financial_year, removed_at)
          values (${WEST.regionCode}, ${id}, ${WEST.adviserId}, ${engagement}, ${date}, ${units}, 2010, ${removed ? new Date("2011-01-01T00:00:00Z") : null})`.execute(db);
    await row("old-1", WEST.councilProject, "2010-08-03", 20);
    await row("old-2", WEST.councilStrategic, "2010-09-07", 9);
    await row("old-3", WEST.renfrewProject, "2010-09-08", 30);
    await row("old-gone", WEST.councilProject, "2010-07-05", 8, true);

    await migrateToLatest(db);
    expect(await allocateUnallocated(db)).toBe(3);
    const { expected, actual } = await compareWithScratch(db, WEST.regionCode);
    expect(actual).toEqual(expected);
    expect(actual.find((l) => l.deliveryId === "old-2")).toMatchObject({ holderId: WEST.council, quotaUnits: 4, chargeableUnits: 5, chargePence: 60_000 });
    // The zero became "no agreed rate": the 2010 default prices the 6 units past the allowance.
    expect(actual.find((l) => l.deliveryId === "old-3")).toMatchObject({ chargeableUnits: 6, dayRatePence: 48_000, chargePence: 72_000 });
    expect(actual.find((l) => l.deliveryId === "old-gone")).toMatchObject({ holderId: null, chargePence: null });
    expect(await allocateUnallocated(db)).toBe(0);
  });
});
