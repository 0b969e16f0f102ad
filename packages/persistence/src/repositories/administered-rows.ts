import { type Transaction, sql } from "kysely";
import type {
  AdviserLeaveRow,
  AdviserRow,
  AuthorityRow,
  Database,
  FunderContributionRow,
  FunderRow,
  HostArrangementRow,
  OrganisationRateRow,
  OrganisationRow,
} from "../schema.js";

// Rows of the entities a region administers, read and written for the service's save use
// cases. Each save reads the stored row FOR UPDATE (the audit's "before", and one writer at a
// time per row) and then writes it with INSERT ... ON CONFLICT DO UPDATE, so a save is the
// same statement whether it creates or changes. They decide nothing.

/** A row as it was before a save (null: the save created it) and as written. */
export interface SavedRow<T> {
  readonly before: T | null;
  readonly after: T;
}

type Trx = Transaction<Database>;

export async function saveAuthorityRow(trx: Trx, region: string, values: { id: string; name: string }): Promise<SavedRow<AuthorityRow>> {
  const before = await trx.selectFrom("authorities").selectAll().where("region_code", "=", region).where("id", "=", values.id).forUpdate().executeTakeFirst();
  const after = await trx
    .insertInto("authorities")
    .values({ region_code: region, id: values.id, name: values.name })
    .onConflict((oc) => oc.columns(["region_code", "id"]).doUpdateSet({ name: values.name }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: before ?? null, after };
}

/** Child population (0-17) by year: the given years are written, others kept. Returns the years' figures before. */
export async function saveChildPopulations(
  trx: Trx,
  region: string,
  authorityId: string,
  rows: readonly { readonly year: number; readonly population: number }[],
  source: string,
): Promise<{ year: number; population: number }[]> {
  if (rows.length === 0) return [];
  const before = await trx
    .selectFrom("benchmark_populations")
    .select(["year", "child_population"])
    .where("region_code", "=", region)
    .where("authority_id", "=", authorityId)
    .where(
      "year",
      "in",
      rows.map((r) => r.year),
    )
    .orderBy("year")
    .forUpdate()
    .execute();
  await trx
    .insertInto("benchmark_populations")
    .values(rows.map((r) => ({ region_code: region, authority_id: authorityId, year: r.year, child_population: r.population, source })))
    .onConflict((oc) =>
      oc.columns(["region_code", "authority_id", "year"]).doUpdateSet((eb) => ({
        child_population: eb.ref("excluded.child_population"),
        source: eb.ref("excluded.source"),
      })),
    )
    .execute();
  return before.map((b) => ({ year: b.year, population: b.child_population }));
}

export async function saveOrganisationRow(
  trx: Trx,
  region: string,
  values: Pick<OrganisationRow, "id" | "name" | "kind" | "home_authority_id" | "closed_on">,
): Promise<SavedRow<OrganisationRow>> {
  const before = await trx.selectFrom("organisations").selectAll().where("region_code", "=", region).where("id", "=", values.id).forUpdate().executeTakeFirst();
  const after = await trx
    .insertInto("organisations")
    .values({ region_code: region, ...values })
    .onConflict((oc) =>
      oc.columns(["region_code", "id"]).doUpdateSet({
        name: values.name,
        kind: values.kind,
        home_authority_id: values.home_authority_id,
        closed_on: values.closed_on,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: before ?? null, after };
}

/** The date of the organisation's last delivery (live or removed: both were allocated to its holder); null when none. */
export async function lastDeliveryOf(trx: Trx, region: string, organisationId: string): Promise<string | null> {
  const row = await trx
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
    .select((eb) => eb.fn.max("d.delivered_on").as("last"))
    .where("d.region_code", "=", region)
    .where("e.organisation_id", "=", organisationId)
    .executeTakeFirst();
  return row?.last ?? null;
}

/** Writes (or with null removes) an organisation's negotiated rate for a year; returns the rate before. */
export async function saveOrganisationRateRow(
  trx: Trx,
  region: string,
  organisationId: string,
  year: number,
  dayRatePence: number | null,
): Promise<{ before: OrganisationRateRow | null; after: OrganisationRateRow | null }> {
  const before = await trx
    .selectFrom("organisation_rates")
    .selectAll()
    .where("region_code", "=", region)
    .where("organisation_id", "=", organisationId)
    .where("financial_year", "=", year)
    .forUpdate()
    .executeTakeFirst();
  if (dayRatePence === null) {
    if (before)
      await trx
        .deleteFrom("organisation_rates")
        .where("region_code", "=", region)
        .where("organisation_id", "=", organisationId)
        .where("financial_year", "=", year)
        .execute();
    return { before: before ?? null, after: null };
  }
  const after = await trx
    .insertInto("organisation_rates")
    .values({ region_code: region, organisation_id: organisationId, financial_year: year, day_rate_pence: dayRatePence })
    .onConflict((oc) => oc.columns(["region_code", "organisation_id", "financial_year"]).doUpdateSet({ day_rate_pence: dayRatePence }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: before ?? null, after };
}

/** Which of `ids` are authorities of the region. */
export async function existingAuthorityIds(trx: Trx, region: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx.selectFrom("authorities").select("id").where("region_code", "=", region).where("id", "in", [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

/** Replaces an authority's statistical neighbours with `neighbourIds`, nearest first; returns the list before. */
export async function replaceStatisticalNeighbours(trx: Trx, region: string, authorityId: string, neighbourIds: readonly string[]): Promise<string[]> {
  const before = await trx
    .deleteFrom("statistical_neighbours")
    .where("region_code", "=", region)
    .where("authority_id", "=", authorityId)
    .returning(["neighbour_id", "rank"])
    .execute();
  if (neighbourIds.length > 0)
    await trx
      .insertInto("statistical_neighbours")
      .values(neighbourIds.map((id, i) => ({ region_code: region, authority_id: authorityId, neighbour_id: id, rank: i + 1 })))
      .execute();
  return before.sort((a, b) => a.rank - b.rank).map((r) => r.neighbour_id);
}

export async function saveAdviserRow(
  trx: Trx,
  region: string,
  values: Pick<AdviserRow, "id" | "name" | "fte_bp" | "employed_from" | "employed_to">,
): Promise<SavedRow<AdviserRow>> {
  const before = await trx.selectFrom("advisers").selectAll().where("region_code", "=", region).where("id", "=", values.id).forUpdate().executeTakeFirst();
  const after = await trx
    .insertInto("advisers")
    .values({ region_code: region, ...values })
    .onConflict((oc) =>
      oc.columns(["region_code", "id"]).doUpdateSet({
        name: values.name,
        fte_bp: values.fte_bp,
        employed_from: values.employed_from,
        employed_to: values.employed_to,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: before ?? null, after };
}

/**
 * The first and last dates of an adviser's recorded work: live deliveries, bookings (their
 * week's Monday to Friday) and host arrangements (an open-ended one runs to its start at least).
 * Null when there is none. One statement.
 */
export async function recordedWorkSpan(trx: Trx, region: string, adviserId: string): Promise<{ firstOn: string; lastOn: string } | null> {
  const row = await trx
    .selectNoFrom((eb) => [
      eb
        .selectFrom("deliveries")
        .select((d) => d.fn.min("delivered_on").as("v"))
        .where("region_code", "=", region)
        .where("adviser_id", "=", adviserId)
        .where("removed_at", "is", null)
        .as("first_delivery"),
      eb
        .selectFrom("deliveries")
        .select((d) => d.fn.max("delivered_on").as("v"))
        .where("region_code", "=", region)
        .where("adviser_id", "=", adviserId)
        .where("removed_at", "is", null)
        .as("last_delivery"),
      eb.selectFrom("bookings").select((b) => b.fn.min("week_start").as("v")).where("region_code", "=", region).where("adviser_id", "=", adviserId).as("first_booking"),
      // A week's booking can be worked on up to its Friday.
      eb
        .selectFrom("bookings")
        .select(sql<string>`max(week_start + 4)`.as("v"))
        .where("region_code", "=", region)
        .where("adviser_id", "=", adviserId)
        .as("last_booking"),
      eb.selectFrom("host_arrangements").select((h) => h.fn.min("starts_on").as("v")).where("region_code", "=", region).where("adviser_id", "=", adviserId).as("first_host"),
      eb
        .selectFrom("host_arrangements")
        .select((h) => h.fn.max(h.fn.coalesce("ends_on", "starts_on")).as("v"))
        .where("region_code", "=", region)
        .where("adviser_id", "=", adviserId)
        .as("last_host"),
    ])
    .executeTakeFirstOrThrow();
  const firsts = [row.first_delivery, row.first_booking, row.first_host].filter((d): d is string => typeof d === "string");
  const lasts = [row.last_delivery, row.last_booking, row.last_host].filter((d): d is string => typeof d === "string");
  if (firsts.length === 0) return null;
  return { firstOn: firsts.sort()[0]!, lastOn: lasts.sort().at(-1)! };
}

/** Replaces an adviser's leave from `from` to `to` (inclusive) with `rows`; returns the leave it replaced. */
export async function replaceLeave(
  trx: Trx,
  region: string,
  adviserId: string,
  from: string,
  to: string,
  rows: readonly { readonly leaveOn: string; readonly units: number; readonly reason: string | null }[],
): Promise<AdviserLeaveRow[]> {
  const before = await trx
    .deleteFrom("adviser_leave")
    .where("region_code", "=", region)
    .where("adviser_id", "=", adviserId)
    .where("leave_on", ">=", from)
    .where("leave_on", "<=", to)
    .returningAll()
    .execute();
  if (rows.length > 0)
    await trx
      .insertInto("adviser_leave")
      .values(rows.map((r) => ({ region_code: region, adviser_id: adviserId, leave_on: r.leaveOn, units: r.units, reason: r.reason })))
      .execute();
  return before.sort((a, b) => (a.leave_on < b.leave_on ? -1 : 1));
}

export async function saveHostArrangementRow(
  trx: Trx,
  region: string,
  values: Omit<HostArrangementRow, "region_code">,
): Promise<SavedRow<HostArrangementRow>> {
  const before = await trx
    .selectFrom("host_arrangements")
    .selectAll()
    .where("region_code", "=", region)
    .where("id", "=", values.id)
    .forUpdate()
    .executeTakeFirst();
  const { id: _id, ...changes } = values;
  const after = await trx
    .insertInto("host_arrangements")
    .values({ region_code: region, ...values })
    .onConflict((oc) => oc.columns(["region_code", "id"]).doUpdateSet(changes))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: before ?? null, after };
}

export async function saveFunderRow(trx: Trx, region: string, values: { id: string; name: string }): Promise<SavedRow<FunderRow>> {
  const before = await trx.selectFrom("funders").selectAll().where("region_code", "=", region).where("id", "=", values.id).forUpdate().executeTakeFirst();
  const after = await trx
    .insertInto("funders")
    .values({ region_code: region, ...values })
    .onConflict((oc) => oc.columns(["region_code", "id"]).doUpdateSet({ name: values.name }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: before ?? null, after };
}

export async function saveFunderContributionRow(
  trx: Trx,
  region: string,
  values: { funderId: string; year: number; amountPence: number },
): Promise<SavedRow<FunderContributionRow>> {
  const before = await trx
    .selectFrom("funder_contributions")
    .selectAll()
    .where("region_code", "=", region)
    .where("funder_id", "=", values.funderId)
    .where("financial_year", "=", values.year)
    .forUpdate()
    .executeTakeFirst();
  const after = await trx
    .insertInto("funder_contributions")
    .values({ region_code: region, funder_id: values.funderId, financial_year: values.year, amount_pence: values.amountPence })
    .onConflict((oc) => oc.columns(["region_code", "funder_id", "financial_year"]).doUpdateSet({ amount_pence: values.amountPence }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: before ?? null, after };
}
