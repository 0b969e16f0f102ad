import type {
  BookingStatus,
  EngagementStatus,
  GoodDirection,
  OrganisationKind,
  PlainDate,
  Strand,
} from "@adviser-hub/domain";
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type {
  Audience,
  CaseReviewScope,
  KnowledgeEventKind,
  LearningItemKind,
  OutcomeAssessment,
  PublicationState,
  RecommendationStatus,
} from "@adviser-hub/domain";

// Kysely's view of the tables created by src/migrations. Keep in step with the migrations:
// a column added there is added here in the same commit.
//
// Read types follow the parsers in src/connection: int8, numeric and count come back as JS
// numbers, `date` as 'YYYY-MM-DD' strings (the domain's PlainDate), `timestamptz` as Date.

/** A `timestamptz` column with no default. */
export type Instant = ColumnType<Date, Date | string, Date | string>;
/** A `timestamptz` column with a default of now(). */
export type DefaultInstant = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `timestamptz` column that may be null. */
export type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/**
 * A `jsonb` column. Write an object (both drivers send it as JSON) or a JSON string; never a
 * bare array, which `pg` would send as a PostgreSQL array literal.
 */
export type JsonObject = { [key: string]: unknown };
export type Json = ColumnType<unknown, JsonObject | string, JsonObject | string>;
export type NullableJson = ColumnType<unknown, JsonObject | string | null | undefined, JsonObject | string | null>;

/** An identity column PostgreSQL always generates. */
export type Identity = ColumnType<number, never, never>;

export type StatementLineKind = "CHARGE" | "ADJUSTMENT";

export interface Database {
  regions: RegionsTable;
  region_policies: RegionPoliciesTable;
  region_data_versions: RegionDataVersionsTable;
  authorities: AuthoritiesTable;
  organisations: OrganisationsTable;
  organisation_rates: OrganisationRatesTable;
  advisers: AdvisersTable;
  adviser_leave: AdviserLeaveTable;
  host_arrangements: HostArrangementsTable;
  funders: FundersTable;
  funder_contributions: FunderContributionsTable;
  engagements: EngagementsTable;
  engagement_transitions: EngagementTransitionsTable;
  bookings: BookingsTable;
  deliveries: DeliveriesTable;
  statements: StatementsTable;
  statement_lines: StatementLinesTable;
  adjustments: AdjustmentsTable;
  outcomes: OutcomesTable;
  outcome_measurements: OutcomeMeasurementsTable;
  benchmark_populations: BenchmarkPopulationsTable;
  benchmark_statistics: BenchmarkStatisticsTable;
  benchmark_area_statistics: BenchmarkAreaStatisticsTable;
  statistical_neighbours: StatisticalNeighboursTable;
  audit_log: AuditLogTable;
  themes: ThemesTable;
  learning_items: LearningItemsTable;
  learning_item_themes: LearningItemThemesTable;
  learning_item_engagements: LearningItemEngagementsTable;
  learning_item_authorities: LearningItemAuthoritiesTable;
  learning_item_organisations: LearningItemOrganisationsTable;
  case_reviews: CaseReviewsTable;
  case_review_engagements: CaseReviewEngagementsTable;
  recommendations: RecommendationsTable;
  knowledge_events: KnowledgeEventsTable;
  knowledge_event_themes: KnowledgeEventThemesTable;
  knowledge_event_learning_items: KnowledgeEventLearningItemsTable;
  knowledge_event_invitations: KnowledgeEventInvitationsTable;
}

// Regions and policy --------------------------------------------------------------------------

export interface RegionsTable {
  region_code: string;
  name: string;
  created_at: DefaultInstant;
}
export type RegionRow = Selectable<RegionsTable>;
export type NewRegionRow = Insertable<RegionsTable>;
export type RegionRowUpdate = Updateable<RegionsTable>;

/** The policy row with the greatest from_year <= Y applies to financial year Y. */
/** Moved on by every committed write of the region (migration 0010): the reports' cache key. */
export interface RegionDataVersionsTable {
  region_code: string;
  version: number;
  bumped_by: number;
}

