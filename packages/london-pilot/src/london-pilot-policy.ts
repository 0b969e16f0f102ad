import { englandAndWalesBankHolidays, GBP, type RegionPolicy } from "@adviser-hub/domain";

/**
 * The London pilot from April 2010: 10 free days a year per borough (pooled by area), half-day
 * granularity, 550.00 default day rate, 800.00 consultant benchmark, monthly statements,
 * England and Wales bank holidays 2010 to 2030 (the GOV.UK list the domain ships).
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
  // Published to 2030, so capacity and leave work for current dates as well as the pilot years.
  bankHolidays: englandAndWalesBankHolidays,
  workingWeekdays: [1, 2, 3, 4, 5],
  currency: GBP,
  billingPeriod: "MONTH",
};
