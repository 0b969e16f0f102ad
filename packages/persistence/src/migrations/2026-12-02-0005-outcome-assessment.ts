import { type Kysely, sql } from "kysely";

// Rule 11's assessment is decided by the domain (assessOutcome) when a measurement is written,
// and stored beside it: the funding report then counts stored assessments instead of judging
// direction in SQL. A measurement's assessment is what the outcome shows while it is the latest.
// Rows written before this migration get theirs once, here: a migration may not import the
// domain, so this is the one frozen copy of the comparison, for old rows only. Forward only.

const statements = [
  "alter table outcome_measurements add column assessment text",
  `update outcome_measurements m
      set assessment = case
            when m.value = o.baseline_value then 'UNCHANGED'
            when (o.good_direction = 'LOWER') = (m.value < o.baseline_value) then 'IMPROVED'
            else 'WORSENED'
          end
     from outcomes o
    where o.region_code = m.region_code and o.id = m.outcome_id`,
  "alter table outcome_measurements alter column assessment set not null",
  `alter table outcome_measurements add constraint outcome_measurements_assessment_known
     check (assessment in ('IMPROVED', 'WORSENED', 'UNCHANGED'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