export interface RegionPoliciesTable {
  region_code: string;
  from_year: number;
  /** Validated by the domain on load. */
  policy: Json;
  created_at: DefaultInstant;
}
export type RegionPolicyRow = Selectable<RegionPoliciesTable>;
export type NewRegionPolicyRow = Insertable<RegionPoliciesTable>;
export type RegionPolicyRowUpdate = Updateable<RegionPoliciesTable>;

// Places and clients --------------------------------------------------------------------------

export interface AuthoritiesTable {
  region_code: string;
  /** GSS code, e.g. E09000020. */
  id: string;
  name: string;
  dfe_la_code: number | null;
  inner_outer: string | null;
  subregion: string | null;
}
export type AuthorityRow = Selectable<AuthoritiesTable>;
export type NewAuthorityRow = Insertable<AuthoritiesTable>;
export type AuthorityRowUpdate = Updateable<AuthoritiesTable>;

export interface OrganisationsTable {
  region_code: string;
  id: string;
  name: string;
  kind: OrganisationKind;
  /** Null for a region-wide body. */
  home_authority_id: string | null;
  /** The last day it is a client (migration 0012); null while open. */
  closed_on: PlainDate | null;
}
export type OrganisationRow = Selectable<OrganisationsTable>;
export type NewOrganisationRow = Insertable<OrganisationsTable>;
export type OrganisationRowUpdate = Updateable<OrganisationsTable>;

export interface OrganisationRatesTable {
  region_code: string;
  organisation_id: string;
  financial_year: number;
  day_rate_pence: number;
}
export type OrganisationRateRow = Selectable<OrganisationRatesTable>;
export type NewOrganisationRateRow = Insertable<OrganisationRatesTable>;
export type OrganisationRateRowUpdate = Updateable<OrganisationRatesTable>;

// Advisers, leave, hosting --------------------------------------------------------------------

export interface AdvisersTable {
  region_code: string;
  id: string;
  name: string;
  fte_bp: number;
  employed_from: PlainDate;
  employed_to: PlainDate | null;
}
export type AdviserRow = Selectable<AdvisersTable>;
export type NewAdviserRow = Insertable<AdvisersTable>;
export type AdviserRowUpdate = Updateable<AdvisersTable>;

export interface AdviserLeaveTable {
  region_code: string;
  adviser_id: string;
  leave_on: PlainDate;
  units: number;
  reason: string | null;
}
export type AdviserLeaveRow = Selectable<AdviserLeaveTable>;
export type NewAdviserLeaveRow = Insertable<AdviserLeaveTable>;
export type AdviserLeaveRowUpdate = Updateable<AdviserLeaveTable>;

export interface HostArrangementsTable {
  region_code: string;
  id: string;
  adviser_id: string;
  authority_id: string;
  starts_on: PlainDate;
  ends_on: PlainDate | null;
  salary_share_bp: number;
  commitment_units_per_week: number;
}
export type HostArrangementRow = Selectable<HostArrangementsTable>;
export type NewHostArrangementRow = Insertable<HostArrangementsTable>;
export type HostArrangementRowUpdate = Updateable<HostArrangementsTable>;

// Funding -------------------------------------------------------------------------------------

export interface FundersTable {
  region_code: string;
  id: string;
  name: string;
}
export type FunderRow = Selectable<FundersTable>;
export type NewFunderRow = Insertable<FundersTable>;
export type FunderRowUpdate = Updateable<FundersTable>;

export interface FunderContributionsTable {
  region_code: string;
  funder_id: string;
  financial_year: number;
  amount_pence: number;
}
export type FunderContributionRow = Selectable<FunderContributionsTable>;
export type NewFunderContributionRow = Insertable<FunderContributionsTable>;
export type FunderContributionRowUpdate = Updateable<FunderContributionsTable>;

// Engagements ---------------------------------------------------------------------------------

