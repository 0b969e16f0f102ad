import type { Fraction } from "@adviser-hub/domain";
import { capacityForecast, type ForecastWeek } from "@adviser-hub/service";
import type { DaysValue } from "../builder.js";
import { builder } from "../builder.js";
import { limits } from "../limits/index.js";
import { Adviser } from "./adviser.js";
import { orThrow, readerOf } from "./mutation-support.js";
import { useCaseScopes } from "./scopes.js";

interface AdviserWeekValue extends ForecastWeek {
  readonly region: string;
}

/** An exact fraction of units as Days: scale the granularity by the denominator. */
const fractionDays = (fraction: Fraction, unitsPerDay: number): DaysValue => ({
  units: fraction.numerator,
  unitsPerDay: unitsPerDay * fraction.denominator,
});

const AdviserWeek = builder.objectRef<AdviserWeekValue>("AdviserWeek").implement({
  description: "One adviser's capacity and load in one week (rule 8).",
  fields: (t) => {
    const units = (description: string, pick: (w: ForecastWeek["week"]) => number) =>
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
    authScopes: (_root, args) => useCaseScopes("capacityForecast", args.region),
    resolve: async (_root, args, context) => {
      const weeks = orThrow(
        await capacityForecast(context.reportDb, context.reportLoaders, readerOf(context), {
          region: args.region,
          from: args.from,
          weeks: args.weeks,
          maxWeeks: limits.maxForecastWeeks,
        }, context.reports),
      );
      return weeks.map((week) => ({ ...week, region: args.region }));
    },
  }),
);
