import { describe, expect, it } from "vitest";
import { weekState } from "./week-state.js";

const week = (over: Partial<Record<string, string>>) => ({
  bookableDays: "3.5",
  confirmedDays: "0",
  tentativeDays: "0",
  overbookedDays: "0",
  displacedDays: "0",
  ...over,
});

describe("weekState", () => {
  it("reads the gateway's figures, most urgent first", () => {
    expect(weekState(week({ overbookedDays: "0.5", displacedDays: "1" }))).toBe("overbooked");
    expect(weekState(week({ displacedDays: "1" }))).toBe("displaced");
    expect(weekState(week({ confirmedDays: "3.5" }))).toBe("full");
    expect(weekState(week({ confirmedDays: "1", tentativeDays: "0.5" }))).toBe("tentative");
    expect(weekState(week({ confirmedDays: "1" }))).toBe("confirmed");
    expect(weekState(week({}))).toBe("bookable");
    expect(weekState(week({ bookableDays: "0" }))).toBe("unavailable");
  });
});
