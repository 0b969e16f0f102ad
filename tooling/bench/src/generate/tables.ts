import type { TableShape } from "./batch-loader.js";

// The columns the generator fills, per table of persistence's schema, in foreign-key order:
// a table only refers to tables above it. Columns left out take their database default.

const table = (name: string, columns: TableShape["columns"]): TableShape => ({ name, columns });

export const regions = table("regions", [
  ["region_code", "text"],
  ["name", "text"],
]);
export const regionPolicies = table("region_policies", [
  ["region_code", "text"],
  ["from_year", "int4"],
  ["policy", "jsonb"],
]);
export const authorities = table("authorities", [
  ["region_code", "text"],
  ["id", "text"],
  ["name", "text"],
  ["dfe_la_code", "int4"],
  ["inner_outer", "text"],
  ["subregion", "text"],
]);
export const organisations = table("organisations", [
  ["region_code", "text"],
  ["id", "text"],
  ["name", "text"],
  ["kind", "text"],
  ["home_authority_id", "text"],
]);
export const organisationRates = table("organisation_rates", [
  ["region_code", "text"],
  ["organisation_id", "text"],
  ["financial_year", "int4"],
  ["day_rate_pence", "int8"],
]);
export const advisers = table("advisers", [
  ["region_code", "text"],
  ["id", "text"],
  ["name", "text"],
  ["fte_bp", "int4"],
  ["employed_from", "date"],
  ["employed_to", "date"],
]);
export const adviserLeave = table("adviser_leave", [
  ["region_code", "text"],
  ["adviser_id", "text"],
  ["leave_on", "date"],
  ["units", "int4"],
  ["reason", "text"],
]);
export const hostArrangements = table("host_arrangements", [
  ["region_code", "text"],
  ["id", "text"],
  ["adviser_id", "text"],
  ["authority_id", "text"],
  ["starts_on", "date"],
  ["ends_on", "date"],
  ["salary_share_bp", "int4"],
  ["commitment_units_per_week", "int4"],
]);
export const funders = table("funders", [
  ["region_code", "text"],
  ["id", "text"],
  ["name", "text"],
]);
export const funderContributions = table("funder_contributions", [
  ["region_code", "text"],
  ["funder_id", "text"],
  ["financial_year", "int4"],
  ["amount_pence", "int8"],
]);
export const engagements = table("engagements", [
  ["region_code", "text"],
  ["id", "text"],
  ["organisation_id", "text"],
  ["strand", "text"],
  ["title", "text"],
  ["themes", "text[]"],
  ["lead_adviser_id", "text"],
  ["agreed_rate_pence", "int8"],
  ["estimate_units", "int4"],
  ["status", "text"],
  ["requested_at", "timestamptz"],
  ["starts_on", "date"],
  ["ends_on", "date"],
  ["earliest_start_week", "date"],
  ["updated_at", "timestamptz"],
]);
export const engagementTransitions = table("engagement_transitions", [
  ["region_code", "text"],
  ["engagement_id", "text"],
  ["from_status", "text"],
  ["to_status", "text"],
  ["by_actor", "text"],
  ["at", "timestamptz"],
]);
export const bookings = table("bookings", [
  ["region_code", "text"],
  ["id", "text"],
  ["adviser_id", "text"],
  ["engagement_id", "text"],
  ["week_start", "date"],
  ["units", "int4"],
  ["status", "text"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
]);
export const deliveries = table("deliveries", [
  ["region_code", "text"],
  ["id", "text"],
  ["adviser_id", "text"],
  ["engagement_id", "text"],
  ["delivered_on", "date"],
  ["units", "int4"],
  ["on_site", "bool"],
  ["started_at", "timestamptz"],
  ["recorded_seq", "int8"],
  ["recorded_at", "timestamptz"],
  ["financial_year", "int4"],
  ["updated_at", "timestamptz"],
  ["holder_id", "text"],
  ["quota_units", "int4"],
  ["free_units", "int4"],
  ["chargeable_units", "int4"],
  ["day_rate_pence", "int8"],
  ["charge_pence", "int8"],
]);
export const statements = table("statements", [
  ["region_code", "text"],
  ["id", "text"],
  ["organisation_id", "text"],
  ["period_start", "date"],
  ["period_end", "date"],
  ["issued_at", "timestamptz"],
  ["total_pence", "int8"],
  ["created_at", "timestamptz"],
]);
export const statementLines = table("statement_lines", [
  ["region_code", "text"],
  ["statement_id", "text"],
  ["line_no", "int4"],
  ["kind", "text"],
  ["engagement_id", "text"],
  ["delivery_id", "text"],
  ["description", "text"],
  ["delivered_on", "date"],
  ["units", "int4"],
  ["free_units", "int4"],
  ["charged_units", "int4"],
  ["rate_pence", "int8"],
  ["amount_pence", "int8"],
]);
export const outcomes = table("outcomes", [
  ["region_code", "text"],
  ["id", "text"],
  ["engagement_id", "text"],
  ["indicator", "text"],
  ["unit", "text"],
  ["good_direction", "text"],
  ["baseline_value", "int4"],
  ["baseline_on", "date"],
  ["target_value", "int4"],
]);
export const outcomeMeasurements = table("outcome_measurements", [
  ["region_code", "text"],
  ["outcome_id", "text"],
  ["measured_on", "date"],
  ["value", "int4"],
  ["assessment", "text"],
]);
export const benchmarkPopulations = table("benchmark_populations", [
  ["region_code", "text"],
  ["authority_id", "text"],
  ["year", "int4"],
  ["child_population", "int4"],
  ["source", "text"],
]);
export const benchmarkStatistics = table("benchmark_statistics", [
  ["region_code", "text"],
  ["authority_id", "text"],
  ["year", "int4"],
  ["measure", "text"],
  ["value", "int4"],
  ["suppressed", "bool"],
  ["source", "text"],
  // A published symbol in place of the value (migration 0015): the generator only suppresses.
  ["symbol", "text"],
]);
export const statisticalNeighbours = table("statistical_neighbours", [
  ["region_code", "text"],
  ["authority_id", "text"],
  ["neighbour_id", "text"],
  ["rank", "int4"],
]);

/** Every table the generator fills, parents before children. */
export const loadOrder: readonly TableShape[] = [
  regions,
  regionPolicies,
  authorities,
  organisations,
  organisationRates,
  advisers,
  adviserLeave,
  hostArrangements,
  funders,
  funderContributions,
  engagements,
  engagementTransitions,
  bookings,
  deliveries,
  statements,
  statementLines,
  outcomes,
  outcomeMeasurements,
  benchmarkPopulations,
  benchmarkStatistics,
  statisticalNeighbours,
];
