/**
 * The reports `GET /export/<name>.csv` serves. Each is a GraphQL operation on the public
 * contract plus a flattening of its answer into rows; the rows are what a spreadsheet reads.
 * Money is exported as the exact pounds decimal (`amount`), days as exact decimals.
 */
export type CsvCell = string | number | boolean | null;
export type CsvRow = Record<string, CsvCell>;

export interface ExportParameter {
  readonly name: string;
  readonly kind: "string" | "int" | "date";
  /** Used when the query string leaves it out; required when absent. */
  readonly default?: string;
}

export interface ExportReport {
  readonly parameters: readonly ExportParameter[];
  readonly query: string;
  readonly columns: readonly string[];
  readonly rows: (data: never) => CsvRow[];
}

interface Money {
  amount: string;
}

interface FundingReportData {
  fundingReport: {
    year: number;
    programmeCost: Money;
    funders: { funder: { code: string; name: string }; contribution: Money }[];
    chargeIncome: Money;
    daysDelivered: string;
    daysByStrand: { strand: string; days: string }[];
    costPerDeliveredDay: Money | null;
    netCostPerDeliveredDay: Money | null;
    consultantBenchmarkDayRate: Money;
    coverage: { served: number; total: number; share: string };
    rapidResponse: { count: number; pendingCount: number; medianHours: string | null; targetHours: number; withinTargetShare: string };
    hostCommitments: {
      adviser: { name: string };
      authority: { code: string; name: string };
      committedDays: string;
      deliveredDays: string;
      deliveredShare: string;
    }[];
    outcomes: { improved: number; worsened: number; unchanged: number };
    demand: { requestedDays: string; waitlistedDays: string };
  };
}

const fundingReport: ExportReport = {
  parameters: [
    { name: "region", kind: "string" },
    { name: "year", kind: "int" },
  ],
  query: /* GraphQL */ `
    query FundingReportExport($region: String!, $year: Int!) {
      fundingReport(region: $region, year: $year) {
        year
        programmeCost { amount }
        funders { funder { code name } contribution { amount } }
        chargeIncome { amount }
        daysDelivered
        daysByStrand { strand days }
        costPerDeliveredDay { amount }
        netCostPerDeliveredDay { amount }
        consultantBenchmarkDayRate { amount }
        coverage { served total share }
        rapidResponse { count pendingCount medianHours targetHours withinTargetShare }
        hostCommitments { adviser { name } authority { code name } committedDays deliveredDays deliveredShare }
        outcomes { improved worsened unchanged }
        demand { requestedDays waitlistedDays }
      }
    }
  `,
  columns: ["year", "section", "item", "value", "unit"],
  rows: (data: FundingReportData) => {
    const r = data.fundingReport;
    const row = (section: string, item: string, value: CsvCell, unit: string): CsvRow => ({ year: r.year, section, item, value, unit });
    return [
      row("cost", "Programme cost", r.programmeCost.amount, "GBP"),
      ...r.funders.map((f) => row("contribution", f.funder.name, f.contribution.amount, "GBP")),
      row("cost", "Charge income", r.chargeIncome.amount, "GBP"),
      row("days", "Days delivered", r.daysDelivered, "days"),
      ...r.daysByStrand.map((s) => row("days by strand", s.strand, s.days, "days")),
      row("value for money", "Cost per delivered day (gross)", r.costPerDeliveredDay?.amount ?? null, "GBP"),
      row("value for money", "Cost per delivered day (net of charge income)", r.netCostPerDeliveredDay?.amount ?? null, "GBP"),
      row("value for money", "Consultant benchmark day rate", r.consultantBenchmarkDayRate.amount, "GBP"),
      row("coverage", "Authorities served", r.coverage.served, "authorities"),
      row("coverage", "Authorities in the region", r.coverage.total, "authorities"),
      row("coverage", "Share served", r.coverage.share, "share"),
      row("rapid response", "Responses", r.rapidResponse.count, "count"),
      row("rapid response", "Waiting for anyone on site", r.rapidResponse.pendingCount, "count"),
      row("rapid response", "Median response", r.rapidResponse.medianHours, "hours"),
      row("rapid response", "Target", r.rapidResponse.targetHours, "hours"),
      row("rapid response", "Share within target", r.rapidResponse.withinTargetShare, "share"),
      ...r.hostCommitments.flatMap((h) => [
        row("host commitment", `${h.adviser.name} at ${h.authority.name}: committed`, h.committedDays, "days"),
        row("host commitment", `${h.adviser.name} at ${h.authority.name}: delivered`, h.deliveredDays, "days"),
      ]),
      row("outcomes", "Improved", r.outcomes.improved, "indicators"),
      row("outcomes", "Worsened", r.outcomes.worsened, "indicators"),
      row("outcomes", "Unchanged", r.outcomes.unchanged, "indicators"),
      row("demand", "Requested", r.demand.requestedDays, "days"),
      row("demand", "Waitlisted", r.demand.waitlistedDays, "days"),
    ];
  },
};

