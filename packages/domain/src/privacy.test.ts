import { describe, expect, it } from "vitest";
import type { Engagement } from "./engagement.js";
import { mayReadNotes, withoutNotes } from "./privacy.js";

describe("privacy (rule 17)", () => {
  it("notes are a separate field that callers strip for funders", () => {
    const engagement: Engagement = {
      regionCode: "london",
      id: "eng-1",
      organisationId: "org-1",
      strand: "PROJECT_SUPPORT",
      status: "ACTIVE",
      themes: ["court delay"],
      leadAdviserId: "adv-1",
      agreedDayRatePence: null,
      estimateUnits: 10,
      startDate: "2010-05-01",
      endDate: null,
      requestedAt: 0,
      requestedBy: "user-1",
      waitlistedUntilWeek: null,
      notes: "Met the head of service; staffing is fragile.",
    };
    const shown = withoutNotes(engagement);
    expect("notes" in shown).toBe(false);
    expect(shown.themes).toEqual(["court delay"]);
    expect(engagement.notes).not.toBeNull();
    expect((["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"] as const).map(mayReadNotes)).toEqual([true, true, false, false]);
  });
});
