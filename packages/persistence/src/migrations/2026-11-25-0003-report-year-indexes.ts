import { type Kysely, sql } from "kysely";

// The funding report reads one financial year of a region that keeps many. Engagements have no
// year column: the year's requests are found by their request instant, which without an index
// means reading every engagement the region ever had. The id, estimate and strand ride along so
// the demand and rapid-response figures are answered from the index alone. Waitlisting is rare
// (a few transitions in thousands): a partial index finds those few without reading the rest.
// Forward only.

const statements = [
  `create index engagements_requested_idx on engagements (region_code, requested_at)
     include (id, estimate_units, strand)`,
  `create index engagement_transitions_waitlisted_idx on engagement_transitions (region_code, engagement_id)
     where to_status = 'WAITLISTED'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
