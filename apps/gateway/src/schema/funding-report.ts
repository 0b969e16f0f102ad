import { decimalRatio, type STRANDS, shareFromBasisPoints } from "@adviser-hub/domain";
import { type FunderContribution, type FundingReport as FundingReportValue, fundingReport, type HostCommitmentFigures } from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { Adviser } from "./adviser.js";
import { Authority } from "./authority.js";
import { StrandEnum } from "./enums.js";
import { Funder } from "./funder.js";
import { Money, money } from "./money.js";
import { orThrow, readerOf } from "./mutation-support.js";
import { useCaseScopes } from "./scopes.js";

const StrandDays = builder.objectRef<{ strand: (typeof STRANDS)[number]; units: number; unitsPerDay: number }>("StrandDays").implement({
  description: "Days delivered on one strand.",
  fields: (t) => ({
    strand: t.field({ type: StrandEnum, description: "The strand.", resolve: (s) => s.strand }),
    days: t.field({ type: "Days", description: "Days delivered on it.", resolve: (s) => ({ units: s.units, unitsPerDay: s.unitsPerDay }) }),
  }),
});

const FunderShare = builder.objectRef<{ region: string; contribution: FunderContribution }>("FunderContribution").implement({
  description: "What one funder contributed for the year.",
  fields: (t) => ({
    funder: t.field({
      type: Funder,
      description: "The funder.",
      // The contribution was read with its funder's row (id and name): no second lookup.
      resolve: (s) => ({ region_code: s.region, id: s.contribution.funderId, name: s.contribution.name }),
    }),
    contribution: t.field({ type: Money, description: "Its contribution.", resolve: (s) => money(s.contribution.amountPence) }),
  }),
});

interface CoverageValue {
  readonly served: number;
  readonly total: number;
  readonly shareBp: number;
  readonly region: string;
  readonly servedAuthorityIds: readonly string[];
}

const Coverage = builder.objectRef<CoverageValue>("Coverage").implement({
  description: "Authorities that received any delivery in the year, of all the region's authorities.",
  fields: (t) => ({
    servedAuthorities: t.field({
      type: [Authority],
      description: "The authorities served, by GSS code: those whose organisations received any delivery in the year.",
      // The codes come with the report's figures; the rows through the Authority loader, one batch.
      resolve: (c) => [...c.servedAuthorityIds].sort().map((id) => regionalKey(c.region, id)),
    }),
    served: t.exposeInt("served", { description: "Authorities whose organisations received any delivery." }),
    total: t.exposeInt("total", { description: "All authorities of the region." }),
    share: t.string({ description: "served / total as a decimal (\"0.9091\").", resolve: (c) => shareFromBasisPoints(c.shareBp) }),
  }),
});

type RapidResponseValue = Awaited<ReturnType<FundingReportValue["rapidResponse"]>>;
const RapidResponseSummary = builder.objectRef<RapidResponseValue>("RapidResponseSummary").implement({
  description: "Rapid-response times: first on-site delivery minus request time (rule 10).",
  fields: (t) => ({
    count: t.exposeInt("count", { description: "Rapid-response engagements requested in the year with someone on site." }),
    pendingCount: t.exposeInt("pendingCount", { description: "Those still waiting for anyone on site." }),
    medianMinutes: t.exposeInt("medianMinutes", { nullable: true, description: "Median response in whole minutes." }),
    medianHours: t.string({
      nullable: true,
      description: "Median response in hours, exact decimal to two places (\"3.25\").",
      resolve: (s) => (s.medianMinutes === null ? null : decimalRatio(s.medianMinutes, 60, 2)),
    }),
    targetHours: t.exposeInt("targetHours", { description: "The region's response target in hours." }),
    withinTargetShare: t.string({
      description: "Share of responses within target as a decimal (\"0.75\").",
      resolve: (s) => shareFromBasisPoints(s.withinTargetBp),
    }),
  }),
});

interface HostCommitmentValue extends HostCommitmentFigures {
  readonly unitsPerDay: number;
}

const HostCommitment = builder.objectRef<HostCommitmentValue>("HostCommitment").implement({
  description: "A host arrangement's regular commitment against what was delivered in the year (rule 7).",
  fields: (t) => ({
    // The arrangement was read with both rows: no second lookup.
    adviser: t.field({ type: Adviser, description: "The hosted adviser.", resolve: (h) => h.arrangement.adviser }),
    authority: t.field({ type: Authority, description: "The host authority.", resolve: (h) => h.arrangement.authority }),
    committedDays: t.field({
      type: "Days",
      description: "Days committed in the year: the weekly commitment pro rata over working days covered, rounded half up to units.",
      resolve: (h) => ({ units: h.committedUnits, unitsPerDay: h.unitsPerDay }),
    }),
    deliveredDays: t.field({
      type: "Days",
      description: "Host-support days the adviser delivered to the authority's organisations.",
      resolve: (h) => ({ units: h.deliveredUnits, unitsPerDay: h.unitsPerDay }),
    }),
    deliveredShare: t.string({ description: "delivered / committed as a decimal.", resolve: (h) => shareFromBasisPoints(h.ratioBp) }),
  }),
});

