import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../calendar/plain-date.js";
import type { Adviser, Leave } from "../entities/adviser.js";
import type { HostArrangement } from "../hosting/host-arrangement.js";
import { type Strand, STRANDS } from "../policy/strand.js";
import { westOfScotlandPolicy } from "../presets/west-of-scotland.js";
import { workedExamplePolicy } from "../test-support/worked-example-policy.js";
import { adviserWeek, type CapacityBooking, checkBooking, earliestFittingWeek, fitRequest, freeWeekOf, heldUnits, requestWeeklyUnits, weekCapacity } from "./adviser-capacity.js";
import type { BookingStatus } from "./booking.js";

const adviser = (fteBp = 10_000, id = "adv-1"): Adviser => ({
  regionCode: "london",
  id,
  name: "Adviser",
  fteBp,
  employmentStart: "2010-04-01",
  employmentEnd: null,
});
const hosting = (units: number, extra: Partial<HostArrangement> = {}): HostArrangement => ({
  regionCode: "london",
  id: "host-1",
  adviserId: "adv-1",
  authorityId: "E09000020",
  startDate: "2010-04-01",
  endDate: null,
  salaryShareBp: 5_000,
  commitmentUnitsPerWeek: units,
  ...extra,
});

describe("capacity, worked example", () => {
  it("bank-holiday week: available 4, host 0.8, reserve 0.5, bookable 2.7 floored to 2.5", () => {
    const c = weekCapacity(workedExamplePolicy, {
      adviser: adviser(),
      weekStart: "2010-05-05", // any day of the week of Monday 3 May 2010, a bank holiday
      leave: [],
      arrangements: [hosting(2)],
    });
    expect(c).toEqual({
      adviserId: "adv-1",
      weekStart: "2010-05-03",
      workingDays: 4,
      available: { numerator: 8, denominator: 1 },
      availableUnits: 8,
      hostCommitment: { numerator: 8, denominator: 5 },
      reserve: { numerator: 1, denominator: 1 },
      bookableUnits: 5,
    });
  });

  it("a confirmed booking past bookable fails naming adviser, week, bookable, booked and requested", () => {
    const c = weekCapacity(workedExamplePolicy, { adviser: adviser(), weekStart: "2010-05-03", leave: [], arrangements: [hosting(2)] });
    const existing: CapacityBooking[] = [{ units: 4, status: "CONFIRMED", strand: "PROJECT_SUPPORT" }];
    const request = { adviserId: "adv-1", weekStart: "2010-05-03", units: 2, status: "CONFIRMED" as const, strand: "PROJECT_SUPPORT" as const };
    expect(checkBooking(workedExamplePolicy, c, existing, request)).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: "CAPACITY_EXCEEDED",
        adviserId: "adv-1",
        weekStart: "2010-05-03",
        bookableUnits: 5,
        alreadyBookedUnits: 4,
        requestedUnits: 2,
        // Half-day units, said in days.
        message: "adviser adv-1 has 2.5 bookable days in the week of 2010-05-03, 2 already booked, 1 requested",
      }),
    });
    expect(checkBooking(workedExamplePolicy, c, existing, { ...request, units: 1 })).toMatchObject({ ok: true });
    // Tentative bookings may exceed it and are flagged.
    expect(checkBooking(workedExamplePolicy, c, existing, { ...request, status: "TENTATIVE" })).toEqual({
      ok: true,
      value: { heldToCapacity: true, bookableUnits: 5, alreadyBookedUnits: 4, overbooked: true },
    });
    // Rapid response is never refused.
    expect(checkBooking(workedExamplePolicy, c, existing, { ...request, units: 10, strand: "RAPID_RESPONSE" })).toMatchObject({
      ok: true,
      value: { heldToCapacity: false, overbooked: false },
    });
  });

  it("refuses bad booking input naming the field", () => {
    const c = weekCapacity(workedExamplePolicy, { adviser: adviser(), weekStart: "2010-05-10", leave: [], arrangements: [] });
    const base = { adviserId: "adv-1", weekStart: "2010-05-10", units: 1, status: "CONFIRMED" as const, strand: "PROJECT_SUPPORT" as const };
    expect(checkBooking(workedExamplePolicy, c, [], { ...base, units: 0 })).toMatchObject({ error: { field: "units" } });
    expect(checkBooking(workedExamplePolicy, c, [], { ...base, strand: "GARDENING" as never })).toMatchObject({ error: { field: "strand" } });
    expect(checkBooking(workedExamplePolicy, c, [], { ...base, weekStart: "2010-05-17" })).toMatchObject({ error: { field: "weekStart" } });
    const all = checkBooking(workedExamplePolicy, c, [], { ...base, units: -1, status: "MAYBE" as never, adviserId: "adv-9", weekStart: "soon" });
    if (all.ok || all.error.code !== "VALIDATION") throw new Error("expected a validation error");
    expect(all.error.issues.map((i) => i.field)).toEqual(["units", "status", "adviserId", "weekStart"]);
  });
});

