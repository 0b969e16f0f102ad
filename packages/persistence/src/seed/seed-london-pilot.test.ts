import { createHash } from "node:crypto";
import {
  ENGAGEMENT_STATUSES,
  addDays,
  canTransition,
  checkHostSupport,
  checkSalaryShares,
  reconcileStatements,
  validateDeliveryInput,
} from "@adviser-hub/domain";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmedHeldUnits, loadAdviserWeeks } from "../repositories/adviser-weeks.js";
import { loadPolicy } from "../repositories/region-policy.js";
import { loadAdvisers, loadArrangements, loadOrganisation } from "../repositories/rows.js";
import { statementInput } from "../commands/statement-ledger.js";
import { engagementRowToEngagement } from "../repositories/engagement-row.js";
import type { Database } from "../schema.js";
import { backends, createTestDatabase, type TestDatabase } from "../test-support/index.js";
import { LONDON, SEED_AS_OF } from "./london-pilot-data.js";
import { type SeedSummary, seedLondonPilot } from "./seed-london-pilot.js";

/** Every table's rows in primary-key order, hashed: equal hashes mean equal data. */
async function dumpHash(db: Kysely<Database>): Promise<{ hash: string; counts: Record<string, number> }> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
     order by table_name`.execute(db);
  const hash = createHash("sha256");
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    // Ordering by the whole row text is total and needs no knowledge of each key.
    const rows = await sql<{ row: string }>`
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

  it("seeds an empty database with the pilot", () => {
    expect(first.inserted).toBe(true);
    expect(first.authorities).toBe(33);
    expect(first.organisations).toBe(33 * 4 + 3);
    expect(first.advisers).toBe(3);
    expect(first.funders).toBe(3);
    expect(first.engagements).toBeGreaterThan(40);
    for (const status of ["REQUESTED", "ACCEPTED", "WAITLISTED", "DECLINED", "WITHDRAWN", "ACTIVE", "COMPLETED", "CANCELLED"])
      expect(first.engagementsByStatus[status], status).toBeGreaterThan(0);
    expect(first.deliveriesByYear["2010"]).toBeGreaterThan(0);
    expect(first.deliveriesByYear["2011"]).toBeGreaterThan(0);
    expect(first.holdersPastFreeDays["2010"]).toBeGreaterThanOrEqual(3);
    expect(first.holdersPastFreeDays["2011"]).toBeGreaterThanOrEqual(3);
    expect(first.benchmarkStatistics).toBe(33 * 2 * 6);
    expect(first.suppressedStatistics).toBeGreaterThan(0);
    expect(first.statisticalNeighbours).toBe(330);
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
    expect(city.length).toBeGreaterThan(0);
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
    expect(first.size).toBeGreaterThanOrEqual(3);
    expect(first.size).toBeLessThanOrEqual(6);
    for (const hours of first.values()) expect(hours).toBeGreaterThan(0);
  });

  it("satisfies the domain's capacity, delivery, hosting and lifecycle rules", async () => {
    await test.db.transaction().execute(async (trx) => {
      const loaded = await loadPolicy(trx, LONDON);
      if (!loaded.ok) throw new Error("no policy");
      const policy = loaded.value;
      const advisers = await loadAdvisers(trx, LONDON);

      // No adviser-week holds more confirmed capacity-held units than the domain's bookable.
      const weeks = await loadAdviserWeeks(trx, policy, LONDON, advisers, "2010-03-29", 100);
      let checkedWeeks = 0;
      for (const week of weeks) {
        const confirmed = confirmedHeldUnits(policy, week.bookings);
        if (confirmed === 0) continue;
        checkedWeeks += 1;
        expect(confirmed, `${week.capacity.adviserId} ${week.capacity.weekStart}`).toBeLessThanOrEqual(week.capacity.bookableUnits);
      }
      expect(checkedWeeks).toBeGreaterThan(100);

      const arrangements = await loadArrangements(trx, LONDON, advisers.map((a) => a.id));
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
          const organisation = await loadOrganisation(trx, LONDON, row.organisation_id);
          const host = checkHostSupport({
            adviserId: d.adviser_id,
            date: d.delivered_on,
            organisationHomeAuthorityId: organisation!.homeAuthorityId,
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
    expect(first.statements).toBeGreaterThan(5);
    expect(first.adjustments).toBeGreaterThan(0);
    await test.db.transaction().execute(async (trx) => {
      const loaded = await loadPolicy(trx, LONDON);
      if (!loaded.ok) throw new Error("no policy");
      const organisations = await trx
        .selectFrom("statements")
        .select("organisation_id")
        .distinct()
        .where("region_code", "=", LONDON)
        .execute();
      let issuedTotal = 0;
      let pendingTotal = 0;
      for (const { organisation_id } of organisations) {
        const organisation = await loadOrganisation(trx, LONDON, organisation_id);
        const input = await statementInput(trx, loaded.value, LONDON, organisation!);
        const r = reconcileStatements(loaded.value, input);
        expect(r.issuedPence + r.pendingAdjustmentsPence, organisation_id).toBe(r.recomputedThroughBilledPence);
        issuedTotal += r.issuedPence;
        pendingTotal += r.pendingAdjustmentsPence;
      }
      expect(issuedTotal).toBeGreaterThan(0);
      // March 2011 work recorded after March was billed waits for the next statement.
      expect(pendingTotal).toBeGreaterThan(0);
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
