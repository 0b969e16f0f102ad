import { describe, expect, it } from "vitest";
import { ENGAGEMENT_STATUSES } from "../entities/engagement.js";
import {
  canTransition,
  DECIDABLE_STATUSES,
  decideRequest,
  ENGAGEMENT_TRANSITIONS,
  transitionEngagement,
  undecidableTransition,
} from "./engagement-lifecycle.js";

const actor = { by: "user-admin", at: 1_275_000_000_000 };

describe("engagement lifecycle (rule 9)", () => {
  it("allows exactly the listed transitions and refuses everything else", () => {
    const allowed = new Set([
      "REQUESTED>ACCEPTED",
      "REQUESTED>WAITLISTED",
      "REQUESTED>DECLINED",
      "WAITLISTED>ACCEPTED",
      "WAITLISTED>DECLINED",
      "WAITLISTED>WITHDRAWN",
      "ACCEPTED>ACTIVE",
      "ACTIVE>COMPLETED",
      "ACTIVE>CANCELLED",
    ]);
    for (const from of ENGAGEMENT_STATUSES)
      for (const to of ENGAGEMENT_STATUSES) {
        const result = transitionEngagement(from, to, actor);
        expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
        if (allowed.has(`${from}>${to}`)) expect(result).toEqual({ ok: true, value: { from, to, ...actor, earliestWeek: null } });
        else expect(result).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION", from, to } });
      }
    expect(Object.values(ENGAGEMENT_TRANSITIONS).flat()).toHaveLength(allowed.size);
  });

  it("keeps who and when, and the earliest week when waitlisting", () => {
    expect(decideRequest("REQUESTED", { fits: false, earliestWeek: "2010-06-07" }, actor)).toEqual({
      ok: true,
      value: { from: "REQUESTED", to: "WAITLISTED", by: "user-admin", at: actor.at, earliestWeek: "2010-06-07" },
    });
    expect(decideRequest("REQUESTED", { fits: true, earliestWeek: "2010-05-03" }, actor)).toMatchObject({ value: { to: "ACCEPTED" } });
    expect(decideRequest("COMPLETED", { fits: true, earliestWeek: null }, actor)).toMatchObject({ error: { code: "INVALID_TRANSITION" } });
  });

  it("refuses a transition without who or when", () => {
    expect(transitionEngagement("REQUESTED", "ACCEPTED", { by: "", at: 1 })).toMatchObject({ error: { code: "VALIDATION", field: "by" } });
    expect(transitionEngagement("REQUESTED", "ACCEPTED", { by: "x", at: 1.5 })).toMatchObject({ error: { field: "at" } });
  });
});

describe("who and when of a transition", () => {
  it("refuses a change without both, naming each field", () => {
    const r = transitionEngagement("REQUESTED", "ACCEPTED", { by: "", at: 1.5 });
    expect(r).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "by", issues: [{ field: "by" }, { field: "at" }] } });
  });
});

describe("what a decision may name", () => {
  it("refuses ACTIVE and REQUESTED from every status as a transition with from and to, and nothing else", () => {
    for (const from of ENGAGEMENT_STATUSES) {
      for (const to of ENGAGEMENT_STATUSES) {
        const refused = undecidableTransition(from, to);
        if (to === "ACTIVE" || to === "REQUESTED") expect(refused).toMatchObject({ code: "INVALID_TRANSITION", from, to });
        else expect(refused).toBeNull();
      }
    }
    expect([...DECIDABLE_STATUSES].sort()).toEqual(ENGAGEMENT_STATUSES.filter((s) => s !== "ACTIVE" && s !== "REQUESTED").sort());
  });
});
