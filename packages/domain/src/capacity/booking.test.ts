import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../calendar/plain-date.js";
import { ENGAGEMENT_STATUSES } from "../entities/engagement.js";
import { checkBookingOnEngagement } from "./booking.js";

const open = { startDate: "2010-05-03", endDate: "2010-06-30" };

describe("checkBookingOnEngagement", () => {
  it("plans tentative bookings on open requests, confirms only accepted engagements", () => {
    for (const status of ENGAGEMENT_STATUSES) {
      const tentative = checkBookingOnEngagement({ ...open, status }, { weekStart: "2010-05-10", status: "TENTATIVE" });
      const confirmed = checkBookingOnEngagement({ ...open, status }, { weekStart: "2010-05-10", status: "CONFIRMED" });
      expect(tentative.ok, status).toBe(["REQUESTED", "WAITLISTED", "ACCEPTED", "ACTIVE"].includes(status));
      expect(confirmed.ok, status).toBe(["ACCEPTED", "ACTIVE"].includes(status));
      if (!confirmed.ok) expect(confirmed.error.field).toBe("engagementId");
    }
  });

  it("takes a week that overlaps the engagement's dates and refuses one outside, naming weekStart", () => {
    const at = (weekStart: string) => checkBookingOnEngagement({ ...open, status: "ACTIVE" }, { weekStart, status: "CONFIRMED" });
    expect(at("2010-04-26").ok).toBe(false);
    expect(at("2010-05-03").ok).toBe(true);
    expect(at("2010-06-28").ok).toBe(true);
    expect(at("2010-07-05")).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "weekStart" } });
    // No dates: open on both sides.
    expect(checkBookingOnEngagement({ status: "ACTIVE", startDate: null, endDate: null }, { weekStart: "1999-01-04", status: "CONFIRMED" }).ok).toBe(true);
  });

  it("accepts exactly the weeks whose seven days meet the engagement", () => {
    fc.assert(
      fc.property(fc.integer({ min: -60, max: 120 }), (offset) => {
        const weekStart = addDays("2010-05-03", offset);
        const overlaps = addDays(weekStart, 6) >= open.startDate && weekStart <= open.endDate;
        expect(checkBookingOnEngagement({ ...open, status: "ACCEPTED" }, { weekStart, status: "TENTATIVE" }).ok).toBe(overlaps);
      }),
    );
  });
});
