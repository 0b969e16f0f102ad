import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { bookAdviser } from "./book-adviser.js";
import { decideEngagement } from "./decide-engagement.js";
import { requestEngagement } from "./request-engagement.js";
import { COUNCIL, ENG_COUNCIL, KENSINGTON_COUNCIL, admin, adviser, clockAt, funder, insertFixture, rowCounts, southwark } from "./test-support/fixture.js";

const request = {
  organisationId: COUNCIL,
  strand: "PROJECT_SUPPORT",
  title: "Thresholds and referral pathway review",
  themes: ["thresholds"],
  leadAdviserId: "adv-1",
  estimateDays: "4",
  startDate: "2010-06-07",
  endDate: "2010-07-02",
} as const;

describe.each(backends())("requestEngagement and decideEngagement on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  it("records a request that fits as REQUESTED, then accepts it keeping who and when", async () => {
    const requested = await requestEngagement(test.db, southwark, request, clockAt("2010-05-24T09:00:00Z"));
    if (!requested.ok) throw new Error(requested.error.message);
    expect(requested.value.engagement.status).toBe("REQUESTED");
    expect(requested.value.fit).toMatchObject({ fits: true, earliestWeek: "2010-06-07" });
    const id = requested.value.engagement.id;
    const accepted = await decideEngagement(test.db, admin, { engagementId: id, to: "ACCEPTED" }, clockAt("2010-05-26T10:00:00Z"));
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(accepted.value.engagement).toMatchObject({ status: "ACCEPTED", version: 2 });
    const transitions = await test.db
      .selectFrom("engagement_transitions")
      .select(["from_status", "to_status", "by_actor", "at"])
      .where("engagement_id", "=", id)
      .orderBy("id")
      .execute();
    expect(transitions).toEqual([
      { from_status: null, to_status: "REQUESTED", by_actor: southwark.userId, at: new Date("2010-05-24T09:00:00Z") },
      { from_status: "REQUESTED", to_status: "ACCEPTED", by_actor: admin.userId, at: new Date("2010-05-26T10:00:00Z") },
    ]);
    const audit = await test.db.selectFrom("audit_log").select(["action", "actor"]).orderBy("id").execute();
    expect(audit).toEqual([
      { action: "requestEngagement", actor: southwark.userId },
      { action: "decideEngagement", actor: admin.userId },
    ]);
  });

  it("waitlists a request that does not fit capacity, with the earliest week it could start", async () => {
    // Fill adv-1's bookable days for three weeks from 2010-06-07.
    for (const week of ["2010-06-07", "2010-06-14", "2010-06-21"]) {
      const booked = await bookAdviser(test.db, adviser, {
        engagementId: ENG_COUNCIL,
        adviserId: "adv-1",
        weekStart: week,
        days: "3.5",
        status: "CONFIRMED",
      });
      expect(booked.ok).toBe(true);
    }
    const requested = await requestEngagement(test.db, adviser, request, clockAt("2010-05-24T09:00:00Z"));
    if (!requested.ok) throw new Error(requested.error.message);
    expect(requested.value.engagement).toMatchObject({ status: "WAITLISTED", earliestStartWeek: "2010-06-28" });
    expect(requested.value.transitions.map((t) => t.to)).toEqual(["REQUESTED", "WAITLISTED"]);
    // Still no room in its first week: accepting it is refused, naming the field.
    const accept = await decideEngagement(test.db, admin, { engagementId: requested.value.engagement.id, to: "ACCEPTED" });
    expect(!accept.ok && accept.error).toMatchObject({ code: "VALIDATION", field: "to" });
  });

  it("refuses transitions the lifecycle does not allow, and callers who may not decide", async () => {
    const requested = await requestEngagement(test.db, admin, request);
    if (!requested.ok) throw new Error(requested.error.message);
    const id = requested.value.engagement.id;
    const declined = await decideEngagement(test.db, admin, { engagementId: id, to: "DECLINED", reason: "out of scope" });
    expect(declined.ok).toBe(true);
    const before = await rowCounts(test.db);
    const reopen = await decideEngagement(test.db, admin, { engagementId: id, to: "ACCEPTED" });
    expect(!reopen.ok && reopen.error).toMatchObject({ code: "INVALID_TRANSITION", from: "DECLINED", to: "ACCEPTED" });
    const complete = await decideEngagement(test.db, admin, { engagementId: ENG_COUNCIL, to: "COMPLETED" });
    expect(!complete.ok && complete.error).toMatchObject({ code: "INVALID_TRANSITION", from: "ACCEPTED", to: "COMPLETED" });
    const active = await decideEngagement(test.db, admin, { engagementId: ENG_COUNCIL, to: "ACTIVE" });
    // ACTIVE comes only from a first delivery: asked of a decision, it is a transition refused.
    expect(!active.ok && active.error).toMatchObject({ code: "INVALID_TRANSITION", from: "ACCEPTED", to: "ACTIVE" });
    const requestedAgain = await decideEngagement(test.db, admin, { engagementId: ENG_COUNCIL, to: "REQUESTED" });
    expect(!requestedAgain.ok && requestedAgain.error).toMatchObject({ code: "INVALID_TRANSITION", from: "ACCEPTED", to: "REQUESTED" });
    const stale = await decideEngagement(test.db, admin, { engagementId: ENG_COUNCIL, to: "DECLINED", expectedVersion: 7 });
    expect(!stale.ok && stale.error).toMatchObject({ code: "VALIDATION", field: "expectedVersion" });
    const missing = await decideEngagement(test.db, admin, { engagementId: "eng-nope", to: "DECLINED" });
    expect(!missing.ok && missing.error).toMatchObject({ code: "NOT_FOUND", field: "engagementId" });
    const byAuthority = await decideEngagement(test.db, southwark, { engagementId: ENG_COUNCIL, to: "ACCEPTED" });
    expect(!byAuthority.ok && byAuthority.error.code).toBe("FORBIDDEN");
    const byFunder = await decideEngagement(test.db, funder, { engagementId: ENG_COUNCIL, to: "DECLINED" });
    expect(!byFunder.ok && byFunder.error.code).toBe("FORBIDDEN");
    expect(await rowCounts(test.db)).toEqual(before);
  });

  it("refuses bad requests with a typed error naming the field, writing nothing", async () => {
    const before = await rowCounts(test.db);
    const cases: [object, string, string][] = [
      [{ ...request, title: " " }, "VALIDATION", "title"],
      [{ ...request, strand: "CONSULTANCY" }, "VALIDATION", "strand"],
      [{ ...request, estimateDays: "0" }, "VALIDATION", "estimateDays"],
      [{ ...request, estimateDays: "2.3" }, "VALIDATION", "estimateDays"],
      [{ ...request, startDate: "2010-02-30" }, "VALIDATION", "startDate"],
      [{ ...request, endDate: "2010-06-01" }, "VALIDATION", "endDate"],
      [{ ...request, organisationId: "org-nope" }, "NOT_FOUND", "organisationId"],
      [{ ...request, leadAdviserId: "adv-9" }, "NOT_FOUND", "leadAdviserId"],
    ];
    for (const [input, code, field] of cases) {
      const result = await requestEngagement(test.db, admin, input as never);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, JSON.stringify(input)).toBe(code);
      expect((result.error as { field: string }).field, JSON.stringify(input)).toBe(field);
    }
    const otherArea = await requestEngagement(test.db, southwark, { ...request, organisationId: KENSINGTON_COUNCIL });
    expect(!otherArea.ok && otherArea.error.code).toBe("FORBIDDEN");
    const byFunder = await requestEngagement(test.db, funder, request);
    expect(!byFunder.ok && byFunder.error.code).toBe("FORBIDDEN");
    expect(await rowCounts(test.db)).toEqual(before);
  });
});
