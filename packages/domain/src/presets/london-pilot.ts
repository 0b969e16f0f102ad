import type { RegionPolicy } from "../policy/region-policy.js";
import { GBP } from "../quantities/money.js";

/**
 * The London pilot from April 2010: 10 free days a year per borough (pooled by area), half-day
 * granularity, 550.00 default day rate, 800.00 consultant benchmark, monthly statements,
 * England and Wales bank holidays 2010 to 2012.
 */
export const londonPilotPolicy: RegionPolicy = {
  code: "london",
  name: "London",
  financialYearStart: { month: 4, day: 1 },
  unitsPerDay: 2,
  freeDaysPerYear: { defaultUnits: 20, byYear: [], byHolderYear: [] },
  quotaPooling: "AREA",
  strands: {
    RAPID_RESPONSE: { consumesQuota: false, chargedAfterQuota: false, heldToCapacity: false },
    PROJECT_SUPPORT: { consumesQuota: true, chargedAfterQuota: true, heldToCapacity: true },
    HOST_SUPPORT: { consumesQuota: false, chargedAfterQuota: false, heldToCapacity: true },
    KNOWLEDGE_HUB: { consumesQuota: false, chargedAfterQuota: false, heldToCapacity: true },
    STRATEGIC: { consumesQuota: false, chargedAfterQuota: false, heldToCapacity: true },
  },
  defaultDayRate: { pence: 55_000, byYear: [] },
  consultantBenchmarkDayRate: { pence: 80_000, byYear: [] },
  rapidResponse: { reserveUnitsPerAdviserWeek: 1, targetHours: 48 },
  bankHolidays: [
    { date: "2010-01-01", name: "New Year's Day" },
    { date: "2010-04-02", name: "Good Friday" },
    { date: "2010-04-05", name: "Easter Monday" },
    { date: "2010-05-03", name: "Early May bank holiday" },
    { date: "2010-05-31", name: "Spring bank holiday" },
    { date: "2010-08-30", name: "Summer bank holiday" },
    { date: "2010-12-27", name: "Christmas Day (substitute day)" },
    { date: "2010-12-28", name: "Boxing Day (substitute day)" },
    { date: "2011-01-03", name: "New Year's Day (substitute day)" },
    { date: "2011-04-22", name: "Good Friday" },
    { date: "2011-04-25", name: "Easter Monday" },
    { date: "2011-04-29", name: "Wedding of Prince William and Catherine Middleton" },
    { date: "2011-05-02", name: "Early May bank holiday" },
    { date: "2011-05-30", name: "Spring bank holiday" },
    { date: "2011-08-29", name: "Summer bank holiday" },
    { date: "2011-12-26", name: "Boxing Day" },
    { date: "2011-12-27", name: "Christmas Day (substitute day)" },
    { date: "2012-01-02", name: "New Year's Day (substitute day)" },
    { date: "2012-04-06", name: "Good Friday" },
    { date: "2012-04-09", name: "Easter Monday" },
    { date: "2012-05-07", name: "Early May bank holiday" },
    { date: "2012-06-04", name: "Spring bank holiday (moved)" },
    { date: "2012-06-05", name: "Queen's Diamond Jubilee" },
    { date: "2012-08-27", name: "Summer bank holiday" },
    { date: "2012-12-25", name: "Christmas Day" },
    { date: "2012-12-26", name: "Boxing Day" },
  ],
  workingWeekdays: [1, 2, 3, 4, 5],
  currency: GBP,
  billingPeriod: "MONTH",
};
