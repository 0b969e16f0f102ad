import { decimalRatio, shareFromBasisPoints } from "@adviser-hub/domain";
import { type DemandAndCapacityReport, demandAndCapacity } from "@adviser-hub/service";
import { builder } from "../builder.js";
import { limits } from "../limits/index.js";
import { orThrow, readerOf } from "./mutation-support.js";
import { useCaseScopes } from "./scopes.js";

const DemandWeek = builder.objectRef<{ weekStart: string; bookableUnits: number; unitsPerDay: number }>("DemandWeek").implement({
  description: "One week of the horizon: the bookable capacity of all the region's advisers.",
  fields: (t) => ({
    weekStart: t.field({ type: "Date", description: "Monday of the week.", resolve: (w) => w.weekStart }),
    bookableDays: t.field({
      type: "Days",
      description: "Bookable days over all advisers that week (as in capacityForecast).",
      resolve: (w) => ({ units: w.bookableUnits, unitsPerDay: w.unitsPerDay }),
    }),
  }),
});

const DemandAndCapacity = builder.objectRef<DemandAndCapacityReport>("DemandAndCapacity").implement({
  description:
    "The region's demand against its capacity over a horizon (rule 14): accepted or active estimates not yet delivered plus waitlisted requests, against the advisers' bookable days.",
  fields: (t) => {
    const days = (description: string, pick: (r: DemandAndCapacityReport) => number) =>
      t.field({ type: "Days", description, resolve: (r) => ({ units: pick(r), unitsPerDay: r.unitsPerDay }) });
    return {
      horizonWeeks: t.int({ description: "Weeks in the horizon.", resolve: (r) => r.figures.horizonWeeks }),
      weeks: t.field({
        type: [DemandWeek],
        description: "Each week of the horizon with its bookable days, in week order.",
        resolve: (r) => r.weeks.map((w) => ({ ...w, unitsPerDay: r.unitsPerDay })),
      }),
      acceptedOutstandingDays: days("Accepted or active engagements' estimates not yet delivered.", (r) => r.figures.acceptedOutstandingUnits),
      waitlistedDays: days("Estimates of waitlisted requests.", (r) => r.figures.waitlistedUnits),
      requestedDays: days("Estimates of requests not yet decided: shown, not counted in demand.", (r) => r.figures.requestedUnits),
      demandDays: days("Demand: accepted outstanding plus waitlisted.", (r) => r.figures.demandUnits),
      bookableDays: days("Bookable days over the horizon, all advisers.", (r) => r.figures.bookableUnits),
      utilisation: t.string({
        description: "demand / bookable as a decimal (\"1.8\"); may exceed 1; \"0\" with neither.",
        resolve: (r) => shareFromBasisPoints(r.figures.utilisationBp),
      }),
      backlogWeeks: t.string({
        nullable: true,
        description: "Weeks of the horizon's average bookable capacity the demand would take, two decimals; null with no capacity.",
        resolve: (r) => (r.figures.backlogWeeks === null ? null : decimalRatio(r.figures.backlogWeeks.numerator, r.figures.backlogWeeks.denominator, 2)),
      }),
      backlogWeeksRoundedUp: t.int({
        nullable: true,
        description: "backlogWeeks rounded up to whole weeks; null with no capacity.",
        resolve: (r) => r.figures.backlogWeeksRoundedUp,
      }),
    };
  },
});

builder.queryField("demandAndCapacity", (t) =>
  t.field({
    type: DemandAndCapacity,
    description:
      "The region's demand against its bookable capacity over the weeks from the week containing `from`. Any token of the region may read it (an aggregate with no engagement detail).",
    args: {
      region: t.arg.string({ required: true, description: "Region code." }),
      from: t.arg({ type: "Date", required: true, description: "A date in the first week (weeks start on Monday)." }),
      weeks: t.arg.int({ required: true, description: `Number of weeks, 1 to ${limits.maxForecastWeeks}.` }),
    },
    authScopes: (_root, args) => useCaseScopes("demandAndCapacity", args.region),
    resolve: async (_root, args, context) =>
      orThrow(
        await demandAndCapacity(context.reportDb, context.reportLoaders, readerOf(context), {
          region: args.region,
          from: args.from,
          weeks: args.weeks,
          maxWeeks: limits.maxForecastWeeks,
        }),
      ),
  }),
);