const OutcomeSummary = builder.objectRef<{ improved: number; worsened: number; unchanged: number; targetMet: number }>("OutcomeSummary").implement({
  description: "Outcome indicators measured in the year, judged on their latest measurement against baseline (rule 11).",
  fields: (t) => ({
    improved: t.exposeInt("improved", { description: "Moved in the good direction." }),
    worsened: t.exposeInt("worsened", { description: "Moved in the bad direction." }),
    unchanged: t.exposeInt("unchanged", { description: "No change from baseline." }),
    targetMet: t.exposeInt("targetMet", {
      description: "Of those, the indicators whose latest measurement reaches their target (decided when it was recorded).",
    }),
  }),
});

const Demand = builder.objectRef<{ requestedUnits: number; waitlistedUnits: number; unitsPerDay: number }>("Demand").implement({
  description: "Demand in the year: estimates of what was requested, and of what had to wait.",
  fields: (t) => ({
    requestedDays: t.field({
      type: "Days",
      description: "Estimated days of every engagement requested in the year.",
      resolve: (d) => ({ units: d.requestedUnits, unitsPerDay: d.unitsPerDay }),
    }),
    waitlistedDays: t.field({
      type: "Days",
      description: "Estimated days of the year's requests that were waitlisted at some point.",
      resolve: (d) => ({ units: d.waitlistedUnits, unitsPerDay: d.unitsPerDay }),
    }),
  }),
});

const FundingReport = builder.objectRef<FundingReportValue>("FundingReport").implement({
  description: "Value for money of one financial year: what the programme cost, what it delivered, for whom, and how well.",
  fields: (t) => ({
    year: t.int({ description: "Financial year, named by the year it starts in (2010 = 2010-11).", resolve: (r) => r.year }),
    programmeCost: t.field({
      type: Money,
      description: "Programme cost for the year: the sum of funders' contributions.",
      resolve: async (r) => money((await r.figures()).programmeCostPence),
    }),
    funders: t.field({
      type: [FunderShare],
      description: "Each funder's contribution for the year.",
      resolve: async (r) => (await r.contributions()).map((contribution) => ({ region: r.region, contribution })),
    }),
    chargeIncome: t.field({
      type: Money,
      description: "Charges for the year's deliveries: the sum of the charges stored on its live deliveries, each decided when the delivery was written (free quota first, rules 3 to 5).",
      resolve: async (r) => money(await r.chargeIncome()),
    }),
    daysDelivered: t.field({
      type: "Days",
      description: "Days delivered on all strands in the year.",
      resolve: async (r) => days(r, (await r.figures()).deliveredUnits),
    }),
    daysByStrand: t.field({
      type: [StrandDays],
      description: "Days delivered per strand (every strand listed, zero included).",
      resolve: async (r) => (await r.daysByStrand()).map((s) => ({ ...s, unitsPerDay: r.policy.unitsPerDay })),
    }),
    costPerDeliveredDay: t.field({
      type: Money,
      nullable: true,
      description: "Programme cost / days delivered, rounded half up to the penny; null with no delivery.",
      resolve: async (r) => {
        const value = (await r.valueForMoney()).costPerDeliveredDayPence;
        return value === null ? null : money(value);
      },
    }),
    netCostPerDeliveredDay: t.field({
      type: Money,
      nullable: true,
      description: "(Programme cost - charge income) / days delivered; null with no delivery.",
      resolve: async (r) => {
        const value = (await r.valueForMoney()).netCostPerDeliveredDayPence;
        return value === null ? null : money(value);
      },
    }),
    consultantBenchmarkDayRate: t.field({
      type: Money,
      description: "The region's benchmark day rate for interim consultants that year (policy).",
      resolve: (r) => money(r.consultantBenchmarkDayRatePence()),
    }),
    coverage: t.field({
      type: Coverage,
      description: "Authorities served of all authorities (rule 13).",
      resolve: async (r) => ({
        ...(await r.valueForMoney()).coverage,
        region: r.region,
        servedAuthorityIds: await r.servedAuthorityIds(),
      }),
    }),
    rapidResponse: t.field({
      type: RapidResponseSummary,
      description: "Rapid-response engagements requested in the year: count, median and share within target.",
      resolve: (r) => r.rapidResponse(),
    }),
    hostCommitments: t.field({
      type: [HostCommitment],
      description: "Each host arrangement active in the year: committed against delivered days.",
      resolve: async (r) => (await r.hostCommitments()).map((h) => ({ ...h, unitsPerDay: r.policy.unitsPerDay })),
    }),
    outcomes: t.field({
      type: OutcomeSummary,
      description: "Outcome indicators measured in the year: improved, worsened, unchanged.",
      resolve: (r) => r.outcomes(),
    }),
    demand: t.field({
      type: Demand,
      description: "What was asked for in the year, and what had to wait.",
      resolve: async (r) => ({ ...(await r.demand()), unitsPerDay: r.policy.unitsPerDay }),
    }),
  }),
});

const days = (r: FundingReportValue, units: number) => ({ units, unitsPerDay: r.policy.unitsPerDay });

builder.queryField("fundingReport", (t) =>
  t.field({
    type: FundingReport,
    description:
      "The funders' report for one region and financial year. Region staff, its authorities and the funders that fund it may read it.",
    args: {
      region: t.arg.string({ required: true, description: "Region code (\"london\")." }),
      year: t.arg.int({ required: true, description: "Financial year, named by the year it starts in." }),
    },
    authScopes: (_root, args) => useCaseScopes("fundingReport", args.region),
    resolve: async (_root, args, context) =>
      orThrow(await fundingReport(context.reportDb, context.reportLoaders, readerOf(context), { region: args.region, year: args.year }, context.reports)),
  }),
);
