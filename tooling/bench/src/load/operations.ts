// The four operations the load suites measure. Documents are fixed; only `first` varies, to
// show that the number of SQL statements does not grow with the page.

export interface Operation {
  readonly name: string;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

export interface OperationContext {
  readonly region: string;
  /** A financial year with a full year of work. */
  readonly year: number;
  /** A quota holder (authority GSS code) of the region. */
  readonly holder: string;
  /** Monday the capacity forecast starts. */
  readonly from: string;
}

export const fundingReport = (c: OperationContext): Operation => ({
  name: "fundingReport",
  query: `query FundingReport($region: String!, $year: Int!) {
  fundingReport(region: $region, year: $year) {
    year
    programmeCost { pence }
    funders { funder { name } contribution { pence } }
    chargeIncome { pence }
    daysDelivered
    daysByStrand { strand days }
    costPerDeliveredDay { pence }
    netCostPerDeliveredDay { pence }
    consultantBenchmarkDayRate { pence }
    coverage { served total }
    rapidResponse { count medianHours withinTargetShare }
    hostCommitments { adviser { name } authority { name } committedDays deliveredDays }
    outcomes { improved worsened unchanged }
    demand { requestedDays waitlistedDays }
  }
}`,
  variables: { region: c.region, year: c.year },
});

export const quotaStatement = (c: OperationContext): Operation => ({
  name: "quotaStatement",
  query: `query QuotaStatement($region: String!, $holder: String!, $year: Int!) {
  quotaStatement(region: $region, holder: $holder, year: $year) {
    holder
    year
    allowanceDays
    usedFreeDays
    remainingFreeDays
    chargeableDays
    charges { pence }
    lines { date deliveryCode days freeDays chargeableDays charge { pence } }
  }
}`,
  variables: { region: c.region, holder: c.holder, year: c.year },
});

export const capacityForecast = (c: OperationContext): Operation => ({
  name: "capacityForecast",
  query: `query CapacityForecast($region: String!, $from: Date!, $weeks: Int!) {
  capacityForecast(region: $region, from: $from, weeks: $weeks) {
    adviser { name }
    weekStart
    availableDays
    reservedDays
    bookableDays
    confirmedDays
    tentativeDays
    overbookedDays
    displacedDays
  }
}`,
  variables: { region: c.region, from: c.from, weeks: 12 },
});

export const engagementsPage = (c: OperationContext, first = 50): Operation => ({
  name: first === 50 ? "engagements" : `engagements(first: ${first})`,
  query: `query Engagements($region: String!, $first: Int!) {
  region(code: $region) {
    engagements(first: $first) {
      totalCount
      edges {
        node {
          code
          title
          strand
          status
          organisation { name kind }
          leadAdviser { name }
          deliveries { code deliveredOn days onSite }
        }
      }
    }
  }
}`,
  variables: { region: c.region, first },
});

export const loadOperations = (c: OperationContext): Operation[] => [
  fundingReport(c),
  quotaStatement(c),
  capacityForecast(c),
  engagementsPage(c),
];
