import {
  type AdviserWeek as AdviserWeekResult,
  addDays,
  adviserWeek,
  type Fraction,
  weekCapacity,
  weekStartOf,
} from "@adviser-hub/domain";
import { type AdviserRow, capacityAdvisers, type WeekLoad, weekLoads } from "@adviser-hub/persistence";
import type { DaysValue } from "../builder.js";
import { builder } from "../builder.js";
import { ValidationError } from "../errors/index.js";
import { limits } from "../limits/index.js";
import { Adviser } from "./adviser.js";
import { regionMember } from "./scopes.js";

interface AdviserWeekValue {
  readonly region: string;
  readonly unitsPerDay: number;
  /** The adviser's row, as read for the forecast (every column of advisers). */
  readonly adviser: AdviserRow;
  readonly week: AdviserWeekResult;
}

/** An exact fraction of units as Days: scale the granularity by the denominator. */
const fractionDays = (fraction: Fraction, unitsPerDay: number): DaysValue => ({
  units: fraction.numerator,
  unitsPerDay: unitsPerDay * fraction.denominator,
});

const AdviserWeek = builder.objectRef<AdviserWeekValue>("AdviserWeek").implement({
  description: "One adviser's capacity and load in one week (rule 8).",
  fields: (t) => {
    const units = (description: string, pick: (w: AdviserWeekResult) => number) =>
      t.field({ type: "Days", description, resolve: (v) => ({ units: pick(v.week), unitsPerDay: v.unitsPerDay }) });
    return {
      // The forecast read the adviser's whole row already: no second lookup.
      adviser: t.field({ type: Adviser, description: "The adviser.", resolve: (v) => v.adviser }),
      weekStart: t.field({ type: "Date", description: "Monday of the week.", resolve: (v) => v.week.weekStart }),
      workingDays: t.int({ description: "Weekdays worked that are not bank holidays and fall inside employment.", resolve: (v) => v.week.workingDays }),
      availableDays: units("FTE x working days - leave, floored to the granularity.", (w) => w.availableUnits),
      hostCommitmentDays: t.field({
        type: "Days",
        description: "Host commitments, pro rata on short weeks (exact).",
        resolve: (v) => fractionDays(v.week.hostCommitment, v.unitsPerDay),
      }),
      reservedDays: t.field({
        type: "Days",
        description: "The rapid-response reserve held back this week (exact).",
        resolve: (v) => fractionDays(v.week.reserve, v.unitsPerDay),
      }),
      bookableDays: units("Available - host commitment - reserve, floored to the granularity.", (w) => w.bookableUnits),
      confirmedDays: units("Confirmed bookings on capacity-held strands.", (w) => w.confirmedUnits),
      tentativeDays: units("Tentative bookings on capacity-held strands.", (w) => w.tentativeUnits),
      overbookedDays: units("Confirmed + tentative beyond bookable (flagged, never refused for tentative).", (w) => w.overbookedUnits),
      rapidResponseDays: units("Rapid-response days delivered that week.", (w) => w.rapidResponseUnits),
      displacedDays: units("Confirmed project days pushed out by rapid response beyond the reserve and free room.", (w) => w.displacedUnits),
    };
  },
});

builder.queryField("capacityForecast", (t) =>
  t.field({
    type: [AdviserWeek],
    description:
      "Each adviser's capacity and bookings, week by week, from the week containing `from`. Any token of the region may read it (an aggregate with no engagement detail).",
    args: {
      region: t.arg.string({ required: true, description: "Region code." }),
      from: t.arg({ type: "Date", required: true, description: "A date in the first week (weeks start on Monday)." }),
      weeks: t.arg.int({ required: true, description: `Number of weeks, 1 to ${limits.maxForecastWeeks}.` }),
    },
    authScopes: (_root, args) => regionMember(args.region),
    resolve: async (_root, args, context) => {
      if (!Number.isInteger(args.weeks) || args.weeks < 1 || args.weeks > limits.maxForecastWeeks) {
        throw new ValidationError("weeks", `weeks must be between 1 and ${limits.maxForecastWeeks}`);
      }
      const firstWeek = weekStartOf(args.from);
      const lastWeek = addDays(firstWeek, 7 * (args.weeks - 1));
      const lastDay = addDays(lastWeek, 6);
      const [policy, advisers, loads] = await Promise.all([
        context.loaders.latestPolicy(args.region),
        capacityAdvisers(context.db, args.region, firstWeek, lastDay),
        weekLoads(context.db, args.region, firstWeek, lastWeek),
      ]);
      // Loads grouped once by adviser and week, rather than the whole list filtered per week.
      const loadsByWeek = new Map<string, WeekLoad[]>();
      for (const load of loads) {
        const key = `${load.adviserId}\u0000${load.weekStart}`;
        const list = loadsByWeek.get(key);
        if (list) list.push(load);
        else loadsByWeek.set(key, [load]);
      }
      const result: AdviserWeekValue[] = [];
      for (const adviser of advisers) {
        const row: AdviserRow = {
          region_code: args.region,
          id: adviser.id,
          name: adviser.name,
          fte_bp: adviser.fteBp,
          employed_from: adviser.employedFrom,
          employed_to: adviser.employedTo,
        };
        const leave = adviser.leave.map((entry) => ({
          regionCode: args.region,
          id: `${adviser.id}:${entry.date}`,
          adviserId: adviser.id,
          startDate: entry.date,
          endDate: entry.date,
          unitsPerDay: entry.units,
        }));
        const arrangements = adviser.arrangements.map((h) => ({
          regionCode: args.region,
          id: h.id,
          adviserId: adviser.id,
          authorityId: h.authorityId,
          startDate: h.startsOn,
          endDate: h.endsOn,
          salaryShareBp: h.salaryShareBp,
          commitmentUnitsPerWeek: h.commitmentUnitsPerWeek,
        }));
        const employee = {
          regionCode: args.region,
          id: adviser.id,
          name: adviser.name,
          fteBp: adviser.fteBp,
          employmentStart: adviser.employedFrom,
          employmentEnd: adviser.employedTo,
        };
        for (let i = 0; i < args.weeks; i++) {
          const weekStart = addDays(firstWeek, 7 * i);
          const capacity = weekCapacity(policy, { adviser: employee, weekStart, leave, arrangements });
          const week = loadsByWeek.get(`${adviser.id}\u0000${weekStart}`) ?? [];
          const bookings = week
            .filter((load) => load.source === "BOOKED" && load.status !== null)
            .map((load) => ({ units: load.units, status: load.status!, strand: load.strand }));
          const rapidResponseUnits = week
            .filter((load) => load.source === "RAPID_RESPONSE_DELIVERED")
            .reduce((sum, load) => sum + load.units, 0);
          result.push({
            region: args.region,
            unitsPerDay: policy.unitsPerDay,
            adviser: row,
            week: adviserWeek(policy, capacity, bookings, rapidResponseUnits),
          });
        }
      }
      return result;
    },
  }),
);
