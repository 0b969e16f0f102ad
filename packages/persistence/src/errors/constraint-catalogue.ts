// What each named constraint means, in the words a caller can act on: the field (camelCase, as
// the domain and the GraphQL inputs name it) and a sentence. Constraint names come from the
// migrations; a name missing here still maps, by the naming convention, in map-database-error.

export interface ConstraintMeaning {
  readonly field: string;
  readonly message: string;
}

/** Check constraints, unique constraints and rule triggers. */
export const CONSTRAINT_MEANINGS: Readonly<Record<string, ConstraintMeaning>> = {
  regions_region_code_format: {
    field: "regionCode",
    message: "must be lower case letters, digits and dashes",
  },
  regions_name_present: { field: "name", message: "must not be empty" },
  regions_pkey: { field: "code", message: "a region with this code already exists" },
  themes_name_unique: { field: "input.name", message: "another theme of the region already has this name" },
  themes_pkey: { field: "input.name", message: "another theme of the region already has this name" },
  region_policies_from_year_range: { field: "fromYear", message: "must be a year from 1900 to 2999" },
  region_policies_policy_object: { field: "policy", message: "must be a JSON object" },

  authorities_name_present: { field: "name", message: "must not be empty" },
  organisations_name_present: { field: "name", message: "must not be empty" },
  organisations_kind_known: { field: "kind", message: "is not a known organisation kind" },
  organisation_rates_day_rate_range: {
    field: "dayRatePence",
    message: "must be whole pence from 1 to 100000000",
  },

  advisers_name_present: { field: "name", message: "must not be empty" },
  advisers_fte_range: { field: "fteBp", message: "must be above 0 and at most 10000 (1.0 FTE)" },
  advisers_employment_end_after_start: {
    field: "employedTo",
    message: "must not be before the start of employment",
  },
  adviser_leave_units_positive: { field: "units", message: "must be above zero" },
  adviser_leave_weekday: { field: "leaveOn", message: "must be a weekday" },

  host_arrangements_salary_share_range: {
    field: "salaryShareBp",
    message: "must be from 1 to 10000 basis points (a share above 1 is refused)",
  },
  host_arrangements_share_total: {
    field: "salaryShareBp",
    message: "the adviser's concurrent salary shares would exceed 10000 (1.0)",
  },
  host_arrangements_commitment_not_negative: {
    field: "commitmentUnitsPerWeek",
    message: "must not be negative",
  },
  host_arrangements_end_after_start: { field: "endsOn", message: "must not be before startsOn" },

  funders_name_present: { field: "name", message: "must not be empty" },
  funder_contributions_amount_not_negative: {
    field: "amountPence",
    message: "must not be negative",
  },

  engagements_strand_known: { field: "strand", message: "is not a known strand" },
  engagements_status_known: { field: "status", message: "is not a known engagement status" },
  engagements_title_present: { field: "title", message: "must not be empty" },
  engagements_agreed_rate_range: {
    field: "agreedRatePence",
    message: "must be null or whole pence from 1 to 100000000 (leave it out for no agreed rate)",
  },
  engagements_estimate_range: { field: "estimateUnits", message: "must be a whole number of units from 1 to 1000000" },
  engagements_end_after_start: { field: "endsOn", message: "must not be before startsOn" },
  engagements_earliest_start_week_monday: {
    field: "earliestStartWeek",
    message: "must be a Monday",
  },
  engagement_transitions_from_status_known: {
    field: "fromStatus",
    message: "is not a known engagement status",
  },
  engagement_transitions_to_status_known: {
    field: "toStatus",
    message: "is not a known engagement status",
  },
  engagement_transitions_changes_status: {
    field: "toStatus",
    message: "must differ from the current status",
  },

  bookings_units_range: { field: "units", message: "must be a whole number of units from 1 to 1000000" },
  bookings_status_known: { field: "status", message: "must be TENTATIVE or CONFIRMED" },
  bookings_week_start_monday: { field: "weekStart", message: "must be a Monday" },

  deliveries_units_range: { field: "units", message: "must be a whole number of units from 1 to 1000000" },
  deliveries_allocation_rate_bounded: { field: "dayRatePence", message: "must be at most 100000000 pence" },
  deliveries_financial_year_near_date: {
    field: "financialYear",
    message: "does not match the delivery date",
  },
  deliveries_recorded_seq_unique: { field: "recordedSeq", message: "is already used" },

  statements_organisation_period_unique: {
    field: "periodStart",
    message: "a statement for this organisation and period already exists",
  },
  statements_period_end_after_start: {
    field: "periodEnd",
    message: "must not be before periodStart",
  },
  statements_issued_frozen: {
    field: "statementId",
    message: "the statement is issued and is never rewritten; record an adjustment instead",
  },
  statement_lines_issued_frozen: {
    field: "statementId",
    message: "the statement is issued and is never rewritten; record an adjustment instead",
  },
  adjustments_issued_frozen: {
    field: "statementId",
    message: "the statement carrying this adjustment is issued and is never rewritten",
  },
  statement_lines_kind_known: { field: "kind", message: "must be CHARGE or ADJUSTMENT" },
  statement_lines_line_no_positive: { field: "lineNo", message: "must be above zero" },
  statement_lines_rate_not_negative: { field: "ratePence", message: "must not be negative" },
  statement_lines_charge_split: {
    field: "units",
    message: "a charge line needs units above zero split into free and charged units",
  },
  statement_lines_adjustment_reference: {
    field: "adjustmentId",
    message: "an adjustment line must name its adjustment",
  },
  adjustments_period_end_after_start: {
    field: "periodEnd",
    message: "must not be before periodStart",
  },
  adjustments_names_what_it_corrects: {
    field: "periodStart",
    message: "an adjustment names the statement or the billing period it corrects",
  },
  adjustments_applied_elsewhere: {
    field: "appliedStatementId",
    message: "an adjustment is carried by a later statement, not the one it corrects",
  },

  outcomes_indicator_present: { field: "indicator", message: "must not be empty" },
  outcomes_good_direction_known: { field: "goodDirection", message: "must be LOWER or HIGHER" },
  outcomes_period_end_after_start: { field: "periodEnd", message: "must not be before periodStart" },
  outcomes_target_beyond_baseline: { field: "target", message: "must be beyond the baseline in the good direction" },
  outcome_measurements_assessment_known: { field: "assessment", message: "must be IMPROVED, WORSENED or UNCHANGED" },

  benchmark_populations_child_population_positive: {
    field: "childPopulation",
    message: "must be above zero",
  },
  benchmark_statistics_measure_format: {
    field: "measure",
    message: "must be an upper-case measure code",
  },
  benchmark_statistics_suppressed_without_value: {
    field: "value",
    message: "a suppressed statistic has no value, and an unsuppressed one needs a value",
  },
  benchmark_statistics_symbol_known: { field: "symbol", message: "must be a published symbol's meaning (SUPPRESSED, NOT_APPLICABLE, ...)" },
  benchmark_statistics_value_or_symbol: { field: "value", message: "a figure has a value or a symbol in its place, not both or neither" },
  benchmark_statistics_suppressed_is_c: { field: "suppressed", message: "is true exactly for the symbol SUPPRESSED" },
  benchmark_area_statistics_symbol_known: { field: "symbol", message: "must be a published symbol's meaning (SUPPRESSED, NOT_APPLICABLE, ...)" },
  benchmark_area_statistics_value_or_symbol: { field: "value", message: "a figure has a value or a symbol in its place, not both or neither" },
  benchmark_area_statistics_value_not_negative: { field: "value", message: "must not be negative" },
  benchmark_area_statistics_population_positive: { field: "childPopulation", message: "must be above zero" },
  benchmark_area_statistics_level_known: { field: "level", message: "must be NATIONAL or REGIONAL" },
  benchmark_area_statistics_measure_format: { field: "measure", message: "must be an upper-case measure code" },
  benchmark_statistics_value_not_negative: { field: "value", message: "must not be negative" },
  statistical_neighbours_rank_unique: {
    field: "rank",
    message: "another neighbour already has this rank",
  },
  statistical_neighbours_not_self: {
    field: "neighbourId",
    message: "an authority is not its own neighbour",
  },
  statistical_neighbours_rank_positive: { field: "rank", message: "must be above zero" },

  audit_log_action_present: { field: "action", message: "must not be empty" },
  audit_log_append_only: { field: "auditLog", message: "the audit log is append-only" },
};

