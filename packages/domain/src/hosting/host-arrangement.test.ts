import { describe, expect, it } from "vitest";
import { checkSalaryShares, type HostArrangement } from "./host-arrangement.js";

const arrangement = (extra: Partial<HostArrangement>): HostArrangement => ({
  regionCode: "london",
  id: "host-kc",
  adviserId: "adv-1",
  authorityId: "E09000020",
  startDate: "2010-04-01",
  endDate: null,
  salaryShareBp: 5_000,
  commitmentUnitsPerWeek: 2,
  ...extra,
});

describe("salary shares (rule 7)", () => {
  it("allows co-hosting up to 1 and back-to-back arrangements", () => {
    const ok = [
      arrangement({ id: "a", salaryShareBp: 5_000 }),
      arrangement({ id: "b", authorityId: "E09000002", salaryShareBp: 5_000 }),
      arrangement({ id: "c", adviserId: "adv-2", salaryShareBp: 10_000 }),
    ];
    expect(checkSalaryShares(ok)).toMatchObject({ ok: true });
    const backToBack = [
      arrangement({ id: "a", salaryShareBp: 10_000, endDate: "2010-12-31" }),
      arrangement({ id: "b", salaryShareBp: 10_000, startDate: "2011-01-01" }),
    ];
    expect(checkSalaryShares(backToBack)).toMatchObject({ ok: true });
  });

  it("refuses concurrent shares above 1, naming the arrangement that tips it over", () => {
    const over = [
      arrangement({ id: "a", salaryShareBp: 6_000, endDate: "2011-03-31" }),
      arrangement({ id: "b", salaryShareBp: 3_000 }),
      arrangement({ id: "c", salaryShareBp: 2_000, startDate: "2011-03-01" }),
    ];
    expect(checkSalaryShares(over)).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "arrangements[2].salaryShareBp" } });
    expect(checkSalaryShares([arrangement({ salaryShareBp: 10_001 })])).toMatchObject({ error: { field: "arrangements[0].salaryShareBp" } });
    expect(checkSalaryShares([arrangement({ endDate: "2010-03-31" })])).toMatchObject({ error: { field: "arrangements[0].endDate" } });
  });
});
