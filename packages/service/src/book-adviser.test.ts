import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { bookAdviser } from "./book-adviser.js";
import { ENG_COUNCIL, ENG_LSCB, ENG_RAPID, REGION, admin, adviser, funder, insertFixture, rowCounts } from "./test-support/fixture.js";

// Week of 2010-06-07: no bank holiday. adv-1 is 1.0 FTE with a 1-day host commitment and the
// London rapid-response reserve of half a day: bookable 5 - 1 - 0.5 = 3.5 days = 7 units.
const WEEK = "2010-06-07";
const BOOKABLE = 7;

describe.each(backends())("bookAdviser on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend, { maxConnections: 12 });
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  const book = (days: string, status = "CONFIRMED", engagementId = ENG_COUNCIL, weekStart = WEEK) =>
    bookAdviser(test.db, adviser, { engagementId, adviserId: "adv-1", weekStart, days, status });

  it("confirms a booking that fits and refuses one that would pass bookable days", async () => {
    const first = await book("3");
    expect(first.ok && first.value.capacity.bookableUnits).toBe(BOOKABLE);
    const over = await book("1");
    expect(over.ok).toBe(false);
    if (!over.ok)
      expect(over.error).toMatchObject({
        code: "CAPACITY_EXCEEDED",
        adviserId: "adv-1",
        weekStart: WEEK,
        bookableUnits: BOOKABLE,
        alreadyBookedUnits: 6,
        requestedUnits: 2,
      });
    const fits = await book("0.5");
    expect(fits.ok).toBe(true);
  });

  it("lets tentative bookings exceed bookable days, flagged", async () => {
    expect((await book("3.5")).ok).toBe(true);
    const tentative = await book("2", "TENTATIVE");
    expect(tentative.ok && tentative.value.check.overbooked).toBe(true);
  });

  it("normalises the week to its Monday and never holds rapid response to capacity", async () => {
    expect((await book("3.5")).ok).toBe(true);
    const rapid = await book("2", "CONFIRMED", ENG_RAPID, "2010-06-09");
    expect(rapid.ok && rapid.value.booking.weekStart).toBe(WEEK);
  });

  it("never lets 50 concurrent confirmed bookings for one adviser-week exceed bookable days", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book("0.5", "CONFIRMED", i % 2 === 0 ? ENG_COUNCIL : ENG_LSCB)),
    );
    const accepted = attempts.filter((r) => r.ok).length;
    const refused = attempts.filter((r) => !r.ok);
    expect(accepted).toBe(BOOKABLE);
    expect(refused.every((r) => !r.ok && r.error.code === "CAPACITY_EXCEEDED")).toBe(true);
    const total = await test.db
      .selectFrom("bookings")
      .select((eb) => eb.fn.sum<number>("units").as("units"))
      .where("region_code", "=", REGION)
      .where("adviser_id", "=", "adv-1")
      .where("week_start", "=", WEEK)
      .where("status", "=", "CONFIRMED")
      .executeTakeFirstOrThrow();
    expect(Number(total.units)).toBe(BOOKABLE);
    const audit = await test.db.selectFrom("audit_log").select("action").execute();
    expect(audit.length).toBe(BOOKABLE);
  });

  it("refuses bad input with a typed error naming the field, writing nothing", async () => {
    const before = await rowCounts(test.db);
    const cases: [object, string, string][] = [
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-1", weekStart: WEEK, days: "0", status: "CONFIRMED" }, "VALIDATION", "days"],
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-1", weekStart: WEEK, days: "1.25", status: "CONFIRMED" }, "VALIDATION", "days"],
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-1", weekStart: "2010-06-31", days: "1", status: "CONFIRMED" }, "VALIDATION", "weekStart"],
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-1", weekStart: WEEK, days: "1", status: "PENCILLED" }, "VALIDATION", "status"],
      [{ engagementId: "eng-nope", adviserId: "adv-1", weekStart: WEEK, days: "1", status: "CONFIRMED" }, "NOT_FOUND", "engagementId"],
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-9", weekStart: WEEK, days: "1", status: "CONFIRMED" }, "NOT_FOUND", "adviserId"],
      [{ engagementId: ENG_COUNCIL, adviserId: "adv-1", weekStart: "2011-06-06", days: "1", status: "CONFIRMED" }, "VALIDATION", "weekStart"],
    ];
    for (const [input, code, field] of cases) {
      const result = await bookAdviser(test.db, admin, input as never);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, JSON.stringify(input)).toBe(code);
      expect((result.error as { field: string }).field, JSON.stringify(input)).toBe(field);
    }
    const over = await book("4");
    expect(!over.ok && over.error.code).toBe("CAPACITY_EXCEEDED");
    const forbidden = await bookAdviser(test.db, funder, {
      engagementId: ENG_COUNCIL,
      adviserId: "adv-1",
      weekStart: WEEK,
      days: "1",
      status: "CONFIRMED",
    });
    expect(!forbidden.ok && forbidden.error.code).toBe("FORBIDDEN");
    expect(await rowCounts(test.db)).toEqual(before);
  });
});
