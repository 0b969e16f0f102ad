import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** Ids of the rows `insertMinimalRegion` creates. */
export const MINIMAL = {
  regionCode: "test",
  authorityId: "E09000020",
  organisationId: "org-E09000020-council",
  adviserId: "adv-1",
  engagementId: "eng-0001",
} as const;

/**
 * The fewest rows a write test needs: a region with one authority, its council, one adviser
 * and one accepted project-support engagement. Not the seed: tests that need London load it.
 */
export async function insertMinimalRegion(db: Kysely<Database>): Promise<typeof MINIMAL> {
  const { regionCode } = MINIMAL;
  await db.insertInto("regions").values({ region_code: regionCode, name: "Test region" }).execute();
  await db
    .insertInto("authorities")
    .values({ region_code: regionCode, id: MINIMAL.authorityId, name: "Kensington and Chelsea" })
    .execute();
  await db
    .insertInto("organisations")
    .values({
      region_code: regionCode,
      id: MINIMAL.organisationId,
      name: "Kensington and Chelsea children's services",
      kind: "COUNCIL",
      home_authority_id: MINIMAL.authorityId,
    })
    .execute();
  await db
    .insertInto("advisers")
    .values({
      region_code: regionCode,
      id: MINIMAL.adviserId,
      name: "Adviser One",
      fte_bp: 10000,
      employed_from: "2010-04-01",
    })
    .execute();
  await db
    .insertInto("engagements")
    .values({
      region_code: regionCode,
      id: MINIMAL.engagementId,
      organisation_id: MINIMAL.organisationId,
      strand: "PROJECT_SUPPORT",
      title: "Review of child protection arrangements",
      themes: ["child protection"],
      lead_adviser_id: MINIMAL.adviserId,
      estimate_units: 20,
      status: "ACCEPTED",
      requested_at: new Date("2010-04-06T09:00:00Z"),
    })
    .execute();
  return MINIMAL;
}
