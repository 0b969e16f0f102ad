import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { firstOnSiteAt, summariseRapidResponse } from "./response-times.js";

const H = 3_600_000;
const M = 60_000;
const t0 = 1_275_000_000_000;
const rr = (id: string, hours: number, extraMinutes = 0) => ({
  engagementId: id,
  requestedAt: t0,
  firstOnSiteAt: t0 + hours * H + extraMinutes * M,
});

describe("rapid response (rule 10)", () => {
  it("reports count, median hours and share within target", () => {
    const cases = [rr("a", 4), rr("b", 30), rr("c", 50), { engagementId: "d", requestedAt: t0, firstOnSiteAt: null }];
    expect(summariseRapidResponse(workedExamplePolicy, cases)).toEqual({
      count: 3,
      pendingCount: 1,
      medianMinutes: 30 * 60,
      medianHours: 30,
      targetHours: 48,
      withinTarget: { numerator: 2, denominator: 3 },
      withinTargetBp: 6_667,
    });
    // The second region's target is 24 hours.
    expect(summariseRapidResponse(westOfScotlandPolicy, cases).withinTargetBp).toBe(3_333);
  });

  it("takes the median of an even count as the mean of the middle two, half up to a minute", () => {
    const s = summariseRapidResponse(workedExamplePolicy, [rr("a", 1), rr("b", 2, 1), rr("c", 3), rr("d", 10)]);
    // middle values 121 and 180 minutes: 150.5 -> 151 minutes = 2.52 hours (2.5166 half up)
    expect([s.medianMinutes, s.medianHours]).toEqual([151, 2.52]);
  });

  it("counts exactly the target as within it, and is empty without cases", () => {
    expect(summariseRapidResponse(workedExamplePolicy, [rr("a", 48)]).withinTargetBp).toBe(10_000);
    expect(summariseRapidResponse(workedExamplePolicy, [rr("a", 48, 1)]).withinTargetBp).toBe(0);
    expect(summariseRapidResponse(workedExamplePolicy, [])).toMatchObject({ count: 0, medianMinutes: null, medianHours: null });
    expect(firstOnSiteAt([{ onSiteAt: null }, { onSiteAt: 5 }, { onSiteAt: 3 }])).toBe(3);
  });
});
