import { describe, expect, it } from "vitest";
import { formatMoney } from "./money.js";

describe("money", () => {
  it("formats pence as pounds with separators", () => {
    expect(formatMoney(120_000)).toBe("£1,200.00");
    expect(formatMoney(-120_000)).toBe("-£1,200.00");
    expect(formatMoney(82_500)).toBe("£825.00");
    expect(formatMoney(5)).toBe("£0.05");
    expect(formatMoney(0)).toBe("£0.00");
    expect(formatMoney(36_000_000)).toBe("£360,000.00");
    expect(formatMoney(123_456_789_012)).toBe("£1,234,567,890.12");
    expect(formatMoney(150_050, { code: "EUR", symbol: "€", thousandsSeparator: ".", decimalSeparator: "," })).toBe("€1.500,50");
  });
});