interface QuotaData {
  quotaStatement: {
    holder: string;
    year: number;
    lines: {
      date: string;
      deliveryCode: string;
      organisationName: string;
      engagementCode: string;
      engagementTitle: string;
      strand: string;
      days: string;
      freeDays: string;
      quotaDays: string;
      chargeableDays: string;
      dayRate: Money | null;
      charge: Money;
    }[];
  };
}

const quotaStatement: ExportReport = {
  parameters: [
    { name: "region", kind: "string" },
    { name: "holder", kind: "string" },
    { name: "year", kind: "int" },
  ],
  query: /* GraphQL */ `
    query QuotaStatementExport($region: String!, $holder: String!, $year: Int!) {
      quotaStatement(region: $region, holder: $holder, year: $year) {
        holder
        year
        lines {
          date deliveryCode organisationName engagementCode engagementTitle strand
          days freeDays quotaDays chargeableDays dayRate { amount } charge { amount }
        }
      }
    }
  `,
  columns: [
    "holder", "year", "date", "delivery", "organisation", "engagement", "engagement_title", "strand",
    "days", "free_days", "quota_days", "chargeable_days", "day_rate_gbp", "charge_gbp",
  ],
  rows: (data: QuotaData) =>
    data.quotaStatement.lines.map((line) => ({
      holder: data.quotaStatement.holder,
      year: data.quotaStatement.year,
      date: line.date,
      delivery: line.deliveryCode,
      organisation: line.organisationName,
      engagement: line.engagementCode,
      engagement_title: line.engagementTitle,
      strand: line.strand,
      days: line.days,
      free_days: line.freeDays,
      quota_days: line.quotaDays,
      chargeable_days: line.chargeableDays,
      day_rate_gbp: line.dayRate?.amount ?? null,
      charge_gbp: line.charge.amount,
    })),
};

interface CapacityData {
  capacityForecast: ({ adviser: { code: string; name: string }; weekStart: string } & Record<string, string | number | object>)[];
}

const capacityFields = [
  "workingDays", "availableDays", "hostCommitmentDays", "reservedDays", "bookableDays", "confirmedDays",
  "tentativeDays", "overbookedDays", "rapidResponseDays", "displacedDays",
] as const;

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const capacityForecast: ExportReport = {
  parameters: [
    { name: "region", kind: "string" },
    { name: "from", kind: "date" },
    { name: "weeks", kind: "int", default: "13" },
  ],
  query: /* GraphQL */ `
    query CapacityForecastExport($region: String!, $from: Date!, $weeks: Int!) {
      capacityForecast(region: $region, from: $from, weeks: $weeks) {
        adviser { code name }
        weekStart
        ${capacityFields.join("\n        ")}
      }
    }
  `,
  columns: ["adviser_code", "adviser", "week_start", ...capacityFields.map(snake)],
  rows: (data: CapacityData) =>
    data.capacityForecast.map((week) => {
      const row: CsvRow = { adviser_code: week.adviser.code, adviser: week.adviser.name, week_start: week.weekStart };
      for (const field of capacityFields) row[snake(field)] = week[field] as string | number;
      return row;
    }),
};

interface BenchmarkData {
  benchmark: {
    measure: string;
    year: number;
    regionRate: string | null;
    rows: {
      authority: { code: string; name: string };
      population: number;
      value: number | null;
      rate: string | null;
      rank: number | null;
      outlier: string | null;
      suppressed: boolean;
    }[];
  };
}

