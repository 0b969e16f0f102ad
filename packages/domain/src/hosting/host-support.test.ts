import { describe, expect, it } from "vitest";
import type { HostArrangement } from "./host-arrangement.js";
import { checkHostSupport } from "./host-support.js";

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

describe("host support eligibility (rule 7)", () => {
  const arrangements = [arrangement({ endDate: "2011-03-31" })];
  it("is only for organisations in the area of an authority hosting the adviser, while active", () => {
    const base = { adviserId: "adv-1", date: "2010-06-01", organisationHomeAuthorityId: "E09000020", arrangements };
    expect(checkHostSupport(base)).toMatchObject({ ok: true, value: { id: "host-kc" } });
    expect(checkHostSupport({ ...base, organisationHomeAuthorityId: "E09000002" })).toMatchObject({ error: { field: "organisationId" } });
    expect(checkHostSupport({ ...base, organisationHomeAuthorityId: null })).toMatchObject({ error: { field: "organisationId" } });
    expect(checkHostSupport({ ...base, adviserId: "adv-2" })).toMatchObject({ error: { field: "organisationId" } });
    expect(checkHostSupport({ ...base, date: "2011-04-01" })).toMatchObject({ error: { field: "date" } });
  });
});