export interface EngagementsTable {
  region_code: string;
  id: string;
  organisation_id: string;
  strand: Strand;
  title: string;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  lead_adviser_id: string | null;
  agreed_rate_pence: number | null;
  estimate_units: number;
  status: EngagementStatus;
  requested_at: Instant;
  starts_on: PlainDate | null;
  ends_on: PlainDate | null;
  /** For a waitlisted request: the earliest Monday it could start. */
  earliest_start_week: PlainDate | null;
  /** Free text for the region's own staff only. */
  notes: string | null;
  version: Generated<number>;
  updated_at: DefaultInstant;
}
export type EngagementRow = Selectable<EngagementsTable>;
export type NewEngagementRow = Insertable<EngagementsTable>;
export type EngagementRowUpdate = Updateable<EngagementsTable>;

export interface EngagementTransitionsTable {
  region_code: string;
  id: Identity;
  engagement_id: string;
  /** Null for the first status (the request itself). */
  from_status: EngagementStatus | null;
  to_status: EngagementStatus;
  by_actor: string;
  at: DefaultInstant;
  reason: string | null;
}
export type EngagementTransitionRow = Selectable<EngagementTransitionsTable>;
export type NewEngagementTransitionRow = Insertable<EngagementTransitionsTable>;

// Planned and delivered work ------------------------------------------------------------------

export interface BookingsTable {
  region_code: string;
  id: string;
  adviser_id: string;
  engagement_id: string;
  /** Always a Monday. */
  week_start: PlainDate;
  units: number;
  status: BookingStatus;
  created_at: DefaultInstant;
  updated_at: DefaultInstant;
}
export type BookingRow = Selectable<BookingsTable>;
export type NewBookingRow = Insertable<BookingsTable>;
export type BookingRowUpdate = Updateable<BookingsTable>;

export interface DeliveriesTable {
  region_code: string;
  id: string;
  adviser_id: string;
  engagement_id: string;
  delivered_on: PlainDate;
  units: number;
  on_site: Generated<boolean>;
  /** When work began on site; rapid response time is measured to it. */
  started_at: NullableInstant;
  /** From a sequence: allocation order is (delivered_on, recorded_seq). */
  recorded_seq: Generated<number>;
  recorded_at: DefaultInstant;
  financial_year: number;
  notes: string | null;
  /** Set instead of deleting, so corrections keep history and produce adjustments. */
  removed_at: NullableInstant;
  version: Generated<number>;
  updated_at: DefaultInstant;
  // The domain's allocation (rules 3 to 5), written by allocateHolderYear in the transaction
  // that records, corrects or removes a delivery. All null, or all set: null only on a removed
  // delivery and on rows older than the columns that the backfill has not reached yet.
  holder_id: string | null;
  /** Units drawn from the holder's allowance (part of free_units). */
  quota_units: number | null;
  free_units: number | null;
  chargeable_units: number | null;
  /** The rate the chargeable part is priced at; 0 when nothing is chargeable. */
  day_rate_pence: number | null;
  charge_pence: number | null;
}
export type DeliveryRow = Selectable<DeliveriesTable>;
export type NewDeliveryRow = Insertable<DeliveriesTable>;
export type DeliveryRowUpdate = Updateable<DeliveriesTable>;

// Billing -------------------------------------------------------------------------------------

/** issued_at null = draft; once issued the row and its lines refuse UPDATE and DELETE. */
export interface StatementsTable {
  region_code: string;
  id: string;
  organisation_id: string;
  period_start: PlainDate;
  period_end: PlainDate;
  issued_at: NullableInstant;
  issued_by: string | null;
  total_pence: Generated<number>;
  created_at: DefaultInstant;
}
export type StatementRow = Selectable<StatementsTable>;
export type NewStatementRow = Insertable<StatementsTable>;
export type StatementRowUpdate = Updateable<StatementsTable>;

