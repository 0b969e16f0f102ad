import { type RegionPolicy, addDays, financialYearOf, isoWeekday } from "@adviser-hub/domain";
import { londonAuthorities } from "../london-authorities.js";
import { londonPilotPolicy } from "../london-pilot-policy.js";
import { Prng } from "../prng.js";
import { seedAdvisers, seedHostArrangements, seedLeave } from "./advisers.js";
import { type SeedBenchmarks, buildBenchmarks } from "./benchmarks.js";
import { buildEngagementSpecs } from "./engagement-specs.js";
import { seedContributions, seedFunders } from "./funders.js";
import { orgId, seedOrganisations } from "./organisations.js";
import { type Plan, planPilot } from "./plan.js";

// The whole London pilot as plain data, computed once from fixed inputs and one seeded
// generator: the same objects on every call, before anything touches a database.

export const LONDON = "london";
/** One fixed seed for the pilot's synthetic parts: change it and every synthetic figure changes. */
export const LONDON_SEED = 20100401;
/** The seed's "today": deliveries run to here, bookings a few weeks beyond. */
export const SEED_AS_OF = "2011-11-30";
/** Statements are issued for every month of the 2010 financial year, on this day of the next. */
export const STATEMENT_ISSUE_DAY = 10;
export const STATEMENT_MONTHS = [
  "2010-04", "2010-05", "2010-06", "2010-07", "2010-08", "2010-09",
  "2010-10", "2010-11", "2010-12", "2011-01", "2011-02", "2011-03",
] as const;

export interface SeedLeaveDay {
  readonly adviserId: string;
  readonly leaveOn: string;
  readonly units: number;
}

export interface SeedRate {
  readonly organisationId: string;
  readonly financialYear: number;
  readonly dayRatePence: number;
}

export interface LondonPilotData {
  readonly policy: RegionPolicy;
  readonly plan: Plan;
  readonly leaveDays: readonly SeedLeaveDay[];
  readonly rates: readonly SeedRate[];
  readonly benchmarks: SeedBenchmarks;
  /** Financial year of each planned delivery, in plan order. */
  readonly deliveryYears: readonly number[];
}

/** Negotiated day rates for boroughs that asked for more than their free days. */
const negotiatedRates: readonly SeedRate[] = [
  { organisationId: orgId("E09000030", "council"), financialYear: 2010, dayRatePence: 50_000 },
  { organisationId: orgId("E09000030", "council"), financialYear: 2011, dayRatePence: 52_500 },
  { organisationId: orgId("E09000010", "council"), financialYear: 2010, dayRatePence: 52_500 },
  { organisationId: orgId("E09000025", "council"), financialYear: 2011, dayRatePence: 50_000 },
];

/**
 * Chargeable deliveries typed up after their month was billed: the issued statement never saw
 * them, so the next one carries an adjustment (rule 6). The last, for March 2011, comes after
 * the seed's final statements and is still pending at the seed's "today". (eng-0073 is the
 * synthetic Tower Hamlets project that runs past the borough's free days.)
 */
const lateRecordings = [
  { engagementId: "eng-0004", month: "2010-10", recordedOn: "2010-11-15" },
  { engagementId: "eng-0004", month: "2010-11", recordedOn: "2010-12-20" },
  { engagementId: "eng-0073", month: "2011-03", recordedOn: "2011-04-18" },
];

let cached: LondonPilotData | undefined;

export function londonPilotData(): LondonPilotData {
  if (cached) return cached;
  const policy = londonPilotPolicy;
  // The seed's figures are written in half days; a preset with another granularity is a bug.
  if (policy.unitsPerDay !== 2) throw new Error("the London seed is written in half-day units");
  const prng = new Prng(LONDON_SEED);
  const specs = buildEngagementSpecs(prng);
  const bankHolidays = new Set(policy.bankHolidays.map((h) => h.date));
  const plan = planPilot({
    advisers: seedAdvisers,
    leave: seedLeave,
    hostArrangements: seedHostArrangements,
    specs,
    calendar: {
      bankHolidays,
      unitsPerDay: policy.unitsPerDay,
      reserveUnitsPerAdviserWeek: policy.rapidResponse.reserveUnitsPerAdviserWeek,
      asOf: SEED_AS_OF,
      bookingWeeksAhead: 8,
    },
    prng,
    lateRecordings,
  });
  const benchmarks = buildBenchmarks(prng);

  const leaveDays: SeedLeaveDay[] = [];
  for (const l of seedLeave) {
    for (let d = l.startDate; d <= l.endDate; d = addDays(d, 1)) {
      if (isoWeekday(d) > 5 || bankHolidays.has(d)) continue;
      leaveDays.push({ adviserId: l.adviserId, leaveOn: d, units: policy.unitsPerDay });
    }
  }
  cached = {
    policy,
    plan,
    leaveDays,
    rates: negotiatedRates,
    benchmarks,
    deliveryYears: plan.deliveries.map((d) => financialYearOf(policy, d.date)),
  };
  return cached;
}

export { londonAuthorities, seedAdvisers, seedContributions, seedFunders, seedHostArrangements, seedOrganisations };
