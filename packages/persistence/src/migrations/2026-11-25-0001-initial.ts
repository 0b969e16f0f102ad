import { type Kysely, sql } from "kysely";

// The initial schema. Migrations never import application code: this file must produce the same
// schema in ten years, whatever the domain package looks like then. Forward only.
//
// Conventions (error mapping in src/errors.ts relies on them):
// - every table starts its primary key, and every foreign key, with region_code;
// - every constraint is named <table>_<what>, so a violation can name the field;
// - day quantities are integer units (*_units), money integer pence (*_pence, bigint), FTE and
//   salary shares basis points (*_bp, 10000 = 1.0). Being integers, units sit on the region's
//   granularity by construction.

const STRANDS = ["RAPID_RESPONSE", "PROJECT_SUPPORT", "HOST_SUPPORT", "KNOWLEDGE_HUB", "STRATEGIC"];
const ENGAGEMENT_STATUSES = [
  "REQUESTED",
  "ACCEPTED",
  "WAITLISTED",
  "DECLINED",
  "WITHDRAWN",
  "ACTIVE",
  "COMPLETED",
  "CANCELLED",
];

const ORGANISATION_KINDS = [
  "COUNCIL",
  "SAFEGUARDING_BOARD",
  "POLICE",
  "HEALTH",
  "SCHOOL",
  "VOLUNTARY",
  "OTHER",
];

const list = (values: string[]) => values.map((v) => `'${v}'`).join(", ");
const CODE = "'^[A-Z][A-Z0-9_]*$'";

