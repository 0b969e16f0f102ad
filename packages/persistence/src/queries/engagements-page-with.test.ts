import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, insertMinimalRegion, MINIMAL, type TestDatabase } from "../test-support/index.js";
import { advisersByIds } from "./advisers.js";
import { deliveriesOfEngagements } from "./engagement-work.js";
import { DELIVERY_COLUMNS, type DeliveryColumn, type EngagementFilter, engagementsPageWith, pageEngagements } from "./engagements.js";
import { organisationsByIds } from "./organisations.js";

// The one-statement page must hand back exactly the rows the separate reads give (which the
// gateway's loaders would otherwise send): the same engagements, organisations, advisers and
// deliveries, with instants as Dates and in allocation order, for every page and cursor.

describe.each(backends())("engagementsPageWith on %s", (backend) => {
  let database: TestDatabase;
  const region = MINIMAL.regionCode;
  const ids = ["eng-0001", "eng-0002", "eng-0003", "eng-0004", "eng-0005", "eng-0006"];

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    const db = database.db;
    await insertMinimalRegion(db);
    await db.insertInto("organisations").values({ region_code: region, id: "org-board", name: "Safeguarding board", kind: "SAFEGUARDING_BOARD", home_authority_id: null }).execute();
    await db.insertInto("advisers").values({ region_code: region, id: "adv-2", name: "Adviser Two", fte_bp: 8000, employed_from: "2011-01-03", employed_to: "2019-03-31" }).execute();
    // Another region with the same ids: nothing of it may appear.
    await db.insertInto("regions").values({ region_code: "other", name: "Other" }).execute();
    await db.insertInto("organisations").values({ region_code: "other", id: "org-board", name: "Not ours", kind: "OTHER", home_authority_id: null }).execute();
    await db.insertInto("advisers").values({ region_code: "other", id: "adv-2", name: "Not ours", fte_bp: 10000, employed_from: "2010-04-01" }).execute();
    await db
      .insertInto("engagements")
      .values({ region_code: "other", id: "eng-0002", organisation_id: "org-board", strand: "STRATEGIC", title: "Theirs", lead_adviser_id: "adv-2", estimate_units: 2, status: "ACCEPTED", requested_at: new Date("2010-05-01T09:00:00Z") })
      .execute();
    await db
      .insertInto("deliveries")
      .values({ region_code: "other", id: "dlv-x", adviser_id: "adv-2", engagement_id: "eng-0002", delivered_on: "2010-06-01", units: 1, financial_year: 2010, holder_id: "org-board", quota_units: 1, free_units: 1, chargeable_units: 0, day_rate_pence: 0, charge_pence: 0 })
      .execute();

    for (const [i, id] of ids.slice(1).entries()) {
      await db
        .insertInto("engagements")
        .values({
          region_code: region,
          id,
          organisation_id: i % 2 === 0 ? "org-board" : MINIMAL.organisationId,
          strand: i % 2 === 0 ? "STRATEGIC" : "PROJECT_SUPPORT",
          title: `Work ${id}`,
          themes: i === 1 ? ["court delays", "elsewhere"] : [],
          // Every third without a lead adviser.
          lead_adviser_id: i % 3 === 2 ? null : i % 2 === 0 ? "adv-2" : MINIMAL.adviserId,
          agreed_rate_pence: i === 0 ? 65_000 : null,
          estimate_units: 4 + i,
          status: "ACTIVE",
          requested_at: new Date(`2010-0${5 + i}-01T09:30:00.123Z`),
          starts_on: "2010-06-01",
          notes: i === 3 ? "staff only" : null,
        })
        .execute();
    }
    // Deliveries: several on one date (allocation order is then the order recorded), one
    // removed, one with on-site time to the microsecond, one engagement with none at all.
    let n = 0;
    for (const [i, engagementId] of ids.entries()) {
      if (i === 4) continue;
      for (const deliveredOn of ["2010-09-01", "2010-07-01", "2010-07-01"]) {
        n += 1;
        await db
          .insertInto("deliveries")
          .values({
            region_code: region,
            id: `dlv-${String(n).padStart(3, "0")}`,
            adviser_id: n % 2 === 0 ? "adv-2" : MINIMAL.adviserId,
            engagement_id: engagementId,
            delivered_on: deliveredOn,
            units: 1 + (n % 3),
            on_site: n % 2 === 0,
            started_at: n % 2 === 0 ? "2010-07-01 08:15:30.123456+00" : null,
            financial_year: 2010,
            notes: n === 4 ? "note" : null,
            removed_at: n === 5 ? new Date("2010-10-01T12:00:00Z") : null,
            holder_id: n === 5 ? null : MINIMAL.authorityId,
            quota_units: n === 5 ? null : 1,
            free_units: n === 5 ? null : 1,
            chargeable_units: n === 5 ? null : n % 3,
            day_rate_pence: n === 5 ? null : n % 3 === 0 ? 0 : 60_000,
            charge_pence: n === 5 ? null : (n % 3) * 60_000,
          })
          .execute();
      }
    }
  });
  afterAll(() => database?.close());

  /** What the separate reads (one statement each) give for the same page. */
  async function separately(filter: EngagementFilter, first: number, after: string | null) {
    const db = database.db;
    const page = await pageEngagements(db, region, filter, { first, after });
    const engagements = page.rows;
    const organisations = await organisationsByIds(db, region, engagements.map((e) => e.organisation_id));
    const leads = engagements.map((e) => e.lead_adviser_id).filter((id): id is string => id !== null);
    const advisers = new Map((await advisersByIds(db, region, leads)).map((a) => [a!.id, a!]));
    const deliveries = await deliveriesOfEngagements(db, region, engagements.map((e) => e.id));
    return {
      totalCount: page.totalCount,
      hasNextPage: page.hasNextPage,
      rows: engagements.map((engagement, i) => ({
        engagement,
        organisation: organisations[i],
        leadAdviser: engagement.lead_adviser_id === null ? null : advisers.get(engagement.lead_adviser_id),
        deliveries: deliveries[i],
      })),
    };
  }

  it("equals the separate reads for every page size and cursor", async () => {
    const include = { organisation: true, leadAdviser: true, deliveries: true };
    for (const after of [null, ...ids]) {
      for (const first of [0, 1, 2, 5, 6, 7]) {
        const together = await engagementsPageWith(database.db, region, {}, { first, after }, include);
        expect(together, `first ${first} after ${after}`).toEqual(await separately({}, first, after));
      }
    }
  });

  it("equals the separate reads under a filter, and leaves out what was not asked for", async () => {
    const filter: EngagementFilter = { strands: ["PROJECT_SUPPORT"], authorityId: MINIMAL.authorityId };
    const together = await engagementsPageWith(database.db, region, filter, { first: 10 }, { organisation: true, leadAdviser: true, deliveries: true });
    expect(together.rows.map((row) => row.engagement.id)).toEqual(["eng-0001", "eng-0003", "eng-0005"]);
    expect(together).toEqual(await separately(filter, 10, null));

    const onlyDeliveries = await engagementsPageWith(database.db, region, {}, { first: 10 }, { deliveries: true });
    expect(onlyDeliveries.rows.every((row) => row.organisation === undefined && row.leadAdviser === undefined)).toBe(true);
    expect(onlyDeliveries.rows.map((row) => row.deliveries!.length)).toEqual([3, 2, 3, 3, 0, 3]);
    const instants = onlyDeliveries.rows.flatMap((row) => row.deliveries!).map((d) => d.recorded_at);
    expect(instants.every((at) => at instanceof Date)).toBe(true);
  });

  it("reads deliveries by column: the key and the columns asked, as the whole rows hold them", async () => {
    const whole = await engagementsPageWith(database.db, region, {}, { first: 10 }, { deliveries: true });
    const asked: DeliveryColumn[][] = [[], ["delivered_on", "units", "on_site"], ["started_at", "recorded_seq", "charge_pence", "notes"], [...DELIVERY_COLUMNS]];
    for (const columns of asked) {
      const parts = await engagementsPageWith(database.db, region, {}, { first: 10 }, { deliveries: columns });
      const keep = new Set<string>(["region_code", "id", ...columns]);
      const expected = whole.rows.map((row) =>
        row.deliveries!.map((delivery) => Object.fromEntries(Object.entries(delivery).filter(([column]) => keep.has(column)))),
      );
      expect(parts.rows.map((row) => row.deliveries), columns.join(",")).toEqual(expected);
    }
  });

  it("refuses a column a delivery does not have, before anything is sent", async () => {
    await expect(
      engagementsPageWith(database.db, region, {}, { first: 10 }, { deliveries: ["id", "units; drop table deliveries"] as unknown as DeliveryColumn[] }),
    ).rejects.toThrow(/not a delivery column/);
  });
});
