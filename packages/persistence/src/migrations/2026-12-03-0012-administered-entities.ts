import { type Kysely, sql } from "kysely";

// Organisations end by a closing date (the last day they are a client), never by a delete.
//
// Outcome indicators defined by staff (rule 11): the period their measurements are taken in,
// a target the domain accepts only in the good direction from the baseline, and whether the
// target is met, decided by the domain (assessOutcome's targetMet) when a measurement is written
// and stored beside its assessment, so reports count stored facts. target_met is null exactly
// when the indicator has no target.
//
// Rows written before this migration get target_met once, here: a migration may not import the
// domain, so this is the one frozen copy of the comparison, for old rows only (as 0005 did for
// the assessment). The target's direction is held for new and changed rows only (NOT VALID):
// an older indicator whose target sits on the wrong side of its baseline keeps its history, and
// is refused only when it is next written. Forward only.

const statements = [
  // An organisation that stops being a client keeps its history: it is closed, never deleted.
  "alter table organisations add column closed_on date",
  "alter table outcomes add column period_start date",
  "alter table outcomes add column period_end date",
  `alter table outcomes add constraint outcomes_period_end_after_start
     check (period_end is null or period_start is null or period_end >= period_start)`,
  `alter table outcomes add constraint outcomes_target_beyond_baseline
     check (target_value is null
            or (good_direction = 'LOWER' and target_value < baseline_value)
            or (good_direction = 'HIGHER' and target_value > baseline_value)) not valid`,
  "alter table outcome_measurements add column target_met boolean",
  `update outcome_measurements m
      set target_met = case
            when o.target_value is null then null
            when o.good_direction = 'LOWER' then m.value <= o.target_value
            else m.value >= o.target_value
          end
     from outcomes o
    where o.region_code = m.region_code and o.id = m.outcome_id`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
