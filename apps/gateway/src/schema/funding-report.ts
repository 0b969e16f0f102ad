import {
  commitmentDelivered,
  consultantBenchmarkDayRatePence,
  financialYearEndDate,
  financialYearStartDate,
  type RegionPolicy,
  STRANDS,
  summariseRapidResponse,
  valueForMoney,
} from "@adviser-hub/domain";
import {
  type FunderContribution,
  type FundingFigures,
  fundingFigures,
  type HostArrangementYear,
  hostArrangementsForYear,
} from "@adviser-hub/persistence";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { ValidationError } from "../errors/index.js";
import { decimalRatio, shareFromBasisPoints } from "../format/decimal.js";
import { Adviser } from "./adviser.js";
import { Authority } from "./authority.js";
import { StrandEnum } from "./enums.js";
import { Funder } from "./funder.js";
import { Money, money } from "./money.js";
import { regionMember } from "./scopes.js";

/** One report: the year's figures are read lazily, once each, whatever the fields selected. */
export class FundingReportSource {
  private readonly cache = new Map<string, Promise<unknown>>();
  readonly yearStart: string;
  readonly yearEnd: string;
  readonly requestedFrom: Date;
  readonly requestedBefore: Date;

  constructor(
    readonly context: GatewayContext,
    readonly region: string,
    readonly year: number,
    readonly policy: RegionPolicy,
  ) {
    this.yearStart = financialYearStartDate(policy, year);
    this.yearEnd = financialYearEndDate(policy, year);
    // Requests are instants: a year's requests are those from its first day, UTC.
    this.requestedFrom = new Date(`${this.yearStart}T00:00:00Z`);
    this.requestedBefore = new Date(`${financialYearStartDate(policy, year + 1)}T00:00:00Z`);
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.cache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      this.cache.set(key, value);
    }
    return value;
  }

  /** Figures, contributions, charge income, rapid response and outcomes come in one statement. */
  figures(): Promise<FundingFigures> {
    const { db } = this.context;
    return this.once("figures", () =>
      fundingFigures(db, this.region, this.year, {
        yearStart: this.yearStart,
        yearEnd: this.yearEnd,
        requestedFrom: this.requestedFrom,
        requestedBefore: this.requestedBefore,
      }),
    );
  }
  async contributions(): Promise<readonly FunderContribution[]> {
    return (await this.figures()).contributions;
  }
  async chargeIncome(): Promise<number> {
    return (await this.figures()).chargeIncomePence;
  }
  hostArrangements(): Promise<HostArrangementYear[]> {
    return this.once("host", () => hostArrangementsForYear(this.context.db, this.region, this.year, this.yearStart, this.yearEnd));
  }
  async valueForMoney() {
    const figures = await this.figures();
    return valueForMoney(this.policy, {
      year: this.year,
      programmeCostPence: figures.programmeCostPence,
      chargeIncomePence: figures.chargeIncomePence,
      deliveredUnits: figures.deliveredUnits,
      servedAuthorityIds: figures.servedAuthorityIds,
      authorityCount: figures.authorityCount,
    });
  }
  days(units: number) {
    return { units, unitsPerDay: this.policy.unitsPerDay };
  }
}

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

const Coverage = builder.objectRef<{ served: number; total: number; shareBp: number }>("Coverage").implement({
  description: "Authorities that received any delivery in the year, of all the region's authorities.",
  fields: (t) => ({
    served: t.exposeInt("served", { description: "Authorities whose organisations received any delivery." }),
    total: t.exposeInt("total", { description: "All authorities of the region." }),
    share: t.string({ description: "served / total as a decimal (\"0.9091\").", resolve: (c) => shareFromBasisPoints(c.shareBp) }),
  }),
});

type RapidResponseValue = ReturnType<typeof summariseRapidResponse>;
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

