import { describe, expect, it } from "vitest";
import { buildBenchmark } from "./build-benchmark.js";
import { commonThemes } from "./common-themes.js";

const referrals = buildBenchmark(
  "REFERRALS",
  2010,
  ["A", "B", "C", "D", "E", "F", "G"].map((id, i) => ({ authorityId: id, population: 10_000, count: { suppressed: false as const, value: [50, 200, 240, 70, 900, 210, 220][i]! } })),
);

describe("themes across authorities", () => {
  it("sums engagements and days per theme, counts distinct authorities and lists their outliers", () => {
    if (!referrals.ok) throw new Error(referrals.error.message);
    const r = commonThemes(
      [
        { theme: "neglect", authorityId: "A", engagements: 2, deliveredUnits: 6 },
        { theme: "neglect", authorityId: "E", engagements: 1, deliveredUnits: 3 },
        { theme: "neglect", authorityId: null, engagements: 1, deliveredUnits: 2 },
        { theme: "neglect", authorityId: "B", engagements: 1, deliveredUnits: 0 },
        { theme: "court delay", authorityId: "B", engagements: 4, deliveredUnits: 10 },
      ],
      [referrals.value],
      3,
    );
    expect(r).toEqual({
      ok: true,
      value: [
        { theme: "neglect", engagements: 5, deliveredUnits: 11, authorityIds: ["A", "B", "E"], common: true, outliers: [{ measure: "REFERRALS", authorityId: "E", outlier: "HIGH" }] },
        { theme: "court delay", engagements: 4, deliveredUnits: 10, authorityIds: ["B"], common: false, outliers: [] },
      ],
    });
  });

  it("refuses a threshold below one naming the field", () => {
    expect(commonThemes([], [], 0)).toMatchObject({ ok: false, error: { field: "minAuthorities" } });
  });
});
