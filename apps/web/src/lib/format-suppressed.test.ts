import { describe, expect, it } from "vitest";
import { formatPublishedCount, formatPublishedRate, suppressedLabel } from "./format-suppressed.js";

describe("suppressed published figures", () => {
  it("shows a suppressed count and rate as suppressed, never as zero", () => {
    const row = { suppressed: true, value: null, rate: null };
    expect(formatPublishedCount(row)).toBe(suppressedLabel);
    expect(formatPublishedRate(row)).toBe(suppressedLabel);
    expect(formatPublishedCount(row)).not.toMatch(/0/);
  });

  it("shows a suppressed row as suppressed even if a value came with it", () => {
    expect(formatPublishedCount({ suppressed: true, value: 3, rate: "1.20" })).toBe(suppressedLabel);
  });

  it("shows a published zero as 0 and grouped counts", () => {
    expect(formatPublishedCount({ suppressed: false, value: 0, rate: "0.00" })).toBe("0");
    expect(formatPublishedRate({ suppressed: false, value: 0, rate: "0.00" })).toBe("0.00");
    expect(formatPublishedCount({ suppressed: false, value: 4484, rate: "703.12" })).toBe("4,484");
  });

  it("shows a missing unsuppressed figure as n/a", () => {
    expect(formatPublishedCount({ suppressed: false, value: null })).toBe("n/a");
    expect(formatPublishedRate({ suppressed: false, rate: null })).toBe("n/a");
  });
});