describe("capacity rules", () => {
  it("leave, part-time FTE and employment dates reduce available days", () => {
    const leave: Leave[] = [
      { regionCode: "london", id: "l1", adviserId: "adv-1", startDate: "2010-05-11", endDate: "2010-05-12", unitsPerDay: 2 },
      { regionCode: "london", id: "l2", adviserId: "adv-2", startDate: "2010-05-10", endDate: "2010-05-14", unitsPerDay: 2 },
    ];
    const c = weekCapacity(workedExamplePolicy, { adviser: adviser(6_000), weekStart: "2010-05-10", leave, arrangements: [] });
    // 0.6 x 5 = 3 days = 6 units, minus 2 days of leave = 2 units; reserve 1 -> bookable 1.
    expect([c.available, c.bookableUnits]).toEqual([{ numerator: 2, denominator: 1 }, 1]);
    const leaver = { ...adviser(), employmentEnd: "2010-05-12" };
    expect(weekCapacity(workedExamplePolicy, { adviser: leaver, weekStart: "2010-05-10", leave: [], arrangements: [] }).workingDays).toBe(3);
  });

  it("the royal wedding and the jubilee are bank holidays in the worked-example policy (England and Wales)", () => {
    const days = (weekStart: string) =>
      weekCapacity(workedExamplePolicy, { adviser: adviser(), weekStart, leave: [], arrangements: [] }).workingDays;
    expect(days("2011-04-25")).toBe(3); // Easter Monday and 29 April
    expect(days("2012-06-04")).toBe(3); // moved spring bank holiday and jubilee
    expect(days("2012-05-28")).toBe(5); // the usual spring bank holiday moved away
  });

  it("rapid response uses the reserve first, then free room, then displaces project days", () => {
    const c = weekCapacity(workedExamplePolicy, { adviser: adviser(), weekStart: "2010-05-10", leave: [], arrangements: [] });
    // 10 units available, reserve 1, bookable 9; 8 confirmed project units.
    const bookings: CapacityBooking[] = [
      { units: 8, status: "CONFIRMED", strand: "PROJECT_SUPPORT" },
      { units: 2, status: "TENTATIVE", strand: "STRATEGIC" },
    ];
    const w = (rr: number) => adviserWeek(workedExamplePolicy, c, bookings, rr);
    expect([w(1).rapidResponseOverflowUnits, w(1).displacedUnits]).toEqual([0, 0]);
    expect([w(2).rapidResponseOverflowUnits, w(2).displacedUnits]).toEqual([1, 0]);
    expect([w(5).rapidResponseOverflowUnits, w(5).displacedUnits]).toEqual([4, 3]);
    expect(w(0)).toMatchObject({ confirmedUnits: 8, tentativeUnits: 2, overbookedUnits: 1 });
  });

  it("caps the reserve at what is left after hosting, and never goes below zero", () => {
    // 0.25 FTE x 5 days = 2.5 units; hosting 2 units; only 0.5 left, all of it reserve.
    const c = weekCapacity(workedExamplePolicy, { adviser: adviser(2_500), weekStart: "2010-05-10", leave: [], arrangements: [hosting(2)] });
    expect([c.available, c.hostCommitment, c.reserve, c.bookableUnits]).toEqual([
      { numerator: 5, denominator: 2 },
      { numerator: 2, denominator: 1 },
      { numerator: 1, denominator: 2 },
      0,
    ]);
    const w = adviserWeek(workedExamplePolicy, c, [], 1);
    expect([w.rapidResponseOverflowUnits, w.displacedUnits]).toEqual([1, 0]);
    const onLeave = weekCapacity(workedExamplePolicy, {
      adviser: adviser(),
      weekStart: "2010-05-10",
      leave: [{ regionCode: "london", id: "l", adviserId: "adv-1", startDate: "2010-05-01", endDate: "2010-05-31", unitsPerDay: 2 }],
      arrangements: [hosting(2)],
    });
    expect([onLeave.availableUnits, onLeave.reserve.numerator, onLeave.bookableUnits]).toEqual([0, 0, 0]);
  });

  it("finds the earliest week a request fits, for the waitlist", () => {
    const weeks = [
      { adviserId: "adv-2", weekStart: "2010-05-17", bookableUnits: 9, confirmedUnits: 4 },
      { adviserId: "adv-1", weekStart: "2010-05-10", bookableUnits: 9, confirmedUnits: 8 },
      { adviserId: "adv-1", weekStart: "2010-05-17", bookableUnits: 9, confirmedUnits: 2 },
    ];
    expect(earliestFittingWeek(weeks, 5)).toEqual({ adviserId: "adv-1", weekStart: "2010-05-17" });
    expect(earliestFittingWeek(weeks, 8)).toBeNull();
    expect(fitRequest(weeks, 5, "2010-05-12")).toEqual({ fits: false, earliestWeek: "2010-05-17", adviserId: "adv-1" });
    expect(fitRequest(weeks, 1, "2010-05-12")).toEqual({ fits: true, earliestWeek: "2010-05-10", adviserId: "adv-1" });
  });
});

