import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { billingPeriodOf, parseBillingPeriod } from "./billing-period.js";

describe("billing periods", () => {
  it("the worked-example region (London) bills by calendar month", () => {
    expect(billingPeriodOf(workedExamplePolicy, "2010-07-31")).toEqual({
      kind: "MONTH",
      key: "2010-07",
      start: "2010-07-01",
      end: "2010-07-31",
    });
    expect(billingPeriodOf(workedExamplePolicy, "2012-02-10").end).toBe("2012-02-29");
  });

  it("the second region bills by quarter of its July financial year", () => {
    expect(billingPeriodOf(westOfScotlandPolicy, "2010-07-01").key).toBe("2010-Q1");
    expect(billingPeriodOf(westOfScotlandPolicy, "2011-06-30")).toEqual({
      kind: "QUARTER",
      key: "2010-Q4",
      start: "2011-04-01",
      end: "2011-06-30",
    });
    const parsed = parseBillingPeriod(westOfScotlandPolicy, "2010-Q2");
    expect(parsed.ok && parsed.value).toMatchObject({ start: "2010-10-01", end: "2010-12-31" });
    expect(parseBillingPeriod(westOfScotlandPolicy, "2010-07")).toMatchObject({ ok: false, error: { field: "period" } });
  });
});
