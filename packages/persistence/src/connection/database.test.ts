import { type LogEvent, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withTransaction } from "../errors/index.js";
import {
  backends,
  createTestDatabase,
  insertMinimalRegion,
  MINIMAL,
  type TestDatabase,
} from "../test-support/index.js";
import { UnsafeNumberError } from "./type-parsers.js";

const { regionCode } = MINIMAL;

function delivery(id: string, units: number, deliveredOn = "2010-05-03") {
  return {
    region_code: regionCode,
    id,
    adviser_id: MINIMAL.adviserId,
    engagement_id: MINIMAL.engagementId,
    delivered_on: deliveredOn,
    units,
    financial_year: 2010,
  };
}

/** Resolves when `open()` is called: lets a test hold a transaction open at a chosen point. */
function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe.each(backends())("database on %s", (backend) => {
  let test: TestDatabase;
  const events: LogEvent[] = [];

  beforeEach(async () => {
    events.length = 0;
    test = await createTestDatabase(backend, { log: (event) => events.push(event) });
    await insertMinimalRegion(test.db);
  });
  afterEach(async () => {
    await test.close();
  });

  it("reads int8, numeric and count as numbers, date as 'YYYY-MM-DD', timestamptz as Date", async () => {
    const { rows } = await sql<Record<string, unknown>>`
      select 9007199254740991::int8 as big, 12.5::numeric as fraction, count(*) as how_many,
             date '2011-03-31' as day, timestamptz '2010-05-03 09:30:00+01' as at,
             array[1, 2]::int8[] as bigs, array[date '2010-04-01'] as days
        from advisers`.execute(test.db);
    expect(rows[0]).toEqual({
      big: Number.MAX_SAFE_INTEGER,
      fraction: 12.5,
      how_many: 1,
      day: "2011-03-31",
      at: new Date("2010-05-03T08:30:00Z"),
      bigs: [1, 2],
      days: ["2010-04-01"],
    });
  });

  it("refuses to read an integer a JS number cannot hold exactly", async () => {
    await expect(sql`select 9007199254740993::int8 as too_big`.execute(test.db)).rejects.toThrow(
      UnsafeNumberError,
    );
  });

  it("reports affected rows for insert, update and delete", async () => {
    const inserted = await test.db
      .insertInto("deliveries")
      .values([delivery("d-1", 2), delivery("d-2", 4), delivery("d-3", 6)])
      .executeTakeFirstOrThrow();
    expect(inserted.numInsertedOrUpdatedRows).toBe(3n);

    const updated = await test.db
      .updateTable("deliveries")
      .set({ notes: "checked" })
      .where("units", ">", 2)
      .executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(2n);

    const deleted = await test.db.deleteFrom("deliveries").where("id", "=", "d-1").executeTakeFirstOrThrow();
    expect(deleted.numDeletedRows).toBe(1n);

    const none = await test.db.deleteFrom("deliveries").where("id", "=", "missing").executeTakeFirstOrThrow();
    expect(none.numDeletedRows).toBe(0n);
  });

  it("numbers deliveries in the order they were recorded", async () => {
    await test.db.insertInto("deliveries").values(delivery("d-late", 2, "2010-06-01")).execute();
    await test.db.insertInto("deliveries").values(delivery("d-early", 2, "2010-05-01")).execute();
    const rows = await test.db
      .selectFrom("deliveries")
      .select(["id", "recorded_seq"])
      .orderBy("recorded_seq")
      .execute();
    expect(rows.map((r) => r.id)).toEqual(["d-late", "d-early"]);
    expect(typeof rows[0]!.recorded_seq).toBe("number");
  });

  it("leaves nothing behind when a transaction throws", async () => {
    await expect(
      test.db.transaction().execute(async (trx) => {
        await trx.insertInto("deliveries").values(delivery("d-1", 2)).execute();
        await trx.updateTable("advisers").set({ name: "Renamed" }).execute();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");

    expect(await test.db.selectFrom("deliveries").selectAll().execute()).toEqual([]);
    const adviser = await test.db.selectFrom("advisers").select("name").executeTakeFirstOrThrow();
    expect(adviser.name).toBe("Adviser One");
  });

  it("leaves nothing half written when a later statement violates a constraint", async () => {
    const result = await withTransaction(test.db, async (trx) => {
      await trx.insertInto("deliveries").values(delivery("d-1", 2)).execute();
      await trx.insertInto("deliveries").values(delivery("d-2", 0)).execute();
      return { ok: true, value: "unreachable" } as const;
    });
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "units" } });
    expect(await test.db.selectFrom("deliveries").selectAll().execute()).toEqual([]);
  });

  it("rolls back when the work returns an expected failure", async () => {
    const result = await withTransaction(test.db, async (trx) => {
      await trx.insertInto("deliveries").values(delivery("d-1", 2)).execute();
      return { ok: false, error: { code: "CAPACITY_EXCEEDED", message: "week is full" } } as const;
    });
    expect(result).toEqual({ ok: false, error: { code: "CAPACITY_EXCEEDED", message: "week is full" } });
    expect(await test.db.selectFrom("deliveries").selectAll().execute()).toEqual([]);
  });

  it("never shows a rolled-back transaction's rows to a query running beside it", async () => {
    const inserted = gate();
    const failing = test.db.transaction().execute(async (trx) => {
      await trx.insertInto("deliveries").values(delivery("d-ghost", 2)).execute();
      inserted.open();
      // Give the concurrent reader every chance to run while this transaction is open.
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error("rolled back");
    });
    await inserted.promise;
    const seen = await test.db.selectFrom("deliveries").select("id").execute();
    await expect(failing).rejects.toThrow("rolled back");

    expect(seen).toEqual([]);
    expect(await test.db.selectFrom("deliveries").select("id").execute()).toEqual([]);
  });

  it("keeps exactly the committed rows of many concurrent transactions", async () => {
    const attempts = Array.from({ length: 20 }, (_, i) => i);
    const outcomes = await Promise.allSettled(
      attempts.map((i) =>
        test.db.transaction().execute(async (trx) => {
          await trx.insertInto("deliveries").values(delivery(`d-${i}`, 2)).execute();
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          // Within its own transaction, each sees its own row and no uncommitted row of another.
          const mine = await trx.selectFrom("deliveries").select("id").where("id", "=", `d-${i}`).execute();
          if (mine.length !== 1) throw new Error(`lost own row d-${i}`);
          if (i % 2 === 1) throw new Error(`odd ${i} rolls back`);
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    const ids = await test.db.selectFrom("deliveries").select("id").orderBy("id").execute();
    expect(ids.map((r) => r.id).sort()).toEqual(
      attempts.filter((i) => i % 2 === 0).map((i) => `d-${i}`).sort(),
    );
  });

  it("hands every statement to the log hook, so callers can count SQL per operation", async () => {
    events.length = 0;
    await test.db.selectFrom("advisers").selectAll().execute();
    await test.db.selectFrom("engagements").select("id").where("status", "=", "ACCEPTED").execute();
    const queries = events.filter((e) => e.level === "query");
    expect(queries).toHaveLength(2);
    expect(queries[1]!.query.sql).toContain('from "engagements"');
  });

  it("counts the statements of a transaction the same way on every backend", async () => {
    const statements: string[] = [];
    const counted = await createTestDatabase(backend, { log: (event) => statements.push(event.query.sql) });
    try {
      await insertMinimalRegion(counted.db);
      statements.length = 0;
      await counted.db.transaction().execute(async (trx) => {
        await trx.insertInto("deliveries").values(delivery("d-1", 2)).execute();
        await trx.selectFrom("deliveries").select("id").execute();
      });
      expect(statements.length).toBe(4);
      expect(statements[0]).toMatch(/^begin/i);
      expect(statements[3]).toMatch(/^commit/i);
    } finally {
      await counted.close();
    }
  });

  it("reruns serializable transactions that conflict, ending as if they ran one by one", async () => {
    // Each reads how many deliveries exist and records that number: run one at a time they
    // record 0..n-1. Concurrently on the server, SERIALIZABLE refuses all but one of each
    // conflicting pair (40001) and withTransaction reruns the losers.
    const writers = Array.from({ length: 8 }, (_, i) => i);
    // On the server every first attempt reads before any writes, so conflicts are certain.
    // PGlite runs one transaction at a time, so there a barrier would wait forever.
    const everyoneHasRead = gate();
    let readers = 0;
    const results = await Promise.all(
      writers.map((i) => {
        let firstAttempt = true;
        return withTransaction(
          test.db,
          async (trx) => {
            const { n } = await trx
              .selectFrom("deliveries")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .executeTakeFirstOrThrow();
            if (backend === "server" && firstAttempt) {
              firstAttempt = false;
              if (++readers === writers.length) everyoneHasRead.open();
              await everyoneHasRead.promise;
            }
            await trx
              .insertInto("deliveries")
              .values({ ...delivery(`d-${i}`, 2), notes: String(n) })
              .execute();
            return { ok: true, value: n } as const;
          },
          { isolation: "serializable", retries: 50 },
        );
      }),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    if (backend === "server") {
      const conflicts = events.filter(
        (e) => e.level === "error" && (e.error as { code?: string }).code === "40001",
      );
      expect(conflicts.length).toBeGreaterThan(0);
    }
    const rows = await test.db.selectFrom("deliveries").select("notes").execute();
    expect(rows.map((r) => Number(r.notes)).sort((a, b) => a - b)).toEqual(writers);
  });
});
