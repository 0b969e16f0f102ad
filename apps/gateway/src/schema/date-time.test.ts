import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInstant } from "./date-time.js";

describe("DateTime values", () => {
  it("refuses dates that do not exist, wall times past the day and instants without an offset", () => {
    for (const bad of [
      "2011-02-30T09:00:00Z",
      "2011-02-29T09:00:00Z",
      "2011-13-01T09:00:00Z",
      "2011-04-31T09:00:00Z",
      "2011-02-01T24:00:00Z",
      "2011-02-01T09:60:00Z",
      "2011-02-01T09:00:60Z",
      "2011-02-01T09:00:00",
      "2011-02-01T09:00",
      "2011-02-01",
      "2011-02-01T09:00:00+25:00",
      "2011-02-01T09:00:00 Z",
      "2011-02-01T09:00:00z",
      "2011-02-01T09:00:00Z\u0000",
      "",
    ]) {
      expect(isInstant(bad), bad).toBe(false);
    }
  });

  it("accepts an instant in UTC or with an offset, with or without seconds and fractions", () => {
    for (const good of ["2012-02-29T09:00:00Z", "2010-05-03T10:30:00+01:00", "2010-05-03T09:30Z", "2010-05-03T09:30:00.123Z", "2010-12-31T23:59:59-05:30"]) {
      expect(isInstant(good), good).toBe(true);
    }
  });

  it("accepts exactly the instants whose calendar date and time survive a round trip", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        (year, month, day, hour) => {
          const pad = (n: number) => String(n).padStart(2, "0");
          const text = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:15:00Z`;
          const date = new Date(Date.UTC(year, month - 1, day, hour, 15));
          const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          expect(isInstant(text)).toBe(real);
          if (real) expect(new Date(text).toISOString()).toBe(`${text.slice(0, -1)}.000Z`);
        },
      ),
      { numRuns: 500 },
    );
  });
});
