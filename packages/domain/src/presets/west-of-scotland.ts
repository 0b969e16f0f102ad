import { englandAndWalesBankHolidays } from "../calendar/england-and-wales-bank-holidays.js";
import { addDays, dateFromParts, isoWeekday, type PlainDate } from "../calendar/plain-date.js";
import type { BankHoliday, RegionPolicy } from "../policy/region-policy.js";
import { GBP } from "../quantities/money.js";

/** Scotland's bank holidays 2010-2012 as GOV.UK published them. */
export const SCOTLAND_2010_2012: readonly BankHoliday[] = [
  { date: "2010-01-01", name: "New Year's Day" },
  { date: "2010-01-04", name: "2nd January (substitute day)" },
  { date: "2010-04-02", name: "Good Friday" },
  { date: "2010-05-03", name: "Early May bank holiday" },
  { date: "2010-05-31", name: "Spring bank holiday" },
  { date: "2010-08-02", name: "Summer bank holiday" },
  { date: "2010-11-30", name: "St Andrew's Day" },
  { date: "2010-12-27", name: "Christmas Day (substitute day)" },
  { date: "2010-12-28", name: "Boxing Day (substitute day)" },
  { date: "2011-01-03", name: "New Year's Day (substitute day)" },
  { date: "2011-01-04", name: "2nd January (substitute day)" },
  { date: "2011-04-22", name: "Good Friday" },
  { date: "2011-04-29", name: "Wedding of Prince William and Catherine Middleton" },
  { date: "2011-05-02", name: "Early May bank holiday" },
  { date: "2011-05-30", name: "Spring bank holiday" },
  { date: "2011-08-01", name: "Summer bank holiday" },
  { date: "2011-11-30", name: "St Andrew's Day" },
  { date: "2011-12-26", name: "Boxing Day" },
  { date: "2011-12-27", name: "Christmas Day (substitute day)" },
  { date: "2012-01-02", name: "New Year's Day (substitute day)" },
  { date: "2012-01-03", name: "2nd January (substitute day)" },
  { date: "2012-04-06", name: "Good Friday" },
  { date: "2012-05-07", name: "Early May bank holiday" },
  { date: "2012-06-04", name: "Spring bank holiday" },
  { date: "2012-06-05", name: "Queen's Diamond Jubilee" },
  { date: "2012-08-06", name: "Summer bank holiday" },
  { date: "2012-11-30", name: "St Andrew's Day" },
  { date: "2012-12-25", name: "Christmas Day" },
  { date: "2012-12-26", name: "Boxing Day" },
];

/**
 * Scotland's bank holidays for the years given, from the England and Wales list the package
 * ships (one-off days such as jubilees, the 2022 state funeral and the 2023 coronation, and
 * moved May holidays, are UK-wide): without Easter Monday and England's late-August and New
 * Year days, with 1 and 2 January, the first Monday of August and St Andrew's Day (30
 * November), each on a weekend moved to the next weekday not already a holiday. The test
 * holds the rule to GOV.UK's published 2010-2012 list.
 */
export function scottishBankHolidays(fromYear: number, toYear: number): BankHoliday[] {
  const inRange = (date: PlainDate) => Number(date.slice(0, 4)) >= fromYear && Number(date.slice(0, 4)) <= toYear;
  const shared = englandAndWalesBankHolidays.filter(
    (h) => inRange(h.date) && !/^(New Year|Easter Monday|Summer bank holiday)/.test(h.name),
  );
  const own: BankHoliday[] = [];
  const taken = new Set(shared.map((h) => h.date));
  const observe = (date: PlainDate, name: string) => {
    let day = date;
    while (isoWeekday(day) > 5 || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    own.push({ date: day, name: day === date ? name : `${name} (substitute day)` });
  };
  for (let year = fromYear; year <= toYear; year++) {
    observe(dateFromParts(year, 1, 1), "New Year's Day");
    observe(dateFromParts(year, 1, 2), "2nd January");
    const august = dateFromParts(year, 8, 1);
    own.push({ date: addDays(august, (8 - isoWeekday(august)) % 7), name: "Summer bank holiday" });
    observe(dateFromParts(year, 11, 30), "St Andrew's Day");
  }
  return [...shared, ...own].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * A second region that copies the model with different choices: each organisation has its own
 * 6 free days, quarter-day granularity, a July financial year, quarterly statements, strategic
 * work charged as well, and Scottish bank holidays (2010 to 2030). It exists so that tests prove the rules
 * carry no London constant.
 */
export const westOfScotlandPolicy: RegionPolicy = {
  code: "west-of-scotland",
  name: "West of Scotland",
  financialYearStart: { month: 7, day: 1 },
  unitsPerDay: 4,
  freeDaysPerYear: { defaultUnits: 24, byYear: [{ year: 2011, units: 20 }], byHolderYear: [] },
  quotaPooling: "ORGANISATION",
  strands: {
    RAPID_RESPONSE: { consumesQuota: false, chargedAfterQuota: false, heldToCapacity: false },
    PROJECT_SUPPORT: { consumesQuota: true, chargedAfterQuota: true, heldToCapacity: true },
    HOST_SUPPORT: { consumesQuota: false, chargedAfterQuota: false, heldToCapacity: true },
    KNOWLEDGE_HUB: { consumesQuota: false, chargedAfterQuota: false, heldToCapacity: false },
    STRATEGIC: { consumesQuota: true, chargedAfterQuota: true, heldToCapacity: true },
  },
  defaultDayRate: { pence: 48_000, byYear: [{ year: 2011, pence: 49_500 }] },
  consultantBenchmarkDayRate: { pence: 70_000, byYear: [] },
  rapidResponse: { reserveUnitsPerAdviserWeek: 3, targetHours: 24 },
  // GOV.UK's list for 2010-2012, then the same days derived from 2013 to 2030.
  bankHolidays: [...SCOTLAND_2010_2012, ...scottishBankHolidays(2013, 2030)],
  workingWeekdays: [1, 2, 3, 4, 5],
  currency: GBP,
  billingPeriod: "QUARTER",
};
