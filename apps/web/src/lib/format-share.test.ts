import { describe, expect, it } from "vitest";
import { formatShare } from "./format-share.js";
import { sumDecimals } from "./decimal.js";

describe("formatShare", () => {
  it("turns the gateway's decimal share into a percentage to one place, rounded half up", () => {
    expect(formatShare("0.8182")).toBe("81.8%");
    expect(formatShare("1")).toBe("100.0%");
    expect(formatShare("0")).toBe("0.0%");
    expect(formatShare("0.9455")).toBe("94.6%");
    expect(formatShare(null)).toBe("n/a");
  });
});

describe("sumDecimals", () => {
  it("adds exact decimals without binary fractions", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["2.5", "3.5", "3.5"])).toBe("9.5");
    expect(sumDecimals([])).toBe("0");
    expect(sumDecimals(["1056", "10"])).toBe("1066");
  });
});
