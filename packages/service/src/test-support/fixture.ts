import { ALL_REGIONS, type Clock, type RegionPolicy } from "@adviser-hub/domain";
import { workedExamplePolicy } from "@adviser-hub/domain/testing";
import { type Kysely, sql } from "kysely";
import type { CommandActor } from "../actor.js";
import type { Database } from "@adviser-hub/persistence";

// A small London for command tests: a policy with the pilot's figures, two boroughs, a few
// partners, two advisers (one hosted) and accepted engagements on several strands. Not the
// seed: command tests need a known, empty ledger. Nor the pilot's preset: the pilot package
// depends on persistence, so persistence's tests write out the policy they test against.

export const REGION = "london";
export const SOUTHWARK = "E09000028";
export const KENSINGTON = "E09000020";
export const COUNCIL = "org-E09000028-council";
export const POLICE = "org-E09000028-police";
export const KENSINGTON_COUNCIL = "org-E09000020-council";
export const LSCB = "org-london-lscb";
export const ENG_COUNCIL = "eng-council";
export const ENG_POLICE = "eng-police";
export const ENG_HOST = "eng-host";
export const ENG_RAPID = "eng-rapid";
export const ENG_LSCB = "eng-lscb";
export const OUTCOME = "out-1";

export const admin: CommandActor = { role: "REGION_ADMIN", regionCode: REGION, userId: "user-admin" };
export const adviser: CommandActor = { role: "ADVISER", regionCode: REGION, userId: "user-adv-1" };
/** The operator of the hub: tied to no one region. */
export const operator: CommandActor = { role: "SERVICE_ADMIN", regionCode: ALL_REGIONS, userId: "service-admin:operator" };
export const funder: CommandActor = { role: "FUNDER", regionCode: REGION, userId: "user-funder" };
export const southwark: CommandActor = {
  role: "AUTHORITY",
  regionCode: REGION,
  authority: SOUTHWARK,
  userId: "user-southwark",
};

/**
 * The worked examples' policy (docs/DOMAIN.md, held by the domain's test support) with the
 * bank holidays of the two pilot years, which is all these tests date work in.
 */
export const FIXTURE_POLICY: RegionPolicy = {
  ...workedExamplePolicy,
  code: REGION,
  bankHolidays: workedExamplePolicy.bankHolidays.filter((holiday) => holiday.date < "2012-01-01"),
};

export const clockAt = (iso: string): { clock: Clock } => ({ clock: { now: () => Date.parse(iso) } });

export async function insertFixture(db: Kysely<Database>): Promise<void> {
  await db.insertInto("regions").values({ region_code: REGION, name: "London" }).execute();
  await db
    .insertInto("region_policies")
    .values({ region_code: REGION, from_year: 2010, policy: JSON.stringify(FIXTURE_POLICY) })
    .execute();
  await db
    .insertInto("authorities")
    .values([
      { region_code: REGION, id: SOUTHWARK, name: "Southwark" },
      { region_code: REGION, id: KENSINGTON, name: "Kensington and Chelsea" },
    ])
    .execute();
  await db
    .insertInto("organisations")
    .values([
      { region_code: REGION, id: COUNCIL, name: "Southwark Children's Services", kind: "COUNCIL", home_authority_id: SOUTHWARK },
      { region_code: REGION, id: POLICE, name: "Southwark police", kind: "POLICE", home_authority_id: SOUTHWARK },
      {
        region_code: REGION,
        id: KENSINGTON_COUNCIL,
        name: "Kensington and Chelsea Children's Services",
        kind: "COUNCIL",
        home_authority_id: KENSINGTON,
      },
      { region_code: REGION, id: LSCB, name: "London Safeguarding Children Board", kind: "SAFEGUARDING_BOARD", home_authority_id: null },
    ])
    .execute();
  await db
    .insertInto("advisers")
    .values([
      { region_code: REGION, id: "adv-1", name: "Alex Morgan", fte_bp: 10000, employed_from: "2010-04-01", employed_to: "2012-03-31" },
      { region_code: REGION, id: "adv-2", name: "Sam Okafor", fte_bp: 10000, employed_from: "2010-04-01", employed_to: "2012-03-31" },
    ])
    .execute();
  await db
    .insertInto("host_arrangements")
    .values({
      region_code: REGION,
      id: "host-1",
      adviser_id: "adv-1",
      authority_id: KENSINGTON,
      starts_on: "2010-04-01",
      ends_on: "2012-03-31",
      salary_share_bp: 3000,
      commitment_units_per_week: 2,
    })
    .execute();
  const engagement = (id: string, organisation: string, strand: Database["engagements"]["strand"], rate: number | null) => ({
    region_code: REGION,
    id,
    organisation_id: organisation,
    strand,
    title: `${strand} work for ${organisation}`,
    themes: ["test"],
    lead_adviser_id: "adv-1",
    agreed_rate_pence: rate,
    estimate_units: 60,
    status: "ACCEPTED" as const,
    requested_at: new Date("2010-04-01T09:00:00Z"),
    starts_on: "2010-04-01",
    ends_on: "2011-03-31",
  });
  await db
    .insertInto("engagements")
    .values([
      engagement(ENG_COUNCIL, COUNCIL, "PROJECT_SUPPORT", 60_000),
      engagement(ENG_POLICE, POLICE, "PROJECT_SUPPORT", null),
      engagement(ENG_HOST, KENSINGTON_COUNCIL, "HOST_SUPPORT", null),
      engagement(ENG_RAPID, COUNCIL, "RAPID_RESPONSE", null),
      engagement(ENG_LSCB, LSCB, "KNOWLEDGE_HUB", null),
    ])
    .execute();
  await db
    .insertInto("outcomes")
    .values({
      region_code: REGION,
      id: OUTCOME,
      engagement_id: ENG_COUNCIL,
      indicator: "Average weeks of care proceedings",
      unit: "weeks",
      good_direction: "LOWER",
      baseline_value: 56,
      baseline_on: "2010-06-30",
      target_value: 45,
    })
    .execute();
}

/** Rows per table, to prove a failed command wrote nothing. */
export async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = [
    "engagements",
    "engagement_transitions",
    "bookings",
    "deliveries",
    "statements",
    "statement_lines",
    "adjustments",
    "outcome_measurements",
    "audit_log",
  ] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    out[table] = row.rows[0]!.n;
  }
  return out;
}
