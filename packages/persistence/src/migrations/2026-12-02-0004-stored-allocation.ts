import { type Kysely, sql } from "kysely";

// The allocation of free quota and charges (rules 3 to 5) is decided by the domain when a
// delivery is recorded, corrected or removed, and stored on each live delivery, so reports sum
// stored facts instead of re-deriving the rules. The columns are nullable only for rows written
// before this migration (and for removed deliveries, which hold no allocation): an application
// backfill allocates those with the domain, because a migration never imports the rules.
//
// Also: an agreed day rate of 0 was allowed here but refused by the domain; the database now
// agrees with the domain (a rate, when present, is above zero). Existing zeros meant "no agreed
// rate" to every reader (the report's SQL read them with nullif(.., 0)), so they become null.
// Forward only.

const statements = [
  "alter table deliveries add column holder_id text",
  "alter table deliveries add column quota_units integer",
  "alter table deliveries add column free_units integer",
  "alter table deliveries add column chargeable_units integer",
  "alter table deliveries add column day_rate_pence bigint",
  "alter table deliveries add column charge_pence bigint",
  `alter table deliveries add constraint deliveries_allocation_all_or_none check (
     (holder_id is null and quota_units is null and free_units is null and chargeable_units is null
        and day_rate_pence is null and charge_pence is null)
     or (holder_id is not null and quota_units is not null and free_units is not null and chargeable_units is not null
        and day_rate_pence is not null and charge_pence is not null))`,
  `alter table deliveries add constraint deliveries_allocation_not_negative check (
     quota_units >= 0 and free_units >= 0 and chargeable_units >= 0 and day_rate_pence >= 0 and charge_pence >= 0)`,
  // The domain splits every unit into free or chargeable, and quota units are part of the free.
  `alter table deliveries add constraint deliveries_allocation_splits_units check (
     free_units + chargeable_units = units and quota_units <= free_units)`,
  // Nothing chargeable carries no rate and no charge; something chargeable is priced at a rate
  // above zero (the charge itself may round to 0 pence, so it is not bounded further).
  `alter table deliveries add constraint deliveries_allocation_priced check (
     (chargeable_units = 0 and day_rate_pence = 0 and charge_pence = 0)
     or (chargeable_units > 0 and day_rate_pence > 0))`,
  // A removed delivery draws nothing from the allowance and owes nothing: it holds no allocation.
  `alter table deliveries add constraint deliveries_removed_unallocated check (removed_at is null or holder_id is null)`,
  // Serves the reports' sums by region and year (and holder): index-only over live deliveries.
  `create index deliveries_allocation_year_holder_idx on deliveries (region_code, financial_year, holder_id)
     include (units, quota_units, free_units, chargeable_units, charge_pence)
     where removed_at is null`,
  // The backfill finds what it has left to allocate without reading allocated rows.
  `create index deliveries_unallocated_idx on deliveries (region_code, financial_year)
     where holder_id is null and removed_at is null`,

  "update engagements set agreed_rate_pence = null where agreed_rate_pence = 0",
  "alter table engagements drop constraint engagements_agreed_rate_not_negative",
  `alter table engagements add constraint engagements_agreed_rate_positive
     check (agreed_rate_pence is null or agreed_rate_pence > 0)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
