import { describe, expect, it } from "vitest";
import { assessOutcome, summariseOutcomes } from "./assess-outcome.js";
import type { OutcomeIndicator, OutcomeMeasurement } from "./outcome-indicator.js";

const indicator = (extra: Partial<OutcomeIndicator> = {}): OutcomeIndicator => ({
  regionCode: "london",
  id: "ind-1",
  engagementId: "eng-1",
  name: "Weeks of care proceedings",
  unit: "weeks",
  goodDirection: "LOWER",
  decimals: 0,
  baseline: 56,
  baselineOn: "2011-01-01",
  target: 40,
  notes: null,
  ...extra,
});
let n = 0;
const measured = (measuredOn: string, value: number, indicatorId = "ind-1"): OutcomeMeasurement => {
  n += 1;
  return { regionCode: "london", id: `m-${n}`, indicatorId, measuredOn, value, recordedAt: n, notes: null };
};

describe("outcomes (rule 11)", () => {
  it("care proceedings falling from 56 weeks is an improvement (lower is better)", () => {
    const r = assessOutcome(indicator(), [measured("2011-12-01", 44), measured("2011-06-01", 60), measured("2012-01-01", 47, "other")]);
    expect(r).toMatchObject({ change: -12, assessment: "IMPROVED", targetMet: false, latest: { value: 44 } });
  });

  it("follows the direction: higher is better for timely assessments", () => {
    const timely = indicator({ goodDirection: "HIGHER", baseline: 655, decimals: 1, target: 700, name: "Assessments in time", unit: "%" });
    expect(assessOutcome(timely, [measured("2011-06-01", 702)])).toMatchObject({ change: 47, assessment: "IMPROVED", targetMet: true });
    expect(assessOutcome(timely, [measured("2011-06-01", 600)])).toMatchObject({ change: -55, assessment: "WORSENED" });
    expect(assessOutcome(timely, [measured("2011-06-01", 655)])).toMatchObject({ change: 0, assessment: "UNCHANGED" });
    expect(assessOutcome(timely, [])).toMatchObject({ change: null, assessment: null, targetMet: null });
  });

  it("summarises improved, worsened, unchanged, not measured and target met", () => {
    const rs = [
      assessOutcome(indicator(), [measured("2011-06-01", 50)]),
      assessOutcome(indicator(), [measured("2011-06-01", 60)]),
      assessOutcome(indicator(), [measured("2011-06-01", 56)]),
      assessOutcome(indicator(), []),
    ];
    expect(summariseOutcomes(rs)).toEqual({ improved: 1, worsened: 1, unchanged: 1, notMeasured: 1, targetMet: 0 });
    const met = assessOutcome(indicator({ target: 45 }), [measured("2011-06-01", 45)]);
    expect(summariseOutcomes([...rs, met])).toMatchObject({ improved: 2, targetMet: 1 });
  });
});
