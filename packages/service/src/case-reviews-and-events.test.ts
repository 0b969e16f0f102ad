import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addTheme } from "./add-theme.js";
import { caseReviewReport } from "./case-review-report.js";
import { disseminationReport } from "./dissemination-report.js";
import { writeItem } from "./knowledge/test-library.js";
import { overdueRecommendations } from "./overdue-recommendations.js";
import { progressRecommendation } from "./progress-recommendation.js";
import { publishLearningItem } from "./publish-learning-item.js";
import { recordCaseReview } from "./record-case-review.js";
import { recordEventAttendance } from "./record-event-attendance.js";
import { recordKnowledgeEvent } from "./record-knowledge-event.js";
import { retireTheme } from "./retire-theme.js";
import {
  COUNCIL,
  ENG_COUNCIL,
  ENG_LSCB,
  KENSINGTON,
  KENSINGTON_COUNCIL,
  LSCB,
  POLICE,
  REGION,
  SOUTHWARK,
  admin,
  adviser,
  funder,
  insertFixture,
  southwark,
} from "./test-support/fixture.js";

const counts = async (test: TestDatabase) => {
  const out: Record<string, number> = {};
  for (const table of ["case_reviews", "recommendations", "case_review_engagements", "knowledge_events", "knowledge_event_invitations", "audit_log"] as const)
    out[table] = Number((await test.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  return out;
};

const review = {
  title: "Case review using the SCIE systems methodology",
  scope: "LOCAL",
  boardOrganisationId: LSCB,
  publishedOn: "2011-07-14",
  engagementIds: [ENG_LSCB],
  recommendations: [
    { text: "Embed multi-agency supervision.", ownerOrganisationId: COUNCIL, dueOn: "2011-10-31" },
    { text: "Agree an information-sharing protocol.", ownerOrganisationId: POLICE, dueOn: "2011-09-30" },
    { text: "Share the learning across the region.", ownerOrganisationId: KENSINGTON_COUNCIL, agreedOn: "2011-08-01", dueOn: "2012-01-31" },
  ],
};

describe.each(backends())("case reviews and events on %s", (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend, { maxConnections: 8 });
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  const recorded = async () => {
    const r = await recordCaseReview(test.db, adviser, review);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };

  it("records a review with its recommendations OPEN, in order, with one audit row", async () => {
    const { review: stored, recommendations } = await recorded();
    expect(stored).toMatchObject({ scope: "LOCAL", boardOrganisationId: LSCB, engagementIds: [ENG_LSCB] });
    expect(recommendations.map((r) => [r.position, r.status, r.agreedOn, r.ownerAuthorityId])).toEqual([
      [1, "OPEN", "2011-07-14", SOUTHWARK],
      [2, "OPEN", "2011-07-14", SOUTHWARK],
      [3, "OPEN", "2011-08-01", KENSINGTON],
    ]);
    const audit = await test.db.selectFrom("audit_log").select(["action", "entity_id"]).execute();
    expect(audit).toEqual([{ action: "recordCaseReview", entity_id: stored.id }]);
  });

  it("refuses bad reviews naming the field, writing nothing", async () => {
    const before = await counts(test);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...review, scope: "REGIONAL" }, "VALIDATION", "input.scope"],
      [{ ...review, publishedOn: "2011-02-30" }, "VALIDATION", "input.publishedOn"],
      [{ ...review, boardOrganisationId: "org-missing" }, "NOT_FOUND", "input.boardOrganisationId"],
      [{ ...review, engagementIds: ["eng-missing"] }, "NOT_FOUND", "input.engagementIds.0"],
      [{ ...review, learningItemId: "li-missing" }, "NOT_FOUND", "input.learningItemId"],
      [{ ...review, recommendations: [review.recommendations[0], { ...review.recommendations[1], ownerOrganisationId: "org-missing" }] }, "NOT_FOUND", "input.recommendations.1.ownerOrganisationId"],
      [{ ...review, recommendations: [{ ...review.recommendations[0], dueOn: "2011-07-01" }] }, "VALIDATION", "input.recommendations.0.dueOn"],
    ];
    for (const [input, code, field] of cases) expect(await recordCaseReview(test.db, adviser, input), field).toMatchObject({ ok: false, error: { code, field } });
    expect(await recordCaseReview(test.db, southwark, review)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await counts(test)).toEqual(before);
  });

  it("moves a recommendation on, asks for evidence, stores the days to close, and keeps CLOSED final", async () => {
    const { recommendations } = await recorded();
    const id = recommendations[0]!.id;
    expect(await progressRecommendation(test.db, adviser, { recommendationId: id, status: "EVIDENCED", on: "2011-09-01" })).toMatchObject({
      ok: false,
      error: { field: "input.evidence" },
    });
    expect((await progressRecommendation(test.db, adviser, { recommendationId: id, status: "IN_PROGRESS", on: "2011-08-01" })).ok).toBe(true);
    expect(
      await progressRecommendation(test.db, adviser, { recommendationId: id, status: "EVIDENCED", evidence: "Audit of 20 cases.", on: "2011-10-01" }),
    ).toMatchObject({ ok: true, value: { status: "EVIDENCED", evidence: "Audit of 20 cases." } });
    expect(await progressRecommendation(test.db, admin, { recommendationId: id, status: "CLOSED", on: "2011-10-20" })).toMatchObject({
      ok: true,
      value: { status: "CLOSED", closedOn: "2011-10-20", daysToClose: 98 },
    });
    expect(await progressRecommendation(test.db, admin, { recommendationId: id, status: "IN_PROGRESS", on: "2011-10-21" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_TRANSITION" },
    });
    expect(await progressRecommendation(test.db, admin, { recommendationId: "nope", status: "IN_PROGRESS", on: "2011-10-21" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND", field: "input.recommendationId" },
    });
    const audit = await test.db.selectFrom("audit_log").select("action").where("entity", "=", "recommendation").execute();
    expect(audit).toHaveLength(3);
  });

  it("lists what is overdue as of a date and reports per board with the median days to close", async () => {
    const { recommendations } = await recorded();
    await progressRecommendation(test.db, adviser, { recommendationId: recommendations[1]!.id, status: "IN_PROGRESS", on: "2011-08-01" });
    const overdue = await overdueRecommendations(test.db, adviser, { region: REGION, asOf: "2011-11-30" });
    expect(overdue.ok && overdue.value.recommendations.map((r) => r.position)).toEqual([2, 1]);
    const early = await overdueRecommendations(test.db, adviser, { region: REGION, asOf: "2011-10-01" });
    expect(early.ok && early.value.recommendations.map((r) => r.position)).toEqual([2]);
    // An authority sees those owned in its own area.
    const own = await overdueRecommendations(test.db, southwark, { region: REGION, asOf: "2011-11-30" });
    expect(own.ok && own.value.recommendations).toHaveLength(2);
    expect(await overdueRecommendations(test.db, funder, { region: REGION, asOf: "2011-11-30" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await overdueRecommendations(test.db, adviser, { region: REGION, asOf: "soon" })).toMatchObject({ ok: false, error: { field: "asOf" } });

    for (const [id, on] of [
      [recommendations[0]!.id, "2011-08-13"],
      [recommendations[2]!.id, "2011-09-01"],
    ] as const) {
      await progressRecommendation(test.db, adviser, { recommendationId: id, status: "EVIDENCED", evidence: "Done.", on });
      await progressRecommendation(test.db, adviser, { recommendationId: id, status: "CLOSED", on });
    }
    const report = await caseReviewReport(test.db, funder, { region: REGION, asOf: "2011-11-30" });
    expect(report.ok && report.value.region).toEqual({
      reviews: 1,
      byStatus: { OPEN: 0, IN_PROGRESS: 1, EVIDENCED: 0, CLOSED: 2 },
      total: 3,
      overdue: 1,
      // 30 and 31 days: the mean of the middle pair, rounded half up.
      medianDaysToClose: 31,
    });
    expect(report.ok && report.value.boards.map((b) => [b.boardOrganisationId, b.total])).toEqual([[LSCB, 3]]);
  });

  it.runIf(backend === "server")("lets one of many concurrent closings win; the rest are refused as transitions", async () => {
    const { recommendations } = await recorded();
    const id = recommendations[0]!.id;
    await progressRecommendation(test.db, adviser, { recommendationId: id, status: "EVIDENCED", evidence: "Done.", on: "2011-08-01" });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => progressRecommendation(test.db, adviser, { recommendationId: id, status: "CLOSED", on: `2011-09-0${i + 1}` })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === "INVALID_TRANSITION")).toBe(true);
    const audit = await test.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).execute();
    expect(audit).toHaveLength(2);
  });

  it.runIf(backend === "server")("publishes a draft once under concurrent requests", async () => {
    const id = await writeItem(test.db, adviser, { title: "Draft", audience: "PUBLIC" }, null);
    const results = await Promise.all(Array.from({ length: 6 }, () => publishLearningItem(test.db, adviser, { learningItemId: id, publishedOn: "2011-02-01" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === "INVALID_TRANSITION")).toBe(true);
  });

  describe("events", () => {
    beforeEach(async () => {
      await addTheme(test.db, admin, { name: "elected members" });
    });

    it("records an event with its invitations, then attendance, and reports who was reached", async () => {
      const item = await writeItem(test.db, adviser, { title: "Briefing pack", engagementIds: [ENG_COUNCIL] });
      const event = await recordKnowledgeEvent(test.db, adviser, {
        kind: "MEMBER_BRIEFING",
        title: "Safeguarding briefing for elected members",
        heldOn: "2011-03-24",
        themes: ["elected members"],
        invitedOrganisationIds: [KENSINGTON_COUNCIL, POLICE, LSCB],
        learningItemIds: [item],
      });
      expect(event).toMatchObject({ ok: true, value: { invitations: [{ attended: null }, { attended: null }, { attended: null }] } });
      const id = event.ok ? event.value.id : "";
      // Nothing delivered on the engagement yet, nobody attended: the item reached no area.
      const before = await disseminationReport(test.db, funder, { region: REGION, learningItemId: item });
      expect(before.ok && before.value).toMatchObject({ reached: [], notReached: [KENSINGTON, SOUTHWARK] });
      const attended = await recordEventAttendance(test.db, adviser, {
        eventId: id,
        attendance: [
          { organisationId: KENSINGTON_COUNCIL, attended: true },
          { organisationId: LSCB, attended: true },
          { organisationId: POLICE, attended: false },
        ],
      });
      expect(attended.ok && attended.value.invitations.map((i) => [i.organisationId, i.attended])).toEqual([
        [KENSINGTON_COUNCIL, true],
        [POLICE, false],
        [LSCB, true],
      ]);
      const after = await disseminationReport(test.db, funder, { region: REGION, learningItemId: item });
      expect(after.ok && after.value).toMatchObject({ reached: [{ authorityId: KENSINGTON, channels: ["EVENT"] }], notReached: [SOUTHWARK] });
      await test.db
        .insertInto("deliveries")
        .values({ region_code: REGION, id: "dlv-k", adviser_id: "adv-1", engagement_id: ENG_COUNCIL, delivered_on: "2010-06-01", units: 2, recorded_at: new Date("2010-06-01T17:00:00Z"), financial_year: 2010 })
        .execute();
      const theme = await disseminationReport(test.db, admin, { region: REGION, theme: "test" });
      expect(theme.ok && theme.value.reached).toEqual([{ authorityId: SOUTHWARK, channels: ["ENGAGEMENT"] }]);
      const byTheme = await disseminationReport(test.db, admin, { region: REGION, theme: "elected members" });
      expect(byTheme.ok && byTheme.value.reached).toEqual([{ authorityId: KENSINGTON, channels: ["EVENT"] }]);
    });

    it("refuses bad events and attendance naming the field, writing nothing", async () => {
      await retireTheme(test.db, admin, { code: "test" });
      const base = { kind: "LEGAL_TRAINING", title: "Legal training", heldOn: "2011-05-05", invitedOrganisationIds: [COUNCIL] };
      const before = await counts(test);
      const cases: [Record<string, unknown>, string, string][] = [
        [{ ...base, kind: "PARTY" }, "VALIDATION", "input.kind"],
        [{ ...base, heldOn: "" }, "VALIDATION", "input.heldOn"],
        [{ ...base, themes: ["test"] }, "VALIDATION", "input.themes.0"],
        [{ ...base, themes: ["nope"] }, "NOT_FOUND", "input.themes.0"],
        [{ ...base, invitedOrganisationIds: [COUNCIL, "org-x"] }, "NOT_FOUND", "input.invitedOrganisationIds.1"],
        [{ ...base, learningItemIds: ["li-x"] }, "NOT_FOUND", "input.learningItemIds.0"],
      ];
      for (const [input, code, field] of cases) expect(await recordKnowledgeEvent(test.db, adviser, input), field).toMatchObject({ ok: false, error: { code, field } });
      expect(await recordKnowledgeEvent(test.db, funder, base)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await counts(test)).toEqual(before);
      const event = await recordKnowledgeEvent(test.db, adviser, base);
      const id = event.ok ? event.value.id : "";
      const middle = await counts(test);
      expect(await recordEventAttendance(test.db, adviser, { eventId: id, attendance: [{ organisationId: POLICE, attended: true }] })).toMatchObject({
        ok: false,
        error: { field: "input.attendance.0.organisationId" },
      });
      expect(await recordEventAttendance(test.db, adviser, { eventId: id, attendance: [] })).toMatchObject({ ok: false, error: { field: "input.attendance" } });
      expect(await recordEventAttendance(test.db, adviser, { eventId: "nope", attendance: [{ organisationId: COUNCIL, attended: true }] })).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND", field: "input.eventId" },
      });
      expect(await counts(test)).toEqual(middle);
      expect(await disseminationReport(test.db, admin, { region: REGION })).toMatchObject({ ok: false, error: { field: "learningItemId" } });
    });
  });
});
