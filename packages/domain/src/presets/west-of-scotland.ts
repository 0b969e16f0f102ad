import type { RegionPolicy } from "../policy/region-policy.js";
import { GBP } from "../quantities/money.js";

/**
 * A second region that copies the model with different choices: each organisation has its own
 * 6 free days, quarter-day granularity, a July financial year, quarterly statements, strategic
 * work charged as well, and Scottish bank holidays. It exists so that tests prove the rules
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
  bankHolidays: [
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
  ],
  workingWeekdays: [1, 2, 3, 4, 5],
  currency: GBP,
  billingPeriod: "QUARTER",
};
