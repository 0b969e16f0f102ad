import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../calendar/plain-date.js";
import { weekStartOf } from "../calendar/working-days.js";
import { checkEmployedInWeek, checkEmployedOn, isEmployedOn } from "./employment.js";

const adviser = { employmentStart: "2010-04-01", employmentEnd: "2012-03-31" };

describe("an adviser employed on the date (rule 16)", () => {
  it("accepts both ends of employment and refuses the days outside, naming the field", () => {
    expect(checkEmployedOn(adviser, "2010-04-01")).toEqual({ ok: true, value: "2010-04-01" });
    expect(checkEmployedOn(adviser, "2012-03-31")).toEqual({ ok: true, value: "2012-03-31" });
    expect(checkEmployedOn(adviser, "2010-03-31")).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "date" } });
    expect(checkEmployedOn(adviser, "2012-04-01", "newDate")).toMatchObject({ ok: false, error: { field: "newDate", issues: [{ field: "newDate" }] } });
    expect(checkEmployedOn({ ...adviser, employmentEnd: null }, "2030-01-01").ok).toBe(true);
  });

  it("a booking week needs only to overlap employment, and is normalised to its Monday", () => {
    // 2010-04-01 is a Thursday: its week starts 2010-03-29.
    expect(checkEmployedInWeek(adviser, "2010-03-31")).toEqual({ ok: true, value: "2010-03-29" });
    expect(checkEmployedInWeek(adviser, "2010-03-28")).toMatchObject({ ok: false, error: { field: "weekStart" } });
    expect(checkEmployedInWeek(adviser, "2012-04-01")).toEqual({ ok: true, value: "2012-03-26" });
    expect(checkEmployedInWeek(adviser, "2012-04-02", "week")).toMatchObject({ ok: false, error: { field: "week" } });
  });

  it("a week is bookable exactly when one of its days is an employed day", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 760 }), fc.integer({ min: 0, max: 400 }), fc.boolean(), (offset, length, open) => {
        const a = { employmentStart: addDays("2010-04-01", 10), employmentEnd: open ? null : addDays("2010-04-11", length) };
        const day = addDays("2010-04-01", offset);
        const monday = weekStartOf(day);
        const anyEmployed = [0, 1, 2, 3, 4, 5, 6].some((i) => isEmployedOn(a, addDays(monday, i)));
        expect(checkEmployedInWeek(a, day)).toEqual(anyEmployed ? { ok: true, value: monday } : expect.objectContaining({ ok: false }));
      }),
    );
  });
});
