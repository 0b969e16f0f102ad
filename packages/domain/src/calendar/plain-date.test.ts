import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dateFromDayNumber, dayNumber, isPlainDate, parsePlainDate } from "./plain-date.js";

describe("plain dates", () => {
  it("round-trips day numbers and validates dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const date = dateFromDayNumber(n);
        expect(dayNumber(date)).toBe(n);
        expect(isPlainDate(date)).toBe(true);
        expect(addDays(date, 1)).toBe(dateFromDayNumber(n + 1));
      }),
    );
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(isPlainDate("2012-02-29")).toBe(true);
    expect(isPlainDate("2011-02-29")).toBe(false);
    expect(parsePlainDate("2010-13-01", "date")).toMatchObject({ ok: false, error: { field: "date" } });
  });
});