describe("second region: co-hosted adviser, quarter days", () => {
  it("St Andrew's Day week: 0.8 FTE co-hosted by two authorities", () => {
    const arrangements = [
      hosting(4, { id: "h-a", authorityId: "S12000046", salaryShareBp: 5_000 }),
      hosting(3, { id: "h-b", authorityId: "S12000038", salaryShareBp: 3_000 }),
    ];
    const c = weekCapacity(westOfScotlandPolicy, { adviser: adviser(8_000), weekStart: "2010-11-29", leave: [], arrangements });
    // 0.8 x 4 days = 12.8 units; host (4 + 3) x 4/5 = 5.6; reserve 3; 4.2 -> 4 units (1 day).
    expect(c).toMatchObject({
      workingDays: 4,
      available: { numerator: 64, denominator: 5 },
      hostCommitment: { numerator: 28, denominator: 5 },
      reserve: { numerator: 3, denominator: 1 },
      bookableUnits: 4,
    });
  });
});

const strandArb = fc.constantFrom(...STRANDS);
const weekArb = fc.integer({ min: 0, max: 150 }).map((w) => addDays("2010-04-05", w * 7));

describe("capacity properties", () => {
  it("bookable is never negative, and never more than available", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        weekArb,
        fc.array(fc.record({ day: fc.nat(6), len: fc.nat(6), units: fc.integer({ min: 1, max: 2 }) }), { maxLength: 3 }),
        fc.array(fc.record({ units: fc.nat(10), share: fc.integer({ min: 1, max: 5_000 }) }), { maxLength: 2 }),
        fc.constantFrom(workedExamplePolicy, westOfScotlandPolicy),
        (fte, weekStart, leaves, hosts, policy) => {
          const leave = leaves.map((l, i) => ({
            regionCode: policy.code,
            id: `l${i}`,
            adviserId: "adv-1",
            startDate: addDays(weekStart, l.day),
            endDate: addDays(weekStart, l.day + l.len),
            unitsPerDay: l.units,
          }));
          const arrangements = hosts.map((h, i) => hosting(h.units, { id: `h${i}`, salaryShareBp: h.share }));
          const c = weekCapacity(policy, { adviser: adviser(fte), weekStart, leave, arrangements });
          expect(c.bookableUnits).toBeGreaterThanOrEqual(0);
          expect(c.bookableUnits).toBeLessThanOrEqual(c.availableUnits);
          expect(c.available.numerator).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("confirmed bookings on capacity-held strands never exceed bookable", () => {
    const requestArb = fc.record({
      units: fc.integer({ min: 1, max: 6 }),
      status: fc.constantFrom<BookingStatus>("TENTATIVE", "CONFIRMED"),
      strand: strandArb,
    });
    fc.assert(
      fc.property(fc.integer({ min: 2_000, max: 10_000 }), weekArb, fc.array(requestArb, { maxLength: 25 }), (fte, weekStart, requests) => {
        const c = weekCapacity(workedExamplePolicy, { adviser: adviser(fte), weekStart, leave: [], arrangements: [hosting(2)] });
        const accepted: CapacityBooking[] = [];
        for (const r of requests) {
          const result = checkBooking(workedExamplePolicy, c, accepted, { ...r, adviserId: "adv-1", weekStart });
          if (result.ok) accepted.push(r);
          else expect(result.error.code).toBe("CAPACITY_EXCEEDED");
        }
        const held = (s: Strand) => workedExamplePolicy.strands[s].heldToCapacity;
        const confirmed = accepted.filter((b) => b.status === "CONFIRMED" && held(b.strand)).reduce((s, b) => s + b.units, 0);
        expect(confirmed).toBeLessThanOrEqual(c.bookableUnits);
      }),
      { numRuns: 300 },
    );
  });
});

describe("held units and a request's weekly pace (rules 8 and 9)", () => {
  const bookings = [
    { units: 4, status: "CONFIRMED" as const, strand: "PROJECT_SUPPORT" as const },
    { units: 2, status: "TENTATIVE" as const, strand: "PROJECT_SUPPORT" as const },
    { units: 3, status: "CONFIRMED" as const, strand: "RAPID_RESPONSE" as const },
    { units: 1, status: "CONFIRMED" as const, strand: "KNOWLEDGE_HUB" as const },
  ];

  it("counts only capacity-held strands, confirmed apart from tentative", () => {
    expect(heldUnits(workedExamplePolicy, bookings)).toEqual({ confirmed: 5, tentative: 2 });
    // The example region does not hold knowledge-hub work to capacity.
    expect(heldUnits(westOfScotlandPolicy, bookings)).toEqual({ confirmed: 4, tentative: 2 });
    expect(heldUnits(workedExamplePolicy, [])).toEqual({ confirmed: 0, tentative: 0 });
  });

  it("a week's free room carries bookable and confirmed held units", () => {
    expect(freeWeekOf(workedExamplePolicy, { adviserId: "adv-1", weekStart: "2010-05-03", bookableUnits: 5 }, bookings)).toEqual({
      adviserId: "adv-1",
      weekStart: "2010-05-03",
      bookableUnits: 5,
      confirmedUnits: 5,
    });
  });

  it("spreads the estimate over the engagement's weeks, at least a day, at most the estimate", () => {
    const request = { strand: "PROJECT_SUPPORT" as const, estimateUnits: 20, startDate: "2010-05-05", endDate: "2010-06-30" };
    // 2010-05-03 to 2010-06-30 touches 9 weeks: 20 / 9 rounded up is 3 units.
    expect(requestWeeklyUnits(workedExamplePolicy, request)).toBe(3);
    expect(requestWeeklyUnits(workedExamplePolicy, { ...request, endDate: null })).toBe(20);
    expect(requestWeeklyUnits(workedExamplePolicy, { ...request, estimateUnits: 4, endDate: "2011-03-31" })).toBe(2);
    expect(requestWeeklyUnits(workedExamplePolicy, { ...request, estimateUnits: 1, endDate: "2011-03-31" })).toBe(1);
    expect(requestWeeklyUnits(workedExamplePolicy, { ...request, strand: "RAPID_RESPONSE" })).toBe(0);
  });

  it("never needs more than the estimate, nor less than a day when the estimate allows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(700), fc.option(fc.nat(700), { nil: null }), (estimateUnits, start, length) => {
        const startDate = addDays("2010-04-01", start);
        const endDate = length === null ? null : addDays(startDate, length);
        const units = requestWeeklyUnits(workedExamplePolicy, { strand: "PROJECT_SUPPORT", estimateUnits, startDate, endDate });
        expect(units).toBeLessThanOrEqual(estimateUnits);
        expect(units).toBeGreaterThanOrEqual(Math.min(estimateUnits, workedExamplePolicy.unitsPerDay));
      }),
    );
  });
});
