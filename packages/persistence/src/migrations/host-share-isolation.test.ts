import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withTransaction } from "../errors/index.js";
import { createTestDatabase, insertMinimalRegion, MINIMAL, type TestDatabase } from "../test-support/index.js";

// Concurrency needs sessions of its own: this runs on the server only (PGlite is one session).
const { regionCode, adviserId, authorityId } = MINIMAL;

const arrangement = (id: string, shareBp: number) => ({
  region_code: regionCode,
  id,
  adviser_id: adviserId,
  authority_id: authorityId,
  starts_on: "2010-04-01",
  ends_on: null,
  salary_share_bp: shareBp,
  commitment_units_per_week: 2,
});

describe.skipIf(!process.env.DATABASE_URL)("host arrangement shares under concurrency on the server", () => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase("server");
    await insertMinimalRegion(test.db);
    await test.db.insertInto("host_arrangements").values(arrangement("ha-base", 2_500)).execute();
  });
  afterEach(async () => {
    await test.close();
  });

  // SERIALIZABLE alone already catches this pair by its read/write conflicts; beside a writer
  // at a weaker level it cannot, so the mixed pair is tested too.
  it.each([
    ["read committed", "read committed"],
    ["repeatable read", "repeatable read"],
    ["serializable", "serializable"],
    ["serializable", "repeatable read"],
  ] as const)(
    "two 0.40 shares on 0.25 at %s and %s: one is stored, the other refused naming salaryShareBp",
    async (first, second) => {
      // Both transactions take their snapshot before either writes: the case the old guard missed.
      let arrived = 0;
      let go!: () => void;
      const barrier = new Promise<void>((resolve) => {
        go = resolve;
      });
      const attempt = (id: string, isolation: typeof first | typeof second) =>
        withTransaction(
          test.db,
          async (trx) => {
            await sql`select count(*) from host_arrangements`.execute(trx);
            arrived += 1;
            if (arrived === 2) go();
            await barrier;
            await trx.insertInto("host_arrangements").values(arrangement(id, 4_000)).execute();
            return { ok: true as const, value: id };
          },
          { isolation },
        );
      const results = await Promise.all([attempt("ha-1", first), attempt("ha-2", second)]);

      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual([
        expect.objectContaining({ code: "VALIDATION", field: "salaryShareBp" }),
      ]);
      const { rows } = await sql<{ total: number }>`
        select sum(salary_share_bp) as total from host_arrangements where adviser_id = ${adviserId}`.execute(test.db);
      expect(rows[0]?.total).toBe(6_500);
    },
  );
});