const statements = [
  // Regions and their policy ------------------------------------------------------------------
  `create table regions (
    region_code text not null,
    name text not null,
    created_at timestamptz not null default now(),
    constraint regions_pkey primary key (region_code),
    constraint regions_region_code_format check (region_code ~ '^[a-z][a-z0-9-]*$'),
    constraint regions_name_present check (length(trim(name)) > 0)
  )`,
  // Policy versioned by financial year: the row with the greatest from_year <= Y applies to Y.
  // The JSON shape is validated by the domain on load; here only that it is an object.
  `create table region_policies (
    region_code text not null,
    from_year integer not null,
    policy jsonb not null,
    created_at timestamptz not null default now(),
    constraint region_policies_pkey primary key (region_code, from_year),
    constraint region_policies_region_fkey foreign key (region_code) references regions (region_code),
    constraint region_policies_from_year_range check (from_year between 1900 and 2999),
    constraint region_policies_policy_object check (jsonb_typeof(policy) = 'object')
  )`,

  // Places and clients -----------------------------------------------------------------------
  `create table authorities (
    region_code text not null,
    id text not null,
    name text not null,
    dfe_la_code integer,
    inner_outer text,
    subregion text,
    constraint authorities_pkey primary key (region_code, id),
    constraint authorities_region_fkey foreign key (region_code) references regions (region_code),
    constraint authorities_name_present check (length(trim(name)) > 0)
  )`,
  // home_authority_id null = a region-wide body (always its own quota holder).
  `create table organisations (
    region_code text not null,
    id text not null,
    name text not null,
    kind text not null,
    home_authority_id text,
    constraint organisations_pkey primary key (region_code, id),
    constraint organisations_region_fkey foreign key (region_code) references regions (region_code),
    constraint organisations_home_authority_fkey foreign key (region_code, home_authority_id)
      references authorities (region_code, id),
    constraint organisations_name_present check (length(trim(name)) > 0),
    constraint organisations_kind_known check (kind in (${list(ORGANISATION_KINDS)}))
  )`,
  `create table organisation_rates (
    region_code text not null,
    organisation_id text not null,
    financial_year integer not null,
    day_rate_pence bigint not null,
    constraint organisation_rates_pkey primary key (region_code, organisation_id, financial_year),
    constraint organisation_rates_organisation_fkey foreign key (region_code, organisation_id)
      references organisations (region_code, id),
    constraint organisation_rates_day_rate_not_negative check (day_rate_pence >= 0)
  )`,

  // Advisers, leave, hosting -----------------------------------------------------------------
  `create table advisers (
    region_code text not null,
    id text not null,
    name text not null,
    fte_bp integer not null,
    employed_from date not null,
    employed_to date,
    constraint advisers_pkey primary key (region_code, id),
    constraint advisers_region_fkey foreign key (region_code) references regions (region_code),
    constraint advisers_name_present check (length(trim(name)) > 0),
    constraint advisers_fte_range check (fte_bp > 0 and fte_bp <= 10000),
    constraint advisers_employment_end_after_start check (employed_to is null or employed_to >= employed_from)
  )`,
  `create table adviser_leave (
    region_code text not null,
    adviser_id text not null,
    leave_on date not null,
    units integer not null,
    reason text,
    constraint adviser_leave_pkey primary key (region_code, adviser_id, leave_on),
    constraint adviser_leave_adviser_fkey foreign key (region_code, adviser_id)
      references advisers (region_code, id),
    constraint adviser_leave_units_positive check (units > 0),
    constraint adviser_leave_weekday check (extract(isodow from leave_on) between 1 and 5)
  )`,
  `create table host_arrangements (
    region_code text not null,
    id text not null,
    adviser_id text not null,
    authority_id text not null,
    starts_on date not null,
    ends_on date,
    salary_share_bp integer not null,
    commitment_units_per_week integer not null,
    constraint host_arrangements_pkey primary key (region_code, id),
    constraint host_arrangements_adviser_fkey foreign key (region_code, adviser_id)
      references advisers (region_code, id),
    constraint host_arrangements_authority_fkey foreign key (region_code, authority_id)
      references authorities (region_code, id),
    constraint host_arrangements_salary_share_range check (salary_share_bp between 0 and 10000),
    constraint host_arrangements_commitment_not_negative check (commitment_units_per_week >= 0),
    constraint host_arrangements_end_after_start check (ends_on is null or ends_on >= starts_on)
  )`,
  // Concurrent salary shares of one adviser may not exceed 1.0. A sum cannot be a CHECK, so a
  // trigger checks it, after taking a per-adviser lock so two concurrent inserts cannot both
  // pass. It reports as a check violation with a constraint name, like any other rule.
  `create function host_arrangements_share_total_check() returns trigger
  language plpgsql as $$
  declare
    total bigint;
  begin
    perform pg_advisory_xact_lock(hashtext('host_arrangements'), hashtext(new.region_code || '/' || new.adviser_id));
    select coalesce(sum(h.salary_share_bp), 0) into total
      from host_arrangements h
     where h.region_code = new.region_code
       and h.adviser_id = new.adviser_id
       and h.id <> new.id
       and h.starts_on <= coalesce(new.ends_on, 'infinity'::date)
       and coalesce(h.ends_on, 'infinity'::date) >= new.starts_on;
    if total + new.salary_share_bp > 10000 then
      raise exception 'salary shares of adviser % would exceed 10000 basis points', new.adviser_id
        using errcode = 'check_violation',
              constraint = 'host_arrangements_share_total',
              table = 'host_arrangements',
              column = 'salary_share_bp';
    end if;
    return new;
  end
  $$`,
  `create trigger host_arrangements_share_total
    before insert or update on host_arrangements
    for each row execute function host_arrangements_share_total_check()`,

  // Funding ----------------------------------------------------------------------------------
  `create table funders (
    region_code text not null,
    id text not null,
    name text not null,
    constraint funders_pkey primary key (region_code, id),
    constraint funders_region_fkey foreign key (region_code) references regions (region_code),
    constraint funders_name_present check (length(trim(name)) > 0)
  )`,
  `create table funder_contributions (
    region_code text not null,
    funder_id text not null,
    financial_year integer not null,
    amount_pence bigint not null,
    constraint funder_contributions_pkey primary key (region_code, funder_id, financial_year),
    constraint funder_contributions_funder_fkey foreign key (region_code, funder_id)
      references funders (region_code, id),
    constraint funder_contributions_amount_not_negative check (amount_pence >= 0)
  )`,

  // Engagements ------------------------------------------------------------------------------
  `create table engagements (
    region_code text not null,
    id text not null,
    organisation_id text not null,
    strand text not null,
    title text not null,
    themes text[] not null default '{}',
    lead_adviser_id text,
    agreed_rate_pence bigint,
    estimate_units integer not null,
    status text not null,
    requested_at timestamptz not null,
    starts_on date,
    ends_on date,
    earliest_start_week date,
    notes text,
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    constraint engagements_pkey primary key (region_code, id),
    constraint engagements_organisation_fkey foreign key (region_code, organisation_id)
      references organisations (region_code, id),
    constraint engagements_lead_adviser_fkey foreign key (region_code, lead_adviser_id)
      references advisers (region_code, id),
    constraint engagements_strand_known check (strand in (${list(STRANDS)})),
    constraint engagements_status_known check (status in (${list(ENGAGEMENT_STATUSES)})),
    constraint engagements_title_present check (length(trim(title)) > 0),
    constraint engagements_agreed_rate_not_negative check (agreed_rate_pence is null or agreed_rate_pence >= 0),
    constraint engagements_estimate_not_negative check (estimate_units >= 0),
    constraint engagements_end_after_start check (ends_on is null or starts_on is null or ends_on >= starts_on),
    constraint engagements_earliest_start_week_monday check (earliest_start_week is null or extract(isodow from earliest_start_week) = 1)
  )`,
  `create table engagement_transitions (
    region_code text not null,
    id bigint generated always as identity,
    engagement_id text not null,
    from_status text,
    to_status text not null,
    by_actor text not null,
    at timestamptz not null default now(),
    reason text,
    constraint engagement_transitions_pkey primary key (region_code, id),
    constraint engagement_transitions_engagement_fkey foreign key (region_code, engagement_id)
      references engagements (region_code, id),
    constraint engagement_transitions_from_status_known check (from_status is null or from_status in (${list(ENGAGEMENT_STATUSES)})),
    constraint engagement_transitions_to_status_known check (to_status in (${list(ENGAGEMENT_STATUSES)})),
    constraint engagement_transitions_changes_status check (from_status is distinct from to_status)
  )`,

  // Planned and delivered work ---------------------------------------------------------------
  `create table bookings (
    region_code text not null,
    id text not null,
    adviser_id text not null,
    engagement_id text not null,
    week_start date not null,
    units integer not null,
    status text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint bookings_pkey primary key (region_code, id),
    constraint bookings_adviser_fkey foreign key (region_code, adviser_id)
      references advisers (region_code, id),
    constraint bookings_engagement_fkey foreign key (region_code, engagement_id)
      references engagements (region_code, id),
    constraint bookings_units_positive check (units > 0),
    constraint bookings_status_known check (status in ('TENTATIVE', 'CONFIRMED')),
    constraint bookings_week_start_monday check (extract(isodow from week_start) = 1)
  )`,
  // Allocation order is (delivered_on, recorded_seq): the sequence fixes the order in which
  // deliveries were recorded, across transactions, without trusting clocks.
  "create sequence deliveries_recorded_seq as bigint",
  `create table deliveries (
    region_code text not null,
    id text not null,
    adviser_id text not null,
    engagement_id text not null,
    delivered_on date not null,
    units integer not null,
    on_site boolean not null default false,
    started_at timestamptz,
    recorded_seq bigint not null default nextval('deliveries_recorded_seq'),
    recorded_at timestamptz not null default now(),
    financial_year integer not null,
    notes text,
    removed_at timestamptz,
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    constraint deliveries_pkey primary key (region_code, id),
    constraint deliveries_adviser_fkey foreign key (region_code, adviser_id)
      references advisers (region_code, id),
    constraint deliveries_engagement_fkey foreign key (region_code, engagement_id)
      references engagements (region_code, id),
    constraint deliveries_recorded_seq_unique unique (recorded_seq),
    constraint deliveries_units_positive check (units > 0),
    constraint deliveries_financial_year_near_date check (
      financial_year between extract(year from delivered_on)::integer - 1 and extract(year from delivered_on)::integer
    )
  )`,
  "alter sequence deliveries_recorded_seq owned by deliveries.recorded_seq",

  // Billing ----------------------------------------------------------------------------------
  // issued_at null = a draft being assembled; once set, the statement and its lines are frozen.
  `create table statements (
    region_code text not null,
    id text not null,
    organisation_id text not null,
    period_start date not null,
    period_end date not null,
    issued_at timestamptz,
    total_pence bigint not null default 0,
    created_at timestamptz not null default now(),
    constraint statements_pkey primary key (region_code, id),
    constraint statements_organisation_fkey foreign key (region_code, organisation_id)
      references organisations (region_code, id),
    constraint statements_organisation_period_unique unique (region_code, organisation_id, period_start, period_end),
    constraint statements_period_end_after_start check (period_end >= period_start)
  )`,
  // A pending adjustment: a change to an issued period (recomputed charge minus billed), carried
  // on the organisation's next statement (applied_statement_id) and never on the original.
  `create table adjustments (
    region_code text not null,
    id text not null,
    organisation_id text not null,
    against_statement_id text not null,
    delivery_id text,
    units_delta integer not null,
    amount_pence bigint not null,
    reason text not null,
    created_at timestamptz not null default now(),
    applied_statement_id text,
    constraint adjustments_pkey primary key (region_code, id),
    constraint adjustments_organisation_fkey foreign key (region_code, organisation_id)
      references organisations (region_code, id),
    constraint adjustments_against_statement_fkey foreign key (region_code, against_statement_id)
      references statements (region_code, id),
    constraint adjustments_delivery_fkey foreign key (region_code, delivery_id)
      references deliveries (region_code, id),
    constraint adjustments_applied_statement_fkey foreign key (region_code, applied_statement_id)
      references statements (region_code, id),
    constraint adjustments_applied_elsewhere check (applied_statement_id is null or applied_statement_id <> against_statement_id)
  )`,
  // Lines are copies, not references: what was billed stays readable when deliveries change.
  `create table statement_lines (
    region_code text not null,
    statement_id text not null,
    line_no integer not null,
    kind text not null,
    engagement_id text,
    delivery_id text,
    adjustment_id text,
    description text not null,
    delivered_on date,
    units integer not null,
    free_units integer not null default 0,
    charged_units integer not null default 0,
    rate_pence bigint not null default 0,
    amount_pence bigint not null,
    constraint statement_lines_pkey primary key (region_code, statement_id, line_no),
    constraint statement_lines_statement_fkey foreign key (region_code, statement_id)
      references statements (region_code, id),
    constraint statement_lines_engagement_fkey foreign key (region_code, engagement_id)
      references engagements (region_code, id),
    constraint statement_lines_delivery_fkey foreign key (region_code, delivery_id)
      references deliveries (region_code, id),
    constraint statement_lines_adjustment_fkey foreign key (region_code, adjustment_id)
      references adjustments (region_code, id),
    constraint statement_lines_kind_known check (kind in ('CHARGE', 'ADJUSTMENT')),
    constraint statement_lines_line_no_positive check (line_no > 0),
    constraint statement_lines_rate_not_negative check (rate_pence >= 0),
    constraint statement_lines_charge_split check (
      kind <> 'CHARGE' or (units > 0 and free_units >= 0 and charged_units >= 0
        and free_units + charged_units = units and amount_pence >= 0)
    ),
    constraint statement_lines_adjustment_reference check (kind <> 'ADJUSTMENT' or adjustment_id is not null)
  )`,
  // Rule 6: an issued statement is never rewritten. Enforced here so no code path can forget.
  `create function statements_refuse_issued_change() returns trigger
  language plpgsql as $$
  begin
    if old.issued_at is not null then
      raise exception 'statement % is issued and cannot be changed', old.id
        using errcode = 'check_violation', constraint = 'statements_issued_frozen', table = 'statements';
    end if;
    if tg_op = 'DELETE' then
      return old;
    end if;
    return new;
  end
  $$`,
  `create trigger statements_issued_frozen
    before update or delete on statements
    for each row execute function statements_refuse_issued_change()`,
  `create function statement_lines_refuse_issued_change() returns trigger
  language plpgsql as $$
  begin
    if exists (select 1 from statements s
                where s.region_code = old.region_code and s.id = old.statement_id
                  and s.issued_at is not null) then
      raise exception 'line % of issued statement % cannot be changed', old.line_no, old.statement_id
        using errcode = 'check_violation', constraint = 'statement_lines_issued_frozen', table = 'statement_lines';
    end if;
    if tg_op = 'DELETE' then
      return old;
    end if;
    return new;
  end
  $$`,
  `create trigger statement_lines_issued_frozen
    before update or delete on statement_lines
    for each row execute function statement_lines_refuse_issued_change()`,

  // Outcomes ---------------------------------------------------------------------------------
  `create table outcomes (
    region_code text not null,
    id text not null,
    engagement_id text not null,
    indicator text not null,
    unit text not null,
    good_direction text not null,
    baseline_value numeric not null,
    baseline_on date,
    target_value numeric,
    constraint outcomes_pkey primary key (region_code, id),
    constraint outcomes_engagement_fkey foreign key (region_code, engagement_id)
      references engagements (region_code, id),
    constraint outcomes_indicator_present check (length(trim(indicator)) > 0),
    constraint outcomes_good_direction_known check (good_direction in ('LOWER', 'HIGHER'))
  )`,
  `create table outcome_measurements (
    region_code text not null,
    outcome_id text not null,
    measured_on date not null,
    value numeric not null,
    note text,
    constraint outcome_measurements_pkey primary key (region_code, outcome_id, measured_on),
    constraint outcome_measurements_outcome_fkey foreign key (region_code, outcome_id)
      references outcomes (region_code, id)
  )`,

  // Benchmarking -----------------------------------------------------------------------------
  `create table benchmark_populations (
    region_code text not null,
    authority_id text not null,
    year integer not null,
    child_population integer not null,
    source text not null,
    constraint benchmark_populations_pkey primary key (region_code, authority_id, year),
    constraint benchmark_populations_authority_fkey foreign key (region_code, authority_id)
      references authorities (region_code, id),
    constraint benchmark_populations_child_population_positive check (child_population > 0)
  )`,
  // A suppressed count (published as 'c', a value of 1 to 5) is kept as suppressed with no value:
  // never zero, never in a rate.
  `create table benchmark_statistics (
    region_code text not null,
    authority_id text not null,
    year integer not null,
    measure text not null,
    value numeric,
    suppressed boolean not null default false,
    source text not null,
    constraint benchmark_statistics_pkey primary key (region_code, authority_id, year, measure),
    constraint benchmark_statistics_authority_fkey foreign key (region_code, authority_id)
      references authorities (region_code, id),
    constraint benchmark_statistics_measure_format check (measure ~ ${CODE}),
    constraint benchmark_statistics_suppressed_without_value check (
      (suppressed and value is null) or (not suppressed and value is not null)
    ),
    constraint benchmark_statistics_value_not_negative check (value is null or value >= 0)
  )`,
  `create table statistical_neighbours (
    region_code text not null,
    authority_id text not null,
    neighbour_id text not null,
    rank integer not null,
    constraint statistical_neighbours_pkey primary key (region_code, authority_id, neighbour_id),
    constraint statistical_neighbours_authority_fkey foreign key (region_code, authority_id)
      references authorities (region_code, id),
    constraint statistical_neighbours_neighbour_fkey foreign key (region_code, neighbour_id)
      references authorities (region_code, id),
    constraint statistical_neighbours_rank_unique unique (region_code, authority_id, rank),
    constraint statistical_neighbours_not_self check (neighbour_id <> authority_id),
    constraint statistical_neighbours_rank_positive check (rank > 0)
  )`,

  // Audit ------------------------------------------------------------------------------------
  `create table audit_log (
    region_code text not null,
    id bigint generated always as identity,
    actor text not null,
    action text not null,
    entity text not null,
    entity_id text not null,
    before jsonb,
    after jsonb,
    at timestamptz not null default now(),
    constraint audit_log_pkey primary key (region_code, id),
    constraint audit_log_region_fkey foreign key (region_code) references regions (region_code),
    constraint audit_log_action_present check (length(trim(action)) > 0)
  )`,
  // The audit log is append-only.
  `create function audit_log_refuse_change() returns trigger
  language plpgsql as $$
  begin
    raise exception 'the audit log is append-only'
      using errcode = 'check_violation', constraint = 'audit_log_append_only', table = 'audit_log';
  end
  $$`,
  `create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`,

  // Indexes for report queries and foreign keys ----------------------------------------------
  "create index organisations_home_authority_idx on organisations (region_code, home_authority_id)",
  "create index host_arrangements_adviser_idx on host_arrangements (region_code, adviser_id, starts_on)",
  "create index host_arrangements_authority_idx on host_arrangements (region_code, authority_id)",
  "create index engagements_status_idx on engagements (region_code, status)",
  "create index engagements_organisation_idx on engagements (region_code, organisation_id)",
  "create index engagements_strand_idx on engagements (region_code, strand)",
  "create index engagements_lead_adviser_idx on engagements (region_code, lead_adviser_id)",
  "create index engagement_transitions_engagement_idx on engagement_transitions (region_code, engagement_id, at)",
  "create index bookings_adviser_week_idx on bookings (region_code, adviser_id, week_start)",
  "create index bookings_engagement_idx on bookings (region_code, engagement_id)",
  "create index bookings_week_idx on bookings (region_code, week_start)",
  `create index deliveries_year_engagement_idx on deliveries (region_code, financial_year, engagement_id)
    include (units, delivered_on) where removed_at is null`,
  "create index deliveries_engagement_idx on deliveries (region_code, engagement_id, delivered_on)",
  "create index deliveries_adviser_date_idx on deliveries (region_code, adviser_id, delivered_on)",
  "create index deliveries_allocation_order_idx on deliveries (region_code, delivered_on, recorded_seq)",
  "create index statements_organisation_idx on statements (region_code, organisation_id, period_end)",
  "create index adjustments_pending_idx on adjustments (region_code, organisation_id) where applied_statement_id is null",
  "create index adjustments_against_statement_idx on adjustments (region_code, against_statement_id)",
  "create index outcomes_engagement_idx on outcomes (region_code, engagement_id)",
  "create index benchmark_statistics_year_measure_idx on benchmark_statistics (region_code, year, measure)",
  "create index audit_log_entity_idx on audit_log (region_code, entity, entity_id)",
  "create index audit_log_at_idx on audit_log (region_code, at)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement at a time: the extended protocol (pg with parameters, PGlite always) refuses
  // several statements in one query.
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
