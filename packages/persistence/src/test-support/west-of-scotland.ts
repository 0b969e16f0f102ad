import { westOfScotlandPolicy } from "@adviser-hub/domain";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

// A second region shaped unlike London, so that every branch of the charge path runs through
// the commands and the report queries: the domain's West of Scotland preset pools quota by
// organisation, sets the 2011 allowance apart (20 units instead of 24), counts in quarter days,
// starts its year in July and charges strategic work as well as project support. The police
// have a negotiated rate for 2010; the council's project work has an agreed rate; everything
// else is priced at the policy's default of its year.

export const WEST = {
  regionCode: westOfScotlandPolicy.code,
  glasgow: "S12000049",
  renfrewshire: "S12000038",
  council: "org-S12000049-council",
  police: "org-S12000049-police",
  renfrewCouncil: "org-S12000038-council",
  board: "org-wos-committee",
  adviserId: "adv-wos-1",
  /** Council project support at an agreed 520.00 a day. */
  councilProject: "eng-wos-council-project",
  councilStrategic: "eng-wos-council-strategic",
  councilRapid: "eng-wos-council-rapid",
  policeStrategic: "eng-wos-police-strategic",
  renfrewProject: "eng-wos-renfrew-project",
  boardStrategic: "eng-wos-board-strategic",
  councilAgreedRatePence: 52_000,
  policeNegotiatedRate2010Pence: 45_001,
} as const;

export async function insertWestOfScotland(db: Kysely<Database>): Promise<typeof WEST> {
  const region = WEST.regionCode;
  await db.insertInto("regions").values({ region_code: region, name: westOfScotlandPolicy.name }).execute();
  await db
    .insertInto("region_policies")
    .values({ region_code: region, from_year: 2010, policy: JSON.stringify(westOfScotlandPolicy) })
    .execute();
  await db
    .insertInto("authorities")
    .values([
      { region_code: region, id: WEST.glasgow, name: "Glasgow City" },
      { region_code: region, id: WEST.renfrewshire, name: "Renfrewshire" },
    ])
    .execute();
  await db
    .insertInto("organisations")
    .values([
      { region_code: region, id: WEST.council, name: "Glasgow social work", kind: "COUNCIL", home_authority_id: WEST.glasgow },
      { region_code: region, id: WEST.police, name: "Police Scotland, Greater Glasgow", kind: "POLICE", home_authority_id: WEST.glasgow },
      { region_code: region, id: WEST.renfrewCouncil, name: "Renfrewshire social work", kind: "COUNCIL", home_authority_id: WEST.renfrewshire },
      { region_code: region, id: WEST.board, name: "West of Scotland child protection committee", kind: "SAFEGUARDING_BOARD", home_authority_id: null },
    ])
    .execute();
  await db
    .insertInto("organisation_rates")
    .values({ region_code: region, organisation_id: WEST.police, financial_year: 2010, day_rate_pence: WEST.policeNegotiatedRate2010Pence })
    .execute();
  await db
    .insertInto("advisers")
    .values({ region_code: region, id: WEST.adviserId, name: "Morag Campbell", fte_bp: 10000, employed_from: "2010-07-01", employed_to: "2012-06-30" })
    .execute();
  const engagement = (id: string, organisation: string, strand: Database["engagements"]["strand"], rate: number | null) => ({
    region_code: region,
    id,
    organisation_id: organisation,
    strand,
    title: `${strand} work for ${organisation}`,
    themes: ["test"],
    lead_adviser_id: WEST.adviserId,
    agreed_rate_pence: rate,
    estimate_units: 80,
    status: "ACCEPTED" as const,
    requested_at: new Date("2010-07-01T09:00:00Z"),
    starts_on: "2010-07-01",
    ends_on: "2012-06-30",
  });
  await db
    .insertInto("engagements")
    .values([
      engagement(WEST.councilProject, WEST.council, "PROJECT_SUPPORT", WEST.councilAgreedRatePence),
      engagement(WEST.councilStrategic, WEST.council, "STRATEGIC", null),
      engagement(WEST.councilRapid, WEST.council, "RAPID_RESPONSE", null),
      engagement(WEST.policeStrategic, WEST.police, "STRATEGIC", null),
      engagement(WEST.renfrewProject, WEST.renfrewCouncil, "PROJECT_SUPPORT", null),
      engagement(WEST.boardStrategic, WEST.board, "STRATEGIC", null),
    ])
    .execute();
  return WEST;
}