interface HostCommitmentValue {
  readonly region: string;
  readonly arrangement: HostArrangementYear;
  readonly committedUnits: number;
  readonly deliveredUnits: number;
  readonly ratioBp: number;
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

const OutcomeSummary = builder.objectRef<{ improved: number; worsened: number; unchanged: number }>("OutcomeSummary").implement({
  description: "Outcome indicators measured in the year, judged on their latest measurement against baseline (rule 11).",
  fields: (t) => ({
    improved: t.exposeInt("improved", { description: "Moved in the good direction." }),
    worsened: t.exposeInt("worsened", { description: "Moved in the bad direction." }),
    unchanged: t.exposeInt("unchanged", { description: "No change from baseline." }),
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

const FundingReport = builder.objectRef<FundingReportSource>("FundingReport").implement({
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
      description: "Charges for the year's deliveries, recomputed from scratch (free quota first, rule 3 to 5).",
      resolve: async (r) => money(await r.chargeIncome()),
    }),
    daysDelivered: t.field({
      type: "Days",
      description: "Days delivered on all strands in the year.",
      resolve: async (r) => r.days((await r.figures()).deliveredUnits),
    }),
    daysByStrand: t.field({
      type: [StrandDays],
      description: "Days delivered per strand (every strand listed, zero included).",
      resolve: async (r) => {
        const byStrand = new Map((await r.figures()).deliveredUnitsByStrand.map((s) => [s.strand, s.units]));
        return STRANDS.map((strand) => ({ strand, units: byStrand.get(strand) ?? 0, unitsPerDay: r.policy.unitsPerDay }));
      },
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
      resolve: (r) => money(consultantBenchmarkDayRatePence(r.policy, r.year)),
    }),
    coverage: t.field({
      type: Coverage,
      description: "Authorities served of all authorities (rule 13).",
      resolve: async (r) => (await r.valueForMoney()).coverage,
    }),
    rapidResponse: t.field({
      type: RapidResponseSummary,
      description: "Rapid-response engagements requested in the year: count, median and share within target.",
      resolve: async (r) => {
        const timings = (await r.figures()).rapidResponseTimings;
        return summariseRapidResponse(
          r.policy,
          timings.map((timing) => ({
            engagementId: timing.engagementId,
            requestedAt: timing.requestedAt.getTime(),
            firstOnSiteAt: timing.firstOnSiteAt?.getTime() ?? null,
          })),
        );
      },
    }),
    hostCommitments: t.field({
      type: [HostCommitment],
      description: "Each host arrangement active in the year: committed against delivered days.",
      resolve: async (r) =>
        (await r.hostArrangements()).map((arrangement) => {
          const result = commitmentDelivered(
            r.policy,
            {
              regionCode: r.region,
              id: arrangement.id,
              adviserId: arrangement.adviserId,
              authorityId: arrangement.authorityId,
              startDate: arrangement.startsOn,
              endDate: arrangement.endsOn,
              salaryShareBp: arrangement.salaryShareBp,
              commitmentUnitsPerWeek: arrangement.commitmentUnitsPerWeek,
            },
            r.year,
            arrangement.deliveredByDate.map((d) => ({
              adviserId: arrangement.adviserId,
              date: d.date,
              units: d.units,
              strand: "HOST_SUPPORT" as const,
              organisationHomeAuthorityId: arrangement.authorityId,
            })),
          );
          return {
            region: r.region,
            arrangement,
            committedUnits: result.committedUnits,
            deliveredUnits: result.deliveredUnits,
            ratioBp: result.ratioBp,
            unitsPerDay: r.policy.unitsPerDay,
          };
        }),
    }),
    outcomes: t.field({
      type: OutcomeSummary,
      description: "Outcome indicators measured in the year: improved, worsened, unchanged.",
      resolve: async (r) => (await r.figures()).outcomes,
    }),
    demand: t.field({
      type: Demand,
      description: "What was asked for in the year, and what had to wait.",
      resolve: async (r) => {
        const figures = await r.figures();
        return { requestedUnits: figures.requestedUnits, waitlistedUnits: figures.waitlistedUnits, unitsPerDay: r.policy.unitsPerDay };
      },
    }),
  }),
});

export const validYear = (year: number, field = "year"): number => {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new ValidationError(field, "year must be between 1900 and 2999");
  return year;
};

builder.queryField("fundingReport", (t) =>
  t.field({
    type: FundingReport,
    description:
      "The funders' report for one region and financial year. Region staff, its authorities and the funders that fund it may read it.",
    args: {
      region: t.arg.string({ required: true, description: "Region code (\"london\")." }),
      year: t.arg.int({ required: true, description: "Financial year, named by the year it starts in." }),
    },
    authScopes: (_root, args) => regionMember(args.region),
    resolve: async (_root, args, context) => {
      const year = validYear(args.year);
      return new FundingReportSource(context, args.region, year, await context.loaders.policyFor(args.region, year));
    },
  }),
);
