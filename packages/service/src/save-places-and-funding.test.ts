import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandActor } from "./actor.js";
import { recordDelivery } from "./record-delivery.js";
import { requestEngagement } from "./request-engagement.js";
import { saveAuthority } from "./save-authority.js";
import { saveFunder } from "./save-funder.js";
import { saveFunderContribution } from "./save-funder-contribution.js";
import { saveOrganisation } from "./save-organisation.js";
import { saveStatisticalNeighbours } from "./save-statistical-neighbours.js";
import { ENG_POLICE, KENSINGTON, POLICE, SOUTHWARK, admin, adviser, funder, insertFixture, southwark } from "./test-support/fixture.js";

// Saves of the region's places, clients and funding; one file, as they share one shape.

const LAMBETH = "E09000022";

describe.each(backends())("saves of places, clients and funding on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  const audit = () => test.db.selectFrom("audit_log").select(["action", "entity_id", "before", "after"]).orderBy("id").execute();

  it("creates an authority with its child population by year, then renames it and adds a year", async () => {
    const created = await saveAuthority(test.db, admin, { gssCode: LAMBETH, name: "Lambeth", childPopulation: [{ year: 2010, population: 60_100 }] });
    expect(created.ok && created.value).toMatchObject({ created: true, row: { id: LAMBETH, name: "Lambeth" } });
    const renamed = await saveAuthority(test.db, admin, {
      gssCode: LAMBETH,
      name: "London Borough of Lambeth",
      childPopulation: [
        { year: 2010, population: 60_200 },
        { year: 2011, population: 61_000 },
      ],
      populationSource: "ONS mid-year estimates",
    });
    expect(renamed.ok && renamed.value.created).toBe(false);
    const populations = await test.db.selectFrom("benchmark_populations").select(["year", "child_population", "source"]).where("authority_id", "=", LAMBETH).orderBy("year").execute();
    expect(populations).toEqual([
      { year: 2010, child_population: 60_200, source: "ONS mid-year estimates" },
      { year: 2011, child_population: 61_000, source: "ONS mid-year estimates" },
    ]);
    const rows = await audit();
    expect(rows[1]!.before).toMatchObject({ name: "Lambeth", childPopulation: [{ year: 2010, population: 60_100 }] });
    expect(rows[1]!.after).toMatchObject({ name: "London Borough of Lambeth" });
  });

  it("creates organisations in an area or region-wide, and keeps one with deliveries in its area", async () => {
    const school = { id: "org-E09000028-school", name: "A Southwark school", kind: "SCHOOL", homeAuthorityId: SOUTHWARK };
    expect((await saveOrganisation(test.db, admin, school)).ok).toBe(true);
    expect((await saveOrganisation(test.db, admin, { ...school, homeAuthorityId: KENSINGTON })).ok).toBe(true);
    const wide = await saveOrganisation(test.db, admin, { id: "org-london-nhs", name: "NHS London", kind: "HEALTH", homeAuthorityId: null });
    expect(wide.ok && wide.value.row.home_authority_id).toBeNull();

    expect((await recordDelivery(test.db, adviser, { engagementId: ENG_POLICE, adviserId: "adv-1", date: "2010-05-04", days: "1" })).ok).toBe(true);
    const moved = await saveOrganisation(test.db, admin, { id: POLICE, name: "Southwark police", kind: "POLICE", homeAuthorityId: KENSINGTON });
    expect(!moved.ok && moved.error.code === "VALIDATION" && moved.error.field).toBe("input.homeAuthorityId");
    const renamed = await saveOrganisation(test.db, admin, { id: POLICE, name: "Southwark Borough Command", kind: "POLICE", homeAuthorityId: SOUTHWARK });
    expect(renamed.ok).toBe(true);
    const unknown = await saveOrganisation(test.db, admin, { ...school, homeAuthorityId: "E09000099" });
    expect(!unknown.ok && unknown.error.code === "NOT_FOUND" && unknown.error.field).toBe("input.homeAuthorityId");
    const kind = await saveOrganisation(test.db, admin, { ...school, kind: "PUB" });
    expect(!kind.ok && kind.error.code === "VALIDATION" && kind.error.field).toBe("input.kind");
  });

  it("closes an organisation no earlier than its last delivery; no work is requested for it after", async () => {
    expect((await recordDelivery(test.db, adviser, { engagementId: ENG_POLICE, adviserId: "adv-1", date: "2010-09-01", days: "1" })).ok).toBe(true);
    const police = { id: POLICE, name: "Southwark police", kind: "POLICE", homeAuthorityId: SOUTHWARK };
    const early = await saveOrganisation(test.db, admin, { ...police, closedOn: "2010-08-31" });
    expect(!early.ok && early.error.code === "VALIDATION" && early.error.field).toBe("input.closedOn");
    const closed = await saveOrganisation(test.db, admin, { ...police, closedOn: "2011-03-31" });
    expect(closed.ok && closed.value.row.closed_on).toBe("2011-03-31");
    const request = { organisationId: POLICE, strand: "KNOWLEDGE_HUB", title: "Briefing", estimateDays: "1" };
    const after = await requestEngagement(test.db, admin, { ...request, startDate: "2011-04-04" });
    expect(!after.ok && after.error.code === "VALIDATION" && after.error.field).toBe("organisationId");
    expect((await requestEngagement(test.db, admin, { ...request, startDate: "2011-03-28" })).ok).toBe(true);
  });

  it("replaces an authority's statistical neighbours, nearest first, refusing unknown and repeated ones", async () => {
    expect((await saveAuthority(test.db, admin, { gssCode: LAMBETH, name: "Lambeth" })).ok).toBe(true);
    const saved = await saveStatisticalNeighbours(test.db, admin, { authorityId: SOUTHWARK, neighbourIds: [LAMBETH, KENSINGTON] });
    expect(saved.ok && saved.value).toMatchObject({ neighbourIds: [LAMBETH, KENSINGTON], before: [] });
    const reordered = await saveStatisticalNeighbours(test.db, admin, { authorityId: SOUTHWARK, neighbourIds: [KENSINGTON] });
    expect(reordered.ok && reordered.value.before).toEqual([LAMBETH, KENSINGTON]);
    const rows = await test.db.selectFrom("statistical_neighbours").select(["neighbour_id", "rank"]).where("authority_id", "=", SOUTHWARK).execute();
    expect(rows).toEqual([{ neighbour_id: KENSINGTON, rank: 1 }]);
    const missing = await saveStatisticalNeighbours(test.db, admin, { authorityId: SOUTHWARK, neighbourIds: [KENSINGTON, "E09000099"] });
    expect(!missing.ok && missing.error.code === "NOT_FOUND" && missing.error.field).toBe("input.neighbourIds[1]");
    const self = await saveStatisticalNeighbours(test.db, admin, { authorityId: SOUTHWARK, neighbourIds: [SOUTHWARK] });
    expect(!self.ok && self.error.code === "VALIDATION" && self.error.field).toBe("input.neighbourIds[0]");
    const unknown = await saveStatisticalNeighbours(test.db, admin, { authorityId: "E09000099", neighbourIds: [] });
    expect(!unknown.ok && unknown.error.code === "NOT_FOUND" && unknown.error.field).toBe("input.authorityId");
  });

  it("creates a funder and sets its contribution per year, replacing a year's figure", async () => {
    expect((await saveFunder(test.db, admin, { id: "fnd-trust", name: "A charitable trust" })).ok).toBe(true);
    expect((await saveFunderContribution(test.db, admin, { funderId: "fnd-trust", year: 2010, amountPence: 5_000_000 })).ok).toBe(true);
    const changed = await saveFunderContribution(test.db, admin, { funderId: "fnd-trust", year: 2010, amountPence: 6_000_000 });
    expect(changed.ok && changed.value).toMatchObject({ before: { amount_pence: 5_000_000 }, contribution: { amount_pence: 6_000_000 } });
    const rows = await test.db.selectFrom("funder_contributions").select(["financial_year", "amount_pence"]).execute();
    expect(rows).toEqual([{ financial_year: 2010, amount_pence: 6_000_000 }]);
    const unknown = await saveFunderContribution(test.db, admin, { funderId: "fnd-nope", year: 2010, amountPence: 1 });
    expect(!unknown.ok && unknown.error.code === "NOT_FOUND" && unknown.error.field).toBe("input.funderId");
    const negative = await saveFunderContribution(test.db, admin, { funderId: "fnd-trust", year: 2010, amountPence: -5 });
    expect(!negative.ok && negative.error.code === "VALIDATION" && negative.error.field).toBe("input.amountPence");
    expect((await audit()).map((a) => a.action)).toEqual(["saveFunder", "saveFunderContribution", "saveFunderContribution"]);
  });

  it("lets only the region's administrator save any of them, writing nothing otherwise", async () => {
    const before = await audit();
    const refusals = async (who: CommandActor) => [
      await saveAuthority(test.db, who, { gssCode: LAMBETH, name: "Lambeth" }),
      await saveOrganisation(test.db, who, { id: "org-x", name: "X", kind: "OTHER", homeAuthorityId: null }),
      await saveStatisticalNeighbours(test.db, who, { authorityId: SOUTHWARK, neighbourIds: [] }),
      await saveFunder(test.db, who, { id: "fnd-x", name: "X" }),
      await saveFunderContribution(test.db, who, { funderId: "fnd-x", year: 2010, amountPence: 1 }),
    ];
    for (const who of [adviser, southwark, funder])
      for (const result of await refusals(who)) expect(!result.ok && result.error.code, who.role).toBe("FORBIDDEN");
    expect(await audit()).toEqual(before);
  });
});
