import { londonPilotPolicy } from "@adviser-hub/london-pilot";
import type { Database } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";

/**
 * A small London with the pilot's policy and no work recorded yet, so DOMAIN.md's worked
 * examples start from an untouched allowance: one borough (Southwark) with its council and
 * police, a region-wide board, Kensington and Chelsea hosting one adviser a day a week.
 */
export const FIXTURE = {
  region: "london",
  southwark: "E09000028",
  kensington: "E09000020",
  council: "org-E09000028-council",
  police: "org-E09000028-police",
  board: "org-london-lscb",
  hostedAdviser: "adv-1",
  otherAdviser: "adv-2",
} as const;

export async function insertLondonFixture(db: Kysely<Database>): Promise<void> {
  const region = FIXTURE.region;
  await db.insertInto("regions").values({ region_code: region, name: "London" }).execute();
  await db
    .insertInto("region_policies")
    .values({ region_code: region, from_year: 2010, policy: JSON.stringify(londonPilotPolicy) })
    .execute();
  await db
    .insertInto("authorities")
    .values([
      { region_code: region, id: FIXTURE.southwark, name: "Southwark" },
      { region_code: region, id: FIXTURE.kensington, name: "Kensington and Chelsea" },
    ])
    .execute();
  await db
    .insertInto("organisations")
    .values([
      { region_code: region, id: FIXTURE.council, name: "Southwark Children's Services", kind: "COUNCIL", home_authority_id: FIXTURE.southwark },
      { region_code: region, id: FIXTURE.police, name: "Southwark police", kind: "POLICE", home_authority_id: FIXTURE.southwark },
      { region_code: region, id: FIXTURE.board, name: "London Safeguarding Children Board", kind: "SAFEGUARDING_BOARD", home_authority_id: null },
    ])
    .execute();
  await db
    .insertInto("advisers")
    .values([
      { region_code: region, id: FIXTURE.hostedAdviser, name: "Alex Morgan", fte_bp: 10000, employed_from: "2010-04-01", employed_to: "2012-03-31" },
      { region_code: region, id: FIXTURE.otherAdviser, name: "Sam Okafor", fte_bp: 10000, employed_from: "2010-04-01", employed_to: "2012-03-31" },
    ])
    .execute();
  await db
    .insertInto("host_arrangements")
    .values({
      region_code: region,
      id: "host-1",
      adviser_id: FIXTURE.hostedAdviser,
      authority_id: FIXTURE.kensington,
      starts_on: "2010-04-01",
      ends_on: "2012-03-31",
      salary_share_bp: 3000,
      commitment_units_per_week: 2,
    })
    .execute();
}

/** A request for project support by the fixture's council: the write the fault tests hold in flight. */
export const REQUEST_ENGAGEMENT = `mutation($input: RequestEngagementInput!) { requestEngagement(input: $input) {
  __typename ... on RequestEngagementPayload { engagement { id status } } } }`;

export const requestEngagementInput = (title: string) => ({
  input: {
    organisationId: FIXTURE.council,
    strand: "PROJECT_SUPPORT",
    title,
    themes: ["child protection"],
    leadAdviserId: FIXTURE.otherAdviser,
    agreedDayRatePence: null,
    estimateDays: "3",
    startDate: "2010-04-06",
    endDate: "2011-03-31",
  },
});
