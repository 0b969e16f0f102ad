import { describe, expect, it } from "vitest";
import { demandAndCapacity } from "./demand-and-capacity.js";

describe("demand and capacity (rule 14)", () => {
  it("counts accepted estimates not yet delivered plus waitlisted requests against bookable capacity", () => {
    const d = demandAndCapacity(
      [
        { id: "a", status: "ACCEPTED", estimateUnits: 20, deliveredUnits: 0 },
        { id: "b", status: "ACTIVE", estimateUnits: 20, deliveredUnits: 14 },
        { id: "c", status: "ACTIVE", estimateUnits: 4, deliveredUnits: 9 },
        { id: "d", status: "WAITLISTED", estimateUnits: 10, deliveredUnits: 0 },
        { id: "e", status: "REQUESTED", estimateUnits: 8, deliveredUnits: 0 },
        { id: "f", status: "COMPLETED", estimateUnits: 50, deliveredUnits: 40 },
      ],
      [
        { weekStart: "2010-05-03", bookableUnits: 10 },
        { weekStart: "2010-05-10", bookableUnits: 6 },
        { weekStart: "2010-05-10", bookableUnits: 4 },
      ],
    );
    expect(d).toEqual({
      horizonWeeks: 2,
      acceptedOutstandingUnits: 26,
      waitlistedUnits: 10,
      requestedUnits: 8,
      demandUnits: 36,
      bookableUnits: 20,
      utilisation: { numerator: 9, denominator: 5 },
      utilisationBp: 18_000,
      backlogWeeks: { numerator: 18, denominator: 5 },
      backlogWeeksRoundedUp: 4,
    });
    expect(demandAndCapacity([], []).backlogWeeks).toBeNull();
  });
});
