import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRegionPolicy } from "../policy/region-policy.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { englandAndWalesBankHolidays } from "./england-and-wales-bank-holidays.js";
import { parseGovUkBankHolidays } from "./gov-uk-bank-holidays.js";

const event = (date: string, title = "A bank holiday", notes = "") => ({ title, date, notes, bunting: true });
const doc = (events: unknown[]) => ({ "england-and-wales": { division: "england-and-wales", events } });

describe("parseGovUkBankHolidays", () => {
  it("reads a division into a policy's bank holidays, in date order, notes kept in the name", () => {
    const parsed = parseGovUkBankHolidays(
      { ...doc([event("2026-12-28", "Boxing Day", "Substitute day"), event("2026-12-25", "Christmas Day")]), scotland: "not read" },
      "england-and-wales",
    );
    expect(parsed).toEqual({
      ok: true,
      value: [
        { date: "2026-12-25", name: "Christmas Day" },
        { date: "2026-12-28", name: "Boxing Day (Substitute day)" },
      ],
    });
  });

  it("names each field at fault by its path in the document", () => {
    const parsed = parseGovUkBankHolidays(
      doc([event("2026-01-01"), event("2026-04-03"), event("2026-04-06"), { title: "", date: "2026-02-30", notes: 3, bunting: "yes", extra: 1 }, event("2026-01-01")]),
      "england-and-wales",
    );
    expect(!parsed.ok && parsed.error.issues.map((i) => i.field)).toEqual([
      "england-and-wales.events[3].extra",
      "england-and-wales.events[3].title",
      "england-and-wales.events[3].date",
      "england-and-wales.events[3].notes",
      "england-and-wales.events[3].bunting",
      "england-and-wales.events[4].date",
    ]);
    expect(!parsed.ok && parsed.error.field).toBe("england-and-wales.events[3].extra");
    const missing = parseGovUkBankHolidays(doc([]), "scotland");
    expect(!missing.ok && missing.error).toMatchObject({ field: "scotland", message: "is required" });
    const wrong = parseGovUkBankHolidays({ scotland: { division: "england-and-wales", events: {} } }, "scotland");
    expect(!wrong.ok && wrong.error.issues.map((i) => i.field)).toEqual(["scotland.division", "scotland.events"]);
    expect(parseGovUkBankHolidays([], "scotland").ok).toBe(false);
  });

  it("yields holidays every policy accepts: sorted, unique dates, for any set of valid events", () => {
    const date = fc
      .record({ y: fc.integer({ min: 2000, max: 2040 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(fc.uniqueArray(date, { maxLength: 30 }), (dates) => {
        const parsed = parseGovUkBankHolidays(doc(dates.map((d) => event(d))), "england-and-wales");
        if (!parsed.ok) return false;
        const sorted = [...dates].sort();
        expect(parsed.value.map((h) => h.date)).toEqual(sorted);
        return parseRegionPolicy({ ...workedExamplePolicy, bankHolidays: parsed.value }).ok;
      }),
    );
  });

  it("ships England and Wales 2010 to 2030 with the one-off days", () => {
    expect(englandAndWalesBankHolidays.length).toBe(173);
    expect(englandAndWalesBankHolidays[0]).toEqual({ date: "2010-01-01", name: "New Year’s Day" });
    const dates = englandAndWalesBankHolidays.map((h) => h.date);
    for (const oneOff of ["2011-04-29", "2012-06-05", "2022-06-03", "2022-09-19", "2023-05-08", "2020-05-08"]) expect(dates).toContain(oneOff);
    expect(dates).toContain("2026-12-25");
    expect(dates[dates.length - 1]).toBe("2030-12-26");
  });
});
