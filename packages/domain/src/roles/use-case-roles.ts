import type { Role } from "./roles.js";

/**
 * Who may perform each use case: the one table of it. The service checks it before any read;
 * the gateway derives its scopes from it. Finer limits that need data (an authority only for
 * its own area, and only to withdraw; a funder only for a region it funds) are checked by the
 * use case or the gateway's region scope, never by a second table.
 */
export const USE_CASE_ROLES = {
  requestEngagement: ["REGION_ADMIN", "ADVISER", "AUTHORITY"],
  decideEngagement: ["REGION_ADMIN", "AUTHORITY"],
  bookAdviser: ["REGION_ADMIN", "ADVISER"],
  recordDelivery: ["REGION_ADMIN", "ADVISER"],
  correctDelivery: ["REGION_ADMIN", "ADVISER"],
  issueStatement: ["REGION_ADMIN"],
  recordOutcomeMeasurement: ["REGION_ADMIN", "ADVISER"],
  fundingReport: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"],
  quotaStatement: ["REGION_ADMIN", "ADVISER", "AUTHORITY"],
  capacityForecast: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"],
  benchmark: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"],
  // An aggregate of the region's open estimates against its bookable capacity: no engagement's
  // detail, so every role of the region may read it, as with the capacity forecast.
  demandAndCapacity: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"],
  // Running a region: the operator of the hub opens regions; a region's admin and the operator
  // change its policy (a region's own bank holidays included) and read who changed what.
  createRegion: ["SERVICE_ADMIN"],
  setRegionPolicy: ["REGION_ADMIN", "SERVICE_ADMIN"],
  importBankHolidays: ["REGION_ADMIN", "SERVICE_ADMIN"],
  auditLog: ["REGION_ADMIN", "SERVICE_ADMIN"],
  // The region's own entities: its administrator alone keeps them.
  saveAuthority: ["REGION_ADMIN"],
  saveOrganisation: ["REGION_ADMIN"],
  saveOrganisationRate: ["REGION_ADMIN"],
  saveStatisticalNeighbours: ["REGION_ADMIN"],
  saveAdviser: ["REGION_ADMIN"],
  saveAdviserLeave: ["REGION_ADMIN"],
  saveHostArrangement: ["REGION_ADMIN"],
  saveFunder: ["REGION_ADMIN"],
  saveFunderContribution: ["REGION_ADMIN"],
  // Staff who measure outcomes define what they measure.
  createOutcomeIndicator: ["REGION_ADMIN", "ADVISER"],
  // A whole region from files: the operator for any region (a new one included), its admin for its own.
  importRegion: ["REGION_ADMIN", "SERVICE_ADMIN"],
  // Published statistics replace the region's benchmark figures: the region's administrator only.
  importBenchmarks: ["REGION_ADMIN"],
  // Published statistics and sums over the region's engagements by theme: aggregates with no
  // engagement's detail, so every role of the region, as the benchmark.
  benchmarkComparison: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"],
  commonThemes: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"],
  // The knowledge hub. The vocabulary is the region's to manage; the library and case-review
  // records are the staff's to write. Reads are open to every role: what each sees of the
  // library is rule 19's visibility, an authority's overdue list is its own area's.
  addTheme: ["REGION_ADMIN"],
  renameTheme: ["REGION_ADMIN"],
  retireTheme: ["REGION_ADMIN"],
  createLearningItem: ["REGION_ADMIN", "ADVISER"],
  updateLearningItem: ["REGION_ADMIN", "ADVISER"],
  publishLearningItem: ["REGION_ADMIN", "ADVISER"],
  withdrawLearningItem: ["REGION_ADMIN", "ADVISER"],
  searchLearningItems: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"],
  recordCaseReview: ["REGION_ADMIN", "ADVISER"],
  progressRecommendation: ["REGION_ADMIN", "ADVISER"],
  overdueRecommendations: ["REGION_ADMIN", "ADVISER", "AUTHORITY"],
  caseReviewReport: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"],
  recordKnowledgeEvent: ["REGION_ADMIN", "ADVISER"],
  recordEventAttendance: ["REGION_ADMIN", "ADVISER"],
  disseminationReport: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"],
} as const satisfies Record<string, readonly Role[]>;

export type UseCase = keyof typeof USE_CASE_ROLES;

/** What each refusal says the role may not do. */
const WHAT: Record<UseCase, string> = {
  requestEngagement: "request engagements",
  decideEngagement: "decide engagements",
  bookAdviser: "book advisers",
  recordDelivery: "record deliveries",
  correctDelivery: "correct deliveries",
  issueStatement: "issue statements",
  recordOutcomeMeasurement: "record outcome measurements",
  fundingReport: "read funding reports",
  quotaStatement: "read quota statements",
  capacityForecast: "read capacity forecasts",
  benchmark: "read benchmarks",
  demandAndCapacity: "read demand against capacity",
  createRegion: "create regions",
  setRegionPolicy: "set region policies",
  importBankHolidays: "import bank holidays",
  auditLog: "read the audit log",
  saveAuthority: "save authorities",
  saveOrganisation: "save organisations",
  saveOrganisationRate: "save negotiated day rates",
  saveStatisticalNeighbours: "save statistical neighbours",
  saveAdviser: "save advisers",
  saveAdviserLeave: "save adviser leave",
  saveHostArrangement: "save host arrangements",
  saveFunder: "save funders",
  saveFunderContribution: "save funder contributions",
  createOutcomeIndicator: "create outcome indicators",
  importRegion: "import regions",
  importBenchmarks: "import benchmark statistics",
  benchmarkComparison: "read benchmark comparisons",
  commonThemes: "read themes across authorities",
  addTheme: "add themes",
  renameTheme: "rename themes",
  retireTheme: "retire themes",
  createLearningItem: "create learning items",
  updateLearningItem: "update learning items",
  publishLearningItem: "publish learning items",
  withdrawLearningItem: "withdraw learning items",
  searchLearningItems: "search the learning library",
  recordCaseReview: "record case reviews",
  progressRecommendation: "progress recommendations",
  overdueRecommendations: "list overdue recommendations",
  caseReviewReport: "read case review reports",
  recordKnowledgeEvent: "record events",
  recordEventAttendance: "record event attendance",
  disseminationReport: "read dissemination reports",
};

export function mayPerform(role: Role, useCase: UseCase): boolean {
  return (USE_CASE_ROLES[useCase] as readonly Role[]).includes(role);
}

/** The refusal's wording: "a FUNDER may not record deliveries". */
export function refusalOf(role: Role, useCase: UseCase): string {
  return `a ${role} may not ${WHAT[useCase]}`;
}
