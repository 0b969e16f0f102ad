import { createHash } from "node:crypto";
import {
  ENGAGEMENT_STATUSES,
  addDays,
  adviserWeek,
  canTransition,
  checkHostSupport,
  checkSalaryShares,
  reconcileStatements,
  validateDeliveryInput,
} from "@adviser-hub/domain";
import {
  type Database,
  engagementRowToEngagement,
  loadAdvisers,
  loadArrangements,
  loadOrganisation,
  loadPolicy,
  statementInput,
} from "@adviser-hub/persistence";
import { backends, compareWithScratch, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { loadAdviserWeeks } from "@adviser-hub/service";
import { type Kysely, type Transaction, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONDON, SEED_AS_OF } from "./london-pilot-data.js";
import { type SeedSummary, seedLondonPilot } from "./seed-london-pilot.js";

/** The region's newest policy, as the service's use cases read it. */
async function latestPolicy(trx: Transaction<Database>) {
  const policy = await loadPolicy(trx, LONDON);
  if (!policy.ok) throw new Error(policy.error.message);
  return policy.value;
}

/** Every table's rows in primary-key order, hashed: equal hashes mean equal data. */
async function dumpHash(db: Kysely<Database>): Promise<{ hash: string; counts: Record<string, number> }> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
     order by table_name`.execute(db);
  const hash = createHash("sha256");
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    // Ordering by the whole row text is total and needs no knowledge of each key. A region's
    // data version counts write transactions (a re-run that changes nothing may still count
    // one): which regions have one is data, the count is not.
    const rows =
      table_name === "region_data_versions"
        ? await sql<{ row: string }>`select region_code as row from region_data_versions order by 1`.execute(db)
        : await sql<{ row: string }>`
      select t::text as row from ${sql.table(table_name)} t order by t::text`.execute(db);
    counts[table_name] = rows.rows.length;
    hash.update(table_name);
    for (const r of rows.rows) hash.update(r.row);
  }
  return { hash: hash.digest("hex"), counts };
}

describe.each(backends())("London pilot seed on %s", (backend) => {
  let test: TestDatabase;
  let first: SeedSummary;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    first = await seedLondonPilot(test.db);
  });
  afterAll(async () => {
    await test?.close();
  });

  // Exact figures: the seed is deterministic, so any change to what it writes shows here first.
  it("seeds an empty database with the pilot", () => {
    expect(first).toEqual({
      regionCode: LONDON,
      inserted: true,
      authorities: 33,
      organisations: 33 * 4 + 3,
      advisers: 3,
      hostArrangements: 4,
      funders: 3,
      engagements: 80,
      // Every status of the lifecycle appears at least once.
      engagementsByStatus: {
        REQUESTED: 1,
        ACCEPTED: 4,
        WAITLISTED: 1,
        DECLINED: 1,
        WITHDRAWN: 1,
        ACTIVE: 5,
        COMPLETED: 66,
        CANCELLED: 1,
      },
      bookings: 487,
      deliveries: 1415,
      deliveriesByYear: { "2010": 877, "2011": 538 },
      outcomes: 5,
      measurements: 10,
      benchmarkStatistics: 33 * 2 * 6,
      suppressedStatistics: 2,
      statisticalNeighbours: 330,
      statements: 33,
      adjustments: 3,
      holdersPastFreeDays: { "2010": 13, "2011": 7 },
    });
  });

  it("writes exactly these rows, table by table", async () => {
    expect((await dumpHash(test.db)).counts).toEqual({
      adjustments: 3,
      adviser_leave: 80,
      advisers: 3,
      audit_log: 1,
      authorities: 33,
      benchmark_area_statistics: 0,
      benchmark_populations: 66,
      benchmark_statistics: 396,
      bookings: 487,
      case_review_engagements: 2,
      case_reviews: 1,
      deliveries: 1415,
      engagement_transitions: 300,
      engagements: 80,
      funder_contributions: 6,
      funders: 3,
      host_arrangements: 4,
      knowledge_event_invitations: 14,
      knowledge_event_learning_items: 4,
      knowledge_event_themes: 4,
      knowledge_events: 2,
      learning_item_authorities: 2,
      learning_item_engagements: 6,
      learning_item_organisations: 0,
      learning_item_themes: 13,
      learning_items: 6,
      organisation_rates: 4,
      organisations: 135,
      outcome_measurements: 10,
      outcomes: 5,
      recommendations: 5,
      region_data_versions: 1,
      region_policies: 2,
      regions: 1,
      statement_lines: 286,
      statements: 33,
      statistical_neighbours: 330,
      // Every theme the seeded engagements use, registered as they are written.
      themes: 57,
    });
  });

  it("funds each year with exactly the programme cost", async () => {
    const rows = await test.db
      .selectFrom("funder_contributions")
      .select(["financial_year", (eb) => eb.fn.sum<number>("amount_pence").as("total")])
      .where("region_code", "=", LONDON)
      .groupBy("financial_year")
      .orderBy("financial_year")
      .execute();
    expect(rows.map((r) => [r.financial_year, Number(r.total)])).toEqual([
      [2010, 36_000_000],
      [2011, 36_000_000],
    ]);
  });

  it("keeps suppressed counts as suppressed, never as zero, and labels statistics synthetic", async () => {
    const city = await test.db
      .selectFrom("benchmark_statistics")
      .selectAll()
      .where("region_code", "=", LONDON)
      .where("authority_id", "=", "E09000001")
      .where("suppressed", "=", true)
      .execute();
    expect(city.length).toBe(2);
    expect(city.every((s) => s.value === null)).toBe(true);
    const unlabelled = await test.db
      .selectFrom("benchmark_statistics")
      .select("measure")
      .where("source", "not like", "synthetic%")
      .execute();
    expect(unlabelled).toEqual([]);
  });

  it("records rapid-response call-outs with request and on-site times", async () => {
    const rows = await test.db
      .selectFrom("engagements as e")
      .innerJoin("deliveries as d", (j) => j.onRef("d.region_code", "=", "e.region_code").onRef("d.engagement_id", "=", "e.id"))
      .select(["e.id", "e.requested_at", "d.started_at"])
      .where("e.region_code", "=", LONDON)
      .where("e.strand", "=", "RAPID_RESPONSE")
      .where("d.started_at", "is not", null)
      .execute();
    const first = new Map<string, number>();
    for (const r of rows) {
      const hours = (r.started_at!.getTime() - r.requested_at.getTime()) / 3_600_000;
      first.set(r.id, Math.min(first.get(r.id) ?? Number.POSITIVE_INFINITY, hours));
    }
    expect(first.size).toBe(5);
    for (const hours of first.values()) expect(hours).toBeGreaterThan(0);
  });

  it("satisfies the domain's capacity, delivery, hosting and lifecycle rules", async () => {
    await test.db.transaction().execute(async (trx) => {
      const policy = await latestPolicy(trx);
      const advisers = await loadAdvisers(trx, LONDON);

      // No adviser-week holds more confirmed capacity-held units than the domain's bookable.
      const weeks = await loadAdviserWeeks(trx, policy, LONDON, advisers, "2010-03-29", 100);
      let checkedWeeks = 0;
      for (const week of weeks) {
        const confirmed = adviserWeek(policy, week.capacity, week.bookings, 0).confirmedUnits;
        if (confirmed === 0) continue;
        checkedWeeks += 1;
        expect(confirmed, `${week.capacity.adviserId} ${week.capacity.weekStart}`).toBeLessThanOrEqual(week.capacity.bookableUnits);
      }
      expect(checkedWeeks).toBe(227);

      const arrangements = await loadArrangements(
        trx,
        LONDON,
        advisers.map((a) => a.id),
      );
      for (const adviser of advisers) expect(checkSalaryShares(arrangements.filter((a) => a.adviserId === adviser.id)).ok).toBe(true);

      // Every delivery is one the domain would accept on its engagement, on its date.
      const engagements = new Map(
        (await trx.selectFrom("engagements").selectAll().where("region_code", "=", LONDON).execute()).map((e) => [e.id, e]),
      );
      const deliveries = await trx.selectFrom("deliveries").selectAll().where("region_code", "=", LONDON).execute();
      for (const d of deliveries) {
        const row = engagements.get(d.engagement_id)!;
        const valid = validateDeliveryInput(
          policy,
          { engagementId: d.engagement_id, adviserId: d.adviser_id, date: d.delivered_on, days: String(d.units / 2) },
          { ...engagementRowToEngagement(row), status: "ACTIVE" },
        );
        expect(valid.ok, `${d.id} ${JSON.stringify(valid)}`).toBe(true);
        if (valid.ok) expect(valid.value.financialYear).toBe(d.financial_year);
        if (row.strand === "HOST_SUPPORT") {
          const organisation = (await loadOrganisation(trx, LONDON, row.organisation_id))!;
          const host = checkHostSupport({
            adviserId: d.adviser_id,
            date: d.delivered_on,
            organisationHomeAuthorityId: organisation.homeAuthorityId,
            arrangements,
          });
          expect(host.ok, d.id).toBe(true);
        }
      }

      // Bookings sit inside their engagement's dates; confirmed ones in weeks after "today" only on
      // engagements that are accepted or under way.
      const bookings = await trx.selectFrom("bookings").selectAll().where("region_code", "=", LONDON).execute();
      for (const b of bookings) {
        const row = engagements.get(b.engagement_id)!;
        expect(b.week_start <= (row.ends_on ?? "9999-12-31"), b.id).toBe(true);
        expect(addDays(b.week_start, 6) >= (row.starts_on ?? "0000-01-01"), b.id).toBe(true);
        if (b.status === "CONFIRMED" && b.week_start > SEED_AS_OF)
          expect(["ACCEPTED", "ACTIVE"], `${b.id} ${row.id}`).toContain(row.status);
      }

      // Every engagement's transitions form a chain the lifecycle allows, ending at its status.
      const transitions = await trx
        .selectFrom("engagement_transitions")
        .selectAll()
        .where("region_code", "=", LONDON)
        .orderBy("engagement_id")
        .orderBy("id")
        .execute();
      for (const [id, row] of engagements) {
        const chain = transitions.filter((t) => t.engagement_id === id);
        expect(chain[0]?.to_status, id).toBe("REQUESTED");
        for (let i = 1; i < chain.length; i += 1) {
          expect(chain[i]!.from_status, id).toBe(chain[i - 1]!.to_status);
          expect(chain[i]!.at.getTime(), id).toBeGreaterThanOrEqual(chain[i - 1]!.at.getTime());
          expect(canTransition(chain[i]!.from_status!, chain[i]!.to_status), `${id} ${chain[i]!.from_status}->${chain[i]!.to_status}`).toBe(true);
        }
        expect(chain.at(-1)?.to_status, id).toBe(row.status);
        expect(ENGAGEMENT_STATUSES).toContain(row.status);
      }
    });
  });

  it("issues 2010 statements that reconcile: issued plus pending equals the charge recomputed", async () => {
    expect(first.statements).toBe(33);
    expect(first.adjustments).toBe(3);
    // The allocation the statements are drafted from is the domain's, from scratch, year by year.
    const { expected, actual } = await compareWithScratch(test.db, LONDON);
    expect(actual).toEqual(expected);
    await test.db.transaction().execute(async (trx) => {
      const policy = await latestPolicy(trx);
      const organisations = await trx
        .selectFrom("statements")
        .select("organisation_id")
        .distinct()
        .where("region_code", "=", LONDON)
        .execute();
      let issuedTotal = 0;
      let pendingTotal = 0;
      for (const { organisation_id } of organisations) {
        const input = await statementInput(trx, policy, LONDON, organisation_id);
        const r = reconcileStatements(policy, input);
        expect(r.issuedPence + r.pendingAdjustmentsPence, organisation_id).toBe(r.recomputedThroughBilledPence);
        issuedTotal += r.issuedPence;
        pendingTotal += r.pendingAdjustmentsPence;
      }
      expect(issuedTotal).toBe(8_795_000);
      // March 2011 work recorded after March was billed waits for the next statement.
      expect(pendingTotal).toBe(90_000);
    });
  });

  it("gives identical data when run twice", async () => {
    const before = await dumpHash(test.db);
    const second = await seedLondonPilot(test.db);
    const after = await dumpHash(test.db);
    expect(second.inserted).toBe(false);
    expect(after.counts).toEqual(before.counts);
    expect(after.hash).toBe(before.hash);
    expect({ ...second, inserted: true }).toEqual(first);
  });

  it("gives the same data, byte for byte, in a second empty database", async () => {
    const other = await createTestDatabase(backend);
    try {
      await seedLondonPilot(other.db);
      expect((await dumpHash(other.db)).hash).toBe((await dumpHash(test.db)).hash);
    } finally {
      await other.close();
    }
  });
});