const benchmark: ExportReport = {
  parameters: [
    { name: "region", kind: "string" },
    { name: "year", kind: "int" },
    { name: "measure", kind: "string" },
  ],
  query: /* GraphQL */ `
    query BenchmarkExport($region: String!, $year: Int!, $measure: BenchmarkMeasure!) {
      benchmark(region: $region, year: $year, measure: $measure) {
        measure year regionRate
        rows { authority { code name } population value rate rank outlier suppressed }
      }
    }
  `,
  columns: [
    "measure", "year", "authority_code", "authority", "population", "value", "rate_per_10000", "region_rate_per_10000",
    "rank", "outlier", "suppressed",
  ],
  // A suppressed count is exported as the published 'c', never as zero or a blank.
  rows: (data: BenchmarkData) =>
    data.benchmark.rows.map((row) => ({
      measure: data.benchmark.measure,
      year: data.benchmark.year,
      authority_code: row.authority.code,
      authority: row.authority.name,
      population: row.population,
      value: row.suppressed ? "c" : row.value,
      rate_per_10000: row.suppressed ? "c" : row.rate,
      region_rate_per_10000: data.benchmark.regionRate,
      rank: row.rank,
      outlier: row.outlier,
      suppressed: row.suppressed,
    })),
};

interface WaitlistData {
  region: {
    engagements: {
      edges: {
        node: {
          code: string;
          title: string;
          strand: string;
          estimate: string;
          earliestStartWeek: string | null;
          requestedAt: string;
          organisation: { name: string; homeAuthority: { code: string; name: string } | null };
        };
      }[];
    };
  } | null;
}

const waitlist: ExportReport = {
  parameters: [{ name: "region", kind: "string" }],
  query: /* GraphQL */ `
    query WaitlistExport($region: String!) {
      region(code: $region) {
        engagements(first: 100, status: [WAITLISTED]) {
          edges { node { code title strand estimate earliestStartWeek requestedAt organisation { name homeAuthority { code name } } } }
        }
      }
    }
  `,
  columns: ["engagement", "title", "organisation", "authority", "strand", "estimate_days", "earliest_start_week", "requested_at"],
  rows: (data: WaitlistData) =>
    (data.region?.engagements.edges ?? []).map(({ node }) => ({
      engagement: node.code,
      title: node.title,
      organisation: node.organisation.name,
      authority: node.organisation.homeAuthority?.name ?? null,
      strand: node.strand,
      estimate_days: node.estimate,
      earliest_start_week: node.earliestStartWeek,
      requested_at: node.requestedAt,
    })),
};

interface DemandData {
  demandAndCapacity: {
    horizonWeeks: number;
    weeks: { weekStart: string; bookableDays: string }[];
    acceptedOutstandingDays: string;
    waitlistedDays: string;
    requestedDays: string;
    demandDays: string;
    bookableDays: string;
    utilisation: string;
    backlogWeeks: string | null;
  };
}

const demand: ExportReport = {
  parameters: [
    { name: "region", kind: "string" },
    { name: "from", kind: "date" },
    { name: "weeks", kind: "int", default: "13" },
  ],
  query: /* GraphQL */ `
    query DemandExport($region: String!, $from: Date!, $weeks: Int!) {
      demandAndCapacity(region: $region, from: $from, weeks: $weeks) {
        horizonWeeks
        weeks { weekStart bookableDays }
        acceptedOutstandingDays waitlistedDays requestedDays demandDays bookableDays utilisation backlogWeeks
      }
    }
  `,
  columns: ["section", "week_start", "item", "value", "unit"],
  // The horizon's weeks first (bookable capacity each), then the horizon's totals (rule 14).
  rows: (data: DemandData) => {
    const d = data.demandAndCapacity;
    const total = (item: string, value: CsvCell, unit: string): CsvRow => ({ section: "horizon", week_start: d.weeks[0]?.weekStart ?? null, item, value, unit });
    return [
      ...d.weeks.map((w) => ({ section: "week", week_start: w.weekStart, item: "Bookable", value: w.bookableDays, unit: "days" })),
      total("Weeks", d.horizonWeeks, "weeks"),
      total("Accepted, not yet delivered", d.acceptedOutstandingDays, "days"),
      total("Waitlisted", d.waitlistedDays, "days"),
      total("Demand", d.demandDays, "days"),
      total("Bookable", d.bookableDays, "days"),
      total("Utilisation", d.utilisation, "share"),
      total("Backlog", d.backlogWeeks, "weeks"),
      total("Requested, not yet decided", d.requestedDays, "days"),
    ];
  },
};

export const exportReports: Readonly<Record<string, ExportReport>> = {
  "funding-report": fundingReport,
  "quota-statement": quotaStatement,
  "capacity-forecast": capacityForecast,
  benchmark,
  waitlist,
  demand,
};
