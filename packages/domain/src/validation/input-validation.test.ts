import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { validateBookingInput, validateDeliveryInput, validateEngagementInput } from "./input-validation.js";

const fieldsOf = (r: { ok: boolean; error?: unknown }) =>
  r.ok ? [] : ((r.error as { issues?: { field: string }[] }).issues ?? []).map((i) => i.field);

describe("bad input is refused naming the field (rule 16)", () => {
  const engagement = { id: "eng-1", status: "ACTIVE" as const, startDate: "2010-05-01", endDate: "2010-09-30", strand: "PROJECT_SUPPORT" as const };
  const delivery = { engagementId: "eng-1", adviserId: "adv-1", date: "2010-06-01", days: 1.5 };

  it("deliveries: days on the granularity, dates inside the engagement, unknown engagement", () => {
    expect(validateDeliveryInput(workedExamplePolicy, delivery, engagement)).toEqual({
      ok: true,
      value: { engagementId: "eng-1", adviserId: "adv-1", date: "2010-06-01", units: 3, financialYear: 2010, onSiteAt: null, notes: null },
    });
    expect(fieldsOf(validateDeliveryInput(workedExamplePolicy, { ...delivery, days: 0 }, engagement))).toEqual(["days"]);
    expect(fieldsOf(validateDeliveryInput(workedExamplePolicy, { ...delivery, days: -1 }, engagement))).toEqual(["days"]);
    expect(fieldsOf(validateDeliveryInput(workedExamplePolicy, { ...delivery, days: 0.25 }, engagement))).toEqual(["days"]);
    expect(validateDeliveryInput(westOfScotlandPolicy, { ...delivery, days: 0.25 }, engagement)).toMatchObject({ ok: true, value: { units: 1 } });
    expect(fieldsOf(validateDeliveryInput(workedExamplePolicy, { ...delivery, date: "2010-10-01" }, engagement))).toEqual(["date"]);
    expect(fieldsOf(validateDeliveryInput(workedExamplePolicy, { ...delivery, date: "2010-04-30" }, engagement))).toEqual(["date"]);
    expect(fieldsOf(validateDeliveryInput(workedExamplePolicy, { ...delivery, date: "01/06/2010" }, engagement))).toEqual(["date"]);
    expect(validateDeliveryInput(workedExamplePolicy, delivery, null)).toMatchObject({ ok: false, error: { code: "NOT_FOUND", field: "engagementId" } });
    expect(fieldsOf(validateDeliveryInput(workedExamplePolicy, delivery, { ...engagement, status: "DECLINED" }))).toEqual(["engagementId"]);
  });

  it("engagements: unknown strand, end before start, bad estimate, all at once", () => {
    const r = validateEngagementInput(workedExamplePolicy, {
      organisationId: "org-1",
      strand: "COFFEE",
      estimateDays: "2.3",
      startDate: "2010-05-01",
      endDate: "2010-04-01",
    });
    expect(r).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "strand" } });
    expect(fieldsOf(r)).toEqual(["strand", "estimateDays", "endDate"]);
    expect(
      validateEngagementInput(workedExamplePolicy, { organisationId: "org-1", strand: "STRATEGIC", estimateDays: 5, startDate: "2010-05-01", notes: "private" }),
    ).toMatchObject({ ok: true, value: { estimateUnits: 10, endDate: null, notes: "private", agreedDayRatePence: null } });
  });

  it("bookings: the week normalised to its Monday, every bad field named", () => {
    expect(
      validateBookingInput(workedExamplePolicy, { engagementId: "e", adviserId: "a", weekStart: "2010-05-05", days: 2, status: "CONFIRMED" }),
    ).toEqual({ ok: true, value: { engagementId: "e", adviserId: "a", weekStart: "2010-05-03", units: 4, status: "CONFIRMED" } });
    expect(
      fieldsOf(validateBookingInput(workedExamplePolicy, { engagementId: "e", adviserId: "", weekStart: "x", days: 0, status: "MAYBE" })),
    ).toEqual(["adviserId", "weekStart", "days", "status"]);
  });

  it("engagements: an agreed rate of 0 or less is refused naming the field, as allocation would refuse it", () => {
    const base = { organisationId: "org-1", strand: "PROJECT_SUPPORT", estimateDays: 5, startDate: "2010-05-01" };
    for (const agreedDayRatePence of [0, -1, 1.5, 100_000_001])
      expect(fieldsOf(validateEngagementInput(workedExamplePolicy, { ...base, agreedDayRatePence }))).toEqual(["agreedDayRatePence"]);
    expect(validateEngagementInput(workedExamplePolicy, { ...base, agreedDayRatePence: 1 })).toMatchObject({ ok: true, value: { agreedDayRatePence: 1 } });
  });

  it("reports every issue of an input, the first also as field and message", () => {
    const r = validateEngagementInput(workedExamplePolicy, {
      organisationId: "",
      strand: "TEA",
      agreedDayRatePence: 0,
      estimateDays: 0.3,
      startDate: "2010-05-01",
      endDate: "2010-04-01",
    });
    expect(fieldsOf(r)).toEqual(["organisationId", "strand", "agreedDayRatePence", "estimateDays", "endDate"]);
    if (r.ok) throw new Error("expected a refusal");
    expect([r.error.field, r.error.message]).toEqual([r.error.issues[0]?.field, r.error.issues[0]?.message]);
  });
});