export interface StatementLinesTable {
  region_code: string;
  statement_id: string;
  line_no: number;
  kind: StatementLineKind;
  engagement_id: string | null;
  delivery_id: string | null;
  adjustment_id: string | null;
  description: string;
  delivered_on: PlainDate | null;
  units: number;
  free_units: Generated<number>;
  charged_units: Generated<number>;
  rate_pence: Generated<number>;
  amount_pence: number;
}
export type StatementLineRow = Selectable<StatementLinesTable>;
export type NewStatementLineRow = Insertable<StatementLinesTable>;

export interface AdjustmentsTable {
  region_code: string;
  id: string;
  organisation_id: string;
  /** The issued statement whose period the change falls in (left unchanged), if it had one. */
  against_statement_id: string | null;
  /** The billing period corrected; required when there is no statement to name. */
  period_start: PlainDate | null;
  period_end: PlainDate | null;
  /** What had been billed for the period and what it costs now: amount = recomputed - billed. */
  billed_pence: number | null;
  recomputed_pence: number | null;
  delivery_id: string | null;
  units_delta: number;
  /** Recomputed charge minus what was billed; may be negative. */
  amount_pence: number;
  reason: string;
  created_at: DefaultInstant;
  /** The later statement that carries it; null while pending. */
  applied_statement_id: string | null;
}
export type AdjustmentRow = Selectable<AdjustmentsTable>;
export type NewAdjustmentRow = Insertable<AdjustmentsTable>;
export type AdjustmentRowUpdate = Updateable<AdjustmentsTable>;

// Outcomes ------------------------------------------------------------------------------------

export interface OutcomesTable {
  region_code: string;
  id: string;
  engagement_id: string;
  indicator: string;
  unit: string;
  good_direction: GoodDirection;
  baseline_value: number;
  baseline_on: PlainDate | null;
  target_value: number | null;
  /** The measurement period (migration 0012): measurements are taken from ... to, inclusive; null = unbounded. */
  period_start: PlainDate | null;
  period_end: PlainDate | null;
}
export type OutcomeRow = Selectable<OutcomesTable>;
export type NewOutcomeRow = Insertable<OutcomesTable>;
export type OutcomeRowUpdate = Updateable<OutcomesTable>;

export interface OutcomeMeasurementsTable {
  region_code: string;
  outcome_id: string;
  measured_on: PlainDate;
  value: number;
  note: string | null;
  /** Rule 11 as of this measurement, decided by the domain's assessOutcome when it was written. */
  assessment: OutcomeAssessment;
  /** Whether this measurement reaches the target (assessOutcome's targetMet); null without a target. */
  target_met: boolean | null;
}
export type OutcomeMeasurementRow = Selectable<OutcomeMeasurementsTable>;
export type NewOutcomeMeasurementRow = Insertable<OutcomeMeasurementsTable>;
export type OutcomeMeasurementRowUpdate = Updateable<OutcomeMeasurementsTable>;

// Benchmarking --------------------------------------------------------------------------------

export interface BenchmarkPopulationsTable {
  region_code: string;
  authority_id: string;
  year: number;
  /** Children aged 0 to 17. */
  child_population: number;
  /** Where the figure comes from; synthetic data says so here. */
  source: string;
}
export type BenchmarkPopulationRow = Selectable<BenchmarkPopulationsTable>;
export type NewBenchmarkPopulationRow = Insertable<BenchmarkPopulationsTable>;

export interface BenchmarkStatisticsTable {
  region_code: string;
  authority_id: string;
  year: number;
  /** Upper-snake measure code, named by the domain. */
  measure: string;
  /** Null exactly when a symbol was published instead. */
  value: number | null;
  /** True exactly when the symbol is SUPPRESSED ('c'). */
  suppressed: Generated<boolean>;
  /** The meaning of the symbol published instead of a number (SUPPRESSED, NOT_APPLICABLE, ...). */
  symbol: string | null;
  source: string;
}
export type BenchmarkStatisticRow = Selectable<BenchmarkStatisticsTable>;
export type NewBenchmarkStatisticRow = Insertable<BenchmarkStatisticsTable>;

