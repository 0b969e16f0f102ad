import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dateFromDayNumber, dayNumber } from "../calendar/plain-date.js";
import { ROLES } from "../roles/roles.js";
import {
  daysToClose,
  isOverdue,
  medianDays,
  OUTSTANDING_STATUSES,
  overdueCriteria,
  progressRecommendation,
  RECOMMENDATION_STATUSES,
  RECOMMENDATION_TRANSITIONS,
  recommendationTransition,
  validateCaseReviewContent,
} from "./case-review.js";
import { checkAttendance, dissemination } from "./event.js";
import {
  AUDIENCES,
  libraryVisibility,
  mayReadLearningItem,
  PUBLICATION_STATES,
  publicationTransition,
  validateLearningItemContent,
} from "./learning-item.js";
import { normaliseThemeName } from "./themes.js";

const date = fc.integer({ min: dayNumber("2000-01-01"), max: dayNumber("2040-12-31") }).map(dateFromDayNumber);

describe("themes (rule 18)", () => {
  it("normalises a name and names the field of a bad one", () => {
    expect(normaliseThemeName("  court   delays ", "input.name")).toEqual({ ok: true, value: "court delays" });
    const empty = normaliseThemeName("   ", "input.name");
    expect(empty.ok || empty.error.field).toBe("input.name");
    const long = normaliseThemeName("x".repeat(81), "input.name");
    expect(long.ok).toBe(false);
    expect(normaliseThemeName("a\u0000b", "input.name").ok).toBe(false);
  });
  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 90 }), (s) => {
        const once = normaliseThemeName(s, "n");
        if (once.ok) expect(normaliseThemeName(once.value, "n")).toEqual(once);
      }),
    );
  });
});

describe("learning items (rule 19)", () => {
  it("publishes a draft once and withdraws for good", () => {
    expect(publicationTransition("DRAFT", "PUBLISHED").ok).toBe(true);
    expect(publicationTransition("PUBLISHED", "WITHDRAWN").ok).toBe(true);
    expect(publicationTransition("WITHDRAWN", "PUBLISHED")).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
    expect(publicationTransition("DRAFT", "WITHDRAWN").ok).toBe(false);
    expect(publicationTransition("PUBLISHED", "PUBLISHED").ok).toBe(false);
  });

  it("never leaves WITHDRAWN and never returns to DRAFT, whatever the walk", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PUBLICATION_STATES), { maxLength: 12 }), (walk) => {
        let state: (typeof PUBLICATION_STATES)[number] = "DRAFT";
        for (const to of walk) {
          const moved = publicationTransition(state, to);
          if (moved.ok) {
            expect(moved.value).not.toBe("DRAFT");
            if (state === "WITHDRAWN") throw new Error("left WITHDRAWN");
            state = moved.value;
          }
        }
      }),
    );
  });

  it("reads content with every bad field named", () => {
    const bad = validateLearningItemContent({ title: " ", summary: 3, kind: "GOSSIP", audience: "PUBLIC", themes: ["ok", ""] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues.map((i) => i.field)).toEqual(["input.title", "input.summary", "input.kind", "input.themes.1"]);
    const good = validateLearningItemContent({
      title: " Family assessment ",
      summary: "",
      kind: "GOOD_PRACTICE",
      audience: "REGION_AUTHORITIES",
      themes: ["think family", "think family"],
    });
    expect(good).toMatchObject({ ok: true, value: { title: "Family assessment", themes: ["think family"], engagementIds: [] } });
  });

  it("lets staff see everything, authorities published items for them, funders no text, other regions public only", () => {
    expect(libraryVisibility({ role: "ADVISER", regionCode: "london" }, "london")).toEqual({ states: PUBLICATION_STATES, audiences: AUDIENCES, text: true });
    expect(libraryVisibility({ role: "AUTHORITY", regionCode: "london" }, "london")).toEqual({
      states: ["PUBLISHED"],
      audiences: ["REGION_AUTHORITIES", "PUBLIC"],
      text: true,
    });
    expect(libraryVisibility({ role: "FUNDER", regionCode: "london" }, "london").text).toBe(false);
    expect(libraryVisibility({ role: "REGION_ADMIN", regionCode: "wos" }, "london")).toEqual({ states: ["PUBLISHED"], audiences: ["PUBLIC"], text: true });
  });

  it("never shows a draft or a staff-only item outside the region's staff", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom("london", "wos"),
        fc.constantFrom(...PUBLICATION_STATES),
        fc.constantFrom(...AUDIENCES),
        (role, readerRegion, state, audience) => {
          const staff = readerRegion === "london" && (role === "REGION_ADMIN" || role === "ADVISER");
          const sees = mayReadLearningItem(libraryVisibility({ role, regionCode: readerRegion }, "london"), { state, audience });
          if (!staff && (state !== "PUBLISHED" || audience === "REGION_STAFF")) expect(sees).toBe(false);
          if (staff) expect(sees).toBe(true);
          if (state === "PUBLISHED" && audience === "PUBLIC") expect(sees).toBe(true);
        },
      ),
    );
  });
});

