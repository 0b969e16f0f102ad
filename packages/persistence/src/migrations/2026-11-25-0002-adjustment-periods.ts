import { type Kysely, sql } from "kysely";

// An adjustment corrects one billing period: what its deliveries cost now minus what was billed
// for it so far. A period that never had a statement of its own (nothing was chargeable when it
// was billed) can still need one after a backdated delivery, so the adjustment names its period
// and the statement it corrects becomes optional. billed/recomputed keep the arithmetic that
// produced the amount, frozen with the statement that carries it. A statement also keeps who
// issued it, as every other change keeps who made it. Forward only.

const statements = [
  "alter table adjustments alter column against_statement_id drop not null",
  "alter table adjustments add column period_start date",
  "alter table adjustments add column period_end date",
  "alter table adjustments add column billed_pence bigint",
  "alter table adjustments add column recomputed_pence bigint",
  `alter table adjustments add constraint adjustments_period_end_after_start
     check (period_end is null or period_start is null or period_end >= period_start)`,
  `alter table adjustments add constraint adjustments_names_what_it_corrects
     check (against_statement_id is not null or (period_start is not null and period_end is not null))`,
  "alter table statements add column issued_by text",
  `create index adjustments_period_idx on adjustments (region_code, organisation_id, period_start)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
