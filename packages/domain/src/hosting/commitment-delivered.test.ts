import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { commitmentDelivered, type HostDelivery } from "./commitment-delivered.js";
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

describe("commitment delivered (rule 7)", () => {
  const hostDelivery = (date: string, units: number, extra: Partial<HostDelivery> = {}): HostDelivery => ({
    adviserId: "adv-1",
    date,
    units,
    strand: "HOST_SUPPORT",
    organisationHomeAuthorityId: "E09000020",
    ...extra,
  });

  it("measures host-support days against the commitment pro rata over working days", () => {
    const deliveries = [
      hostDelivery("2010-05-04", 40),
      hostDelivery("2011-02-01", 40),
      hostDelivery("2011-04-01", 10), // next year
      hostDelivery("2010-06-01", 10, { strand: "PROJECT_SUPPORT" }),
      hostDelivery("2010-06-01", 10, { organisationHomeAuthorityId: "E09000002" }),
      hostDelivery("2010-06-01", 10, { adviserId: "adv-2" }),
    ];
    // 253 working days in 2010-11 at 1 day (2 units) a week of 5 days: 506/5 units.
    expect(commitmentDelivered(workedExamplePolicy, arrangement({}), 2010, deliveries)).toEqual({
      arrangementId: "host-kc",
      adviserId: "adv-1",
      authorityId: "E09000020",
      year: 2010,
      committed: { numerator: 506, denominator: 5 },
      committedUnits: 101,
      deliveredUnits: 80,
      ratio: { numerator: 200, denominator: 253 },
      ratioBp: 7_905,
    });
    const late = commitmentDelivered(workedExamplePolicy, arrangement({ startDate: "2010-09-01" }), 2010, deliveries);
    expect([late.committed, late.deliveredUnits]).toEqual([{ numerator: 298, denominator: 5 }, 40]);
  });

  it("works for a co-hosted adviser in the second region", () => {
    const a = arrangement({ id: "h-a", authorityId: "S12000046", salaryShareBp: 5_000, commitmentUnitsPerWeek: 4, startDate: "2010-07-01" });
    const b = arrangement({ id: "h-b", authorityId: "S12000038", salaryShareBp: 3_000, commitmentUnitsPerWeek: 3, startDate: "2010-07-01" });
    expect(checkSalaryShares([a, b])).toMatchObject({ ok: true });
    const deliveries = [hostDelivery("2010-08-03", 7, { organisationHomeAuthorityId: "S12000046" }), hostDelivery("2010-08-04", 5, { organisationHomeAuthorityId: "S12000038" })];
    const ra = commitmentDelivered(westOfScotlandPolicy, a, 2010, deliveries);
    const rb = commitmentDelivered(westOfScotlandPolicy, b, 2010, deliveries);
    expect([ra.deliveredUnits, rb.deliveredUnits]).toEqual([7, 5]);
    // Year 2010 runs July to June; the ratio of committed units follows 4:3.
    expect(ra.committed.numerator * 3 * rb.committed.denominator).toBe(rb.committed.numerator * 4 * ra.committed.denominator);
  });
});