describe("case reviews (rule 20)", () => {
  it("is overdue only while outstanding and after the due date", () => {
    expect(isOverdue({ status: "OPEN", dueOn: "2011-03-31" }, "2011-04-01")).toBe(true);
    expect(isOverdue({ status: "OPEN", dueOn: "2011-03-31" }, "2011-03-31")).toBe(false);
    expect(isOverdue({ status: "EVIDENCED", dueOn: "2011-03-31" }, "2012-01-01")).toBe(false);
  });

  it("agrees with the criteria a query applies", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RECOMMENDATION_STATUSES), date, date, (status, dueOn, asOf) => {
        const c = overdueCriteria(asOf);
        expect(isOverdue({ status, dueOn }, asOf)).toBe(c.statuses.includes(status) && dueOn < c.dueBefore);
      }),
    );
  });

  it("moves only along the allowed transitions, and CLOSED is final", () => {
    for (const from of RECOMMENDATION_STATUSES)
      for (const to of RECOMMENDATION_STATUSES)
        expect(recommendationTransition(from, to).ok).toBe(RECOMMENDATION_TRANSITIONS[from].includes(to));
    expect(RECOMMENDATION_TRANSITIONS.CLOSED).toEqual([]);
    expect(OUTSTANDING_STATUSES).toEqual(["OPEN", "IN_PROGRESS"]);
  });

  it("asks for evidence, and stores the days to close", () => {
    const current = { status: "OPEN" as const, agreedOn: "2011-01-10", evidence: null };
    const noEvidence = progressRecommendation(current, { status: "EVIDENCED", on: "2011-02-01" });
    expect(noEvidence).toMatchObject({ ok: false, error: { field: "input.evidence" } });
    const closeEarly = progressRecommendation(current, { status: "CLOSED", on: "2011-02-01" });
    expect(closeEarly).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
    const evidenced = progressRecommendation(current, { status: "EVIDENCED", evidence: "Audit of 20 cases", on: "2011-02-01" });
    expect(evidenced).toMatchObject({ ok: true, value: { status: "EVIDENCED", closedOn: null, daysToClose: null } });
    const closed = progressRecommendation({ ...current, status: "EVIDENCED", evidence: "Audit" }, { status: "CLOSED", on: "2011-03-01" });
    expect(closed).toMatchObject({ ok: true, value: { closedOn: "2011-03-01", daysToClose: 50, evidence: "Audit" } });
    expect(progressRecommendation(current, { status: "IN_PROGRESS", on: "2011-01-09" })).toMatchObject({ ok: false, error: { field: "input.on" } });
  });

  it("days to close is the calendar distance", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 3000 }), (from, n) => {
        expect(daysToClose(from, addDays(from, n))).toBe(n);
      }),
    );
  });

  it("takes a median of whole days, rounding half up", () => {
    expect(medianDays([])).toBeNull();
    expect(medianDays([30, 10, 20])).toBe(20);
    expect(medianDays([10, 21])).toBe(16);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 40 }), (days) => {
        const m = medianDays(days)!;
        expect(Number.isInteger(m)).toBe(true);
        expect(days.filter((d) => d < m).length).toBeLessThanOrEqual(days.length / 2);
        expect(days.filter((d) => d > m).length).toBeLessThanOrEqual(days.length / 2);
      }),
    );
  });

  it("reads a review and its recommendations, naming each bad field", () => {
    const bad = validateCaseReviewContent({
      title: "Child K",
      scope: "LOCAL",
      boardOrganisationId: "org-lscb",
      publishedOn: "2011-01-10",
      recommendations: [{ text: "Audit supervision", ownerOrganisationId: "org-a", dueOn: "2011-01-01" }, { text: "" }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error.issues.map((i) => i.field)).toEqual([
        "input.recommendations.0.dueOn",
        "input.recommendations.1.text",
        "input.recommendations.1.ownerOrganisationId",
        "input.recommendations.1.dueOn",
      ]);
  });
});

describe("events and dissemination (rule 21)", () => {
  it("splits the region's authorities into reached and not reached", () => {
    const d = dissemination(
      ["E2", "E1", "E3"],
      [
        { authorityId: "E2", channel: "ENGAGEMENT" },
        { authorityId: "E2", channel: "EVENT" },
        { authorityId: "E9", channel: "EVENT" },
      ],
    );
    expect(d).toEqual({ reached: [{ authorityId: "E2", channels: ["EVENT", "ENGAGEMENT"] }], notReached: ["E1", "E3"] });
  });

  it("partitions the authorities exactly", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 40 }).map(String), { maxLength: 33 }),
        fc.array(fc.record({ authorityId: fc.integer({ min: 1, max: 50 }).map(String), channel: fc.constantFrom("EVENT" as const, "ENGAGEMENT" as const) })),
        (authorities, facts) => {
          const d = dissemination(authorities, facts);
          const all = [...d.reached.map((r) => r.authorityId), ...d.notReached].sort();
          expect(all).toEqual([...authorities].sort());
          for (const r of d.reached) expect(facts.some((f) => f.authorityId === r.authorityId)).toBe(true);
        },
      ),
    );
  });

  it("records attendance only for invited organisations", () => {
    expect(checkAttendance(["a", "b"], [{ organisationId: "a", attended: true }])).toEqual({ ok: true, value: [{ organisationId: "a", attended: true }] });
    expect(checkAttendance(["a"], [{ organisationId: "c", attended: true }])).toMatchObject({ ok: false, error: { field: "input.attendance.0.organisationId" } });
    expect(checkAttendance(["a"], [{ organisationId: "a", attended: "yes" }])).toMatchObject({ ok: false, error: { field: "input.attendance.0.attended" } });
  });
});
