import {
  type ForbiddenError,
  type RegionPolicy,
  type Result,
  type Strand,
  type ValidationError,
  STRANDS,
  commitmentDelivered,
  consultantBenchmarkDayRatePence,
  financialYearEndDate,
  financialYearStartDate,
  summariseRapidResponse,
  valueForMoney,
} from "@adviser-hub/domain";
import {
  type FunderContribution,
  type FundingFigures,
  type HostArrangementYear,
  type OutcomeCounts,
  type Queryable,
  fundingFigures,
  hostArrangementsForYear,
} from "@adviser-hub/persistence";
import { type Reader, requireReader } from "./actor.js";
import type { PolicySource } from "./policy-source.js";
import type { ReportCache } from "./report-cache.js";
import { validYear } from "./year.js";

export interface FundingReportArgs {
  readonly region: string;
  readonly year: number;
}

export interface HostCommitmentFigures {
  readonly arrangement: HostArrangementYear;
  readonly committedUnits: number;
  readonly deliveredUnits: number;
  readonly ratioBp: number;
}

/**
 * One funding report (rules 10 to 13): its parts are read lazily, each once, so a caller that
 * selects a few figures runs only the statements those need. Sums come from SQL; every rule
 * (value for money, rapid response, host commitment) is the domain's.
 */
export class FundingReport {
  private readonly cache = new Map<string, Promise<unknown>>();
  readonly yearStart: string;
  readonly yearEnd: string;
  readonly requestedFrom: Date;
  readonly requestedBefore: Date;

  constructor(
    private readonly db: Queryable,
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
      const loading = load();
      value = loading;
      this.cache.set(key, loading);
      // A report may be shared by later requests (ReportCache): a failed read is not kept.
      loading.catch(() => {
        if (this.cache.get(key) === loading) this.cache.delete(key);
      });
    }
    return value;
  }

  /**
   * Figures, contributions, charge income (a sum of the charges stored on deliveries), rapid
   * response timings and outcome counts come in one statement: a report uses them together.
   */
  figures(): Promise<FundingFigures> {
    return this.once("figures", () =>
      fundingFigures(this.db, this.region, this.year, {
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

  async daysByStrand(): Promise<{ strand: Strand; units: number }[]> {
    const byStrand = new Map((await this.figures()).deliveredUnitsByStrand.map((s) => [s.strand, s.units]));
    return STRANDS.map((strand) => ({ strand, units: byStrand.get(strand) ?? 0 }));
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

  consultantBenchmarkDayRatePence(): number {
    return consultantBenchmarkDayRatePence(this.policy, this.year);
  }

  rapidResponse(): Promise<ReturnType<typeof summariseRapidResponse>> {
    return this.once("rapid", async () => {
      const timings = (await this.figures()).rapidResponseTimings;
      return summariseRapidResponse(
        this.policy,
        timings.map((timing) => ({
          engagementId: timing.engagementId,
          requestedAt: timing.requestedAt.getTime(),
          firstOnSiteAt: timing.firstOnSiteAt?.getTime() ?? null,
        })),
      );
    });
  }

  hostCommitments(): Promise<HostCommitmentFigures[]> {
    return this.once("host", async () => {
      const arrangements = await hostArrangementsForYear(this.db, this.region, this.year, this.yearStart, this.yearEnd);
      return arrangements.map((arrangement) => {
        const result = commitmentDelivered(
          this.policy,
          {
            regionCode: this.region,
            id: arrangement.id,
            adviserId: arrangement.adviserId,
            authorityId: arrangement.authorityId,
            startDate: arrangement.startsOn,
            endDate: arrangement.endsOn,
            salaryShareBp: arrangement.salaryShareBp,
            commitmentUnitsPerWeek: arrangement.commitmentUnitsPerWeek,
          },
          this.year,
          arrangement.deliveredByDate.map((d) => ({
            adviserId: arrangement.adviserId,
            date: d.date,
            units: d.units,
            strand: "HOST_SUPPORT" as const,
            organisationHomeAuthorityId: arrangement.authorityId,
          })),
        );
        return { arrangement, committedUnits: result.committedUnits, deliveredUnits: result.deliveredUnits, ratioBp: result.ratioBp };
      });
    });
  }

  /** GSS codes of the authorities served in the year (rule 13), from the figures' one statement. */
  async servedAuthorityIds(): Promise<readonly string[]> {
    return (await this.figures()).servedAuthorityIds;
  }

  async outcomes(): Promise<OutcomeCounts> {
    return (await this.figures()).outcomes;
  }

  async demand(): Promise<{ requestedUnits: number; waitlistedUnits: number }> {
    const figures = await this.figures();
    return { requestedUnits: figures.requestedUnits, waitlistedUnits: figures.waitlistedUnits };
  }
}

export type FundingReportResult = Result<FundingReport, ValidationError | ForbiddenError>;

/**
 * The funders' report for one region and financial year. Reads nothing until a figure is asked
 * for. With a cache, one report per region, year and data version is shared by every request
 * allowed to read it (the figures are the region's, the same for every such viewer), so a
 * report already read at the current version costs one statement: the policy and version read.
 */
export async function fundingReport(
  db: Queryable,
  policies: PolicySource,
  reader: Reader,
  args: FundingReportArgs,
  cache?: ReportCache,
): Promise<FundingReportResult> {
  const denied = requireReader(reader, "fundingReport", args.region);
  if (denied) return { ok: false, error: denied };
  const year = validYear(args.year);
  if (!year.ok) return year;
  const policy = await policies.policyFor(args.region, year.value);
  const create = async () => new FundingReport(db, args.region, year.value, policy);
  if (!cache) return { ok: true, value: await create() };
  const version = await policies.dataVersion(args.region);
  return { ok: true, value: await cache.get(args.region, `fundingReport:${year.value}`, version, create) };
}
