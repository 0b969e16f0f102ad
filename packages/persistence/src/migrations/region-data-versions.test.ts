import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withTransaction } from "../errors/index.js";
import { backends, createTestDatabase, insertMinimalRegion, MINIMAL, type TestDatabase } from "../test-support/index.js";

// The region's data version (migration 0010) is what cached reports are keyed on: it must move
// on with every committed write of the region, once per transaction, and never for a write
// that rolled back.
const { regionCode, authorityId } = MINIMAL;

const versionOf = async (test: TestDatabase, region: string = regionCode): Promise<number> => {
  const row = await test.db
    .selectFrom("region_data_versions")
    .select("version")
    .where("region_code", "=", region)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
};

const leave = (date: string) => ({ region_code: regionCode, adviser_id: MINIMAL.adviserId, leave_on: date, units: 2 });

for (const backend of backends()) {
  describe(`region data version on ${backend}`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await createTestDatabase(backend);
      await insertMinimalRegion(test.db);
    });
    afterEach(() => test.close());

    it("moves on once per committed transaction, whatever it writes, and not for a rollback", async () => {
      const before = await versionOf(test);
      expect(before).toBeGreaterThan(0);
      const written = await withTransaction(test.db, async (trx) => {
        await trx.insertInto("adviser_leave").values(leave("2010-05-03")).execute();
        await trx.insertInto("adviser_leave").values(leave("2010-05-04")).execute();
        await trx.updateTable("authorities").set({ name: "Kensington and Chelsea (RBKC)" }).where("id", "=", authorityId).execute();
        return { ok: true as const, value: null };
      });
      expect(written.ok).toBe(true);
      expect(await versionOf(test)).toBe(before + 1);

      await test.db.deleteFrom("adviser_leave").where("leave_on", "=", "2010-05-04").execute();
      expect(await versionOf(test)).toBe(before + 2);

      await expect(
        test.db.transaction().execute(async (trx) => {
          await trx.insertInto("adviser_leave").values(leave("2010-05-05")).execute();
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect(await versionOf(test)).toBe(before + 2);

      // A statement that changes no row changes nothing a report could read.
      await test.db.updateTable("authorities").set({ name: "x" }).where("id", "=", "no-such-authority").execute();
      expect(await versionOf(test)).toBe(before + 2);
    });

    it("keeps regions apart", async () => {
      await test.db.insertInto("regions").values({ region_code: "other", name: "Other region" }).execute();
      const other = await versionOf(test, "other");
      const mine = await versionOf(test);
      await test.db.insertInto("adviser_leave").values(leave("2010-06-01")).execute();
      expect(await versionOf(test)).toBe(mine + 1);
      expect(await versionOf(test, "other")).toBe(other);
    });
  });
}

// Writers of one region queue on its counter row; PGlite has one session, so only the server
// can show that concurrent transactions each count once and none is lost.
describe.skipIf(!process.env.DATABASE_URL)("region data version under concurrent writers on the server", () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase("server");
    await insertMinimalRegion(test.db);
  });
  afterEach(() => test.close());

  it("counts every one of 12 concurrent write transactions exactly once", async () => {
    const before = await versionOf(test);
    // Twelve weekdays of July and of August 2010 (leave is taken on working days).
    const weekdays = (month: string, mondays: readonly number[]) =>
      mondays.flatMap((monday) => [0, 1, 2, 3, 4].map((d) => `2010-${month}-${String(monday + d).padStart(2, "0")}`)).slice(0, 12);
    const july = weekdays("07", [5, 12, 19]);
    const august = weekdays("08", [2, 9, 16]);
    const results = await Promise.all(
      july.map((date, i) =>
        withTransaction(test.db, async (trx) => {
          await trx.insertInto("adviser_leave").values(leave(date)).execute();
          await trx.insertInto("adviser_leave").values(leave(august[i]!)).execute();
          return { ok: true as const, value: null };
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await versionOf(test)).toBe(before + 12);
  });
});