/** A published national or regional figure: a comparator, not an authority. */
export interface BenchmarkAreaStatisticsTable {
  region_code: string;
  level: "NATIONAL" | "REGIONAL";
  area_code: string;
  area_name: string;
  year: number;
  measure: string;
  value: number | null;
  symbol: string | null;
  child_population: number | null;
  source: string;
}

export interface StatisticalNeighboursTable {
  region_code: string;
  authority_id: string;
  neighbour_id: string;
  rank: number;
}
export type StatisticalNeighbourRow = Selectable<StatisticalNeighboursTable>;
export type NewStatisticalNeighbourRow = Insertable<StatisticalNeighboursTable>;

// Audit ---------------------------------------------------------------------------------------

/** Append-only: UPDATE and DELETE are refused by a trigger. */
export interface AuditLogTable {
  region_code: string;
  id: Identity;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: NullableJson;
  after: NullableJson;
  at: DefaultInstant;
}
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;

// The knowledge hub (migration 0014) ---------------------------------------------------------

/** The region's theme vocabulary: `code` is what engagements' `themes` hold; `name` the label. */
export interface ThemesTable {
  region_code: string;
  code: string;
  name: string;
  retired_at: NullableInstant;
  created_at: DefaultInstant;
}
export type ThemeRow = Selectable<ThemesTable>;

export interface LearningItemsTable {
  region_code: string;
  id: string;
  title: string;
  summary: string;
  kind: LearningItemKind;
  state: PublicationState;
  audience: Audience;
  published_on: ColumnType<PlainDate | null, PlainDate | null | undefined, PlainDate | null>;
  published_year: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Instant;
  updated_at: Instant;
  version: ColumnType<number, number | undefined, number>;
  /** Generated from title and summary; never written. */
  search: ColumnType<string, never, never>;
}
export type LearningItemRow = Selectable<LearningItemsTable>;

export interface LearningItemThemesTable {
  region_code: string;
  learning_item_id: string;
  theme_code: string;
}
export interface LearningItemEngagementsTable {
  region_code: string;
  learning_item_id: string;
  engagement_id: string;
}
export interface LearningItemAuthoritiesTable {
  region_code: string;
  learning_item_id: string;
  authority_id: string;
}
export interface LearningItemOrganisationsTable {
  region_code: string;
  learning_item_id: string;
  organisation_id: string;
}

export interface CaseReviewsTable {
  region_code: string;
  id: string;
  title: string;
  scope: CaseReviewScope;
  board_organisation_id: string;
  published_on: PlainDate;
  learning_item_id: string | null;
  created_at: Instant;
}
export type CaseReviewRow = Selectable<CaseReviewsTable>;

export interface CaseReviewEngagementsTable {
  region_code: string;
  case_review_id: string;
  engagement_id: string;
}

export interface RecommendationsTable {
  region_code: string;
  id: string;
  case_review_id: string;
  position: number;
  text: string;
  owner_organisation_id: string;
  agreed_on: PlainDate;
  due_on: PlainDate;
  status: RecommendationStatus;
  evidence: string | null;
  closed_on: PlainDate | null;
  /** Decided by the domain when closed (daysToClose) and stored. */
  days_to_close: number | null;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Instant;
}
export type RecommendationRow = Selectable<RecommendationsTable>;

export interface KnowledgeEventsTable {
  region_code: string;
  id: string;
  kind: KnowledgeEventKind;
  title: string;
  held_on: PlainDate;
  created_at: Instant;
}
export type KnowledgeEventRow = Selectable<KnowledgeEventsTable>;

export interface KnowledgeEventThemesTable {
  region_code: string;
  event_id: string;
  theme_code: string;
}
export interface KnowledgeEventLearningItemsTable {
  region_code: string;
  event_id: string;
  learning_item_id: string;
}
export interface KnowledgeEventInvitationsTable {
  region_code: string;
  event_id: string;
  organisation_id: string;
  /** Null until attendance is recorded. */
  attended: boolean | null;
}