/**
 * Foreign keys whose column does not name the entity it points at. Others follow
 * `<table>_<entity>_fkey` with column `<entity>_id`.
 */
export const FOREIGN_KEY_TARGETS: Readonly<Record<string, { entity: string; field: string }>> = {
  organisations_home_authority_fkey: { entity: "authority", field: "homeAuthorityId" },
  engagements_lead_adviser_fkey: { entity: "adviser", field: "leadAdviserId" },
  adjustments_against_statement_fkey: { entity: "statement", field: "againstStatementId" },
  adjustments_applied_statement_fkey: { entity: "statement", field: "appliedStatementId" },
  statistical_neighbours_neighbour_fkey: { entity: "authority", field: "neighbourId" },
};

/** Table name -> the entity it holds, for primary-key and foreign-key messages. */
export const TABLE_ENTITIES: Readonly<Record<string, string>> = {
  regions: "region",
  region_policies: "region policy",
  authorities: "authority",
  organisations: "organisation",
  organisation_rates: "organisation rate",
  advisers: "adviser",
  adviser_leave: "leave",
  host_arrangements: "host arrangement",
  funders: "funder",
  funder_contributions: "funder contribution",
  engagements: "engagement",
  engagement_transitions: "engagement transition",
  bookings: "booking",
  deliveries: "delivery",
  statements: "statement",
  statement_lines: "statement line",
  adjustments: "adjustment",
  outcomes: "outcome",
  outcome_measurements: "outcome measurement",
  benchmark_populations: "benchmark population",
  benchmark_statistics: "benchmark statistic",
  benchmark_area_statistics: "published national or regional statistic",
  statistical_neighbours: "statistical neighbour",
  audit_log: "audit entry",
};
