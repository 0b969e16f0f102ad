import type { Adviser, HostArrangement, Leave, Organisation } from "@adviser-hub/domain";
import type { Transaction } from "kysely";
import type { AdviserRow, Database, EngagementRow } from "../schema.js";

// Reads the rows commands need, always filtered by region, and maps them to the domain's shapes.

/**
 * The engagement row, locked FOR UPDATE so its status changes one writer at a time, with its
 * organisation's home authority (read, not locked) so a caller can check an authority's area
 * and show the engagement without a second read.
 */
export async function lockEngagement(
  trx: Transaction<Database>,
  region: string,
  engagementId: string,
): Promise<(EngagementRow & { readonly home_authority_id: string | null }) | undefined> {
  return trx
    .selectFrom("engagements as e")
    .selectAll("e")
    .select((eb) =>
      eb
        .selectFrom("organisations as o")
        .select("o.home_authority_id")
        .whereRef("o.region_code", "=", "e.region_code")
        .whereRef("o.id", "=", "e.organisation_id")
        .as("home_authority_id"),
    )
    .where("e.region_code", "=", region)
    .where("e.id", "=", engagementId)
    .forUpdate()
    .executeTakeFirst();
}

export async function loadOrganisation(
  trx: Transaction<Database>,
  region: string,
  organisationId: string,
): Promise<Organisation | undefined> {
  const row = await trx
    .selectFrom("organisations")
    .selectAll()
    .where("region_code", "=", region)
    .where("id", "=", organisationId)
    .executeTakeFirst();
  return row
    ? {
        regionCode: row.region_code,
        id: row.id,
        name: row.name,
        kind: row.kind as Organisation["kind"],
        homeAuthorityId: row.home_authority_id,
        closedOn: row.closed_on,
      }
    : undefined;
}

export async function loadAdviser(
  trx: Transaction<Database>,
  region: string,
  adviserId: string,
): Promise<Adviser | undefined> {
  const row = await trx
    .selectFrom("advisers")
    .selectAll()
    .where("region_code", "=", region)
    .where("id", "=", adviserId)
    .executeTakeFirst();
  return row ? toAdviser(row) : undefined;
}

export async function loadAdvisers(trx: Transaction<Database>, region: string): Promise<Adviser[]> {
  const rows = await trx.selectFrom("advisers").selectAll().where("region_code", "=", region).orderBy("id").execute();
  return rows.map(toAdviser);
}

function toAdviser(row: AdviserRow): Adviser {
  return {
    regionCode: row.region_code,
    id: row.id,
    name: row.name,
    fteBp: row.fte_bp,
    employmentStart: row.employed_from,
    employmentEnd: row.employed_to,
  };
}

/** Leave rows are one per day; the domain takes ranges, so each day is a one-day range. */
export async function loadLeave(
  trx: Transaction<Database>,
  region: string,
  adviserIds: readonly string[],
  from: string,
  to: string,
): Promise<Leave[]> {
  if (adviserIds.length === 0) return [];
  const rows = await trx
    .selectFrom("adviser_leave")
    .selectAll()
    .where("region_code", "=", region)
    .where("adviser_id", "in", [...adviserIds])
    .where("leave_on", ">=", from)
    .where("leave_on", "<=", to)
    .orderBy("adviser_id")
    .orderBy("leave_on")
    .execute();
  return rows.map((r) => ({
    regionCode: r.region_code,
    id: `${r.adviser_id}/${r.leave_on}`,
    adviserId: r.adviser_id,
    startDate: r.leave_on,
    endDate: r.leave_on,
    unitsPerDay: r.units,
  }));
}

export async function loadArrangements(
  trx: Transaction<Database>,
  region: string,
  adviserIds: readonly string[],
): Promise<HostArrangement[]> {
  if (adviserIds.length === 0) return [];
  const rows = await trx
    .selectFrom("host_arrangements")
    .selectAll()
    .where("region_code", "=", region)
    .where("adviser_id", "in", [...adviserIds])
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    regionCode: r.region_code,
    id: r.id,
    adviserId: r.adviser_id,
    authorityId: r.authority_id,
    startDate: r.starts_on,
    endDate: r.ends_on,
    salaryShareBp: r.salary_share_bp,
    commitmentUnitsPerWeek: r.commitment_units_per_week,
  }));
}
