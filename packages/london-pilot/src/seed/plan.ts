import { addDays, daysBetween, type EngagementStatus, isoWeekday, weekStartOf } from "@adviser-hub/domain";
import type { Prng } from "../prng.js";
import type { SeedAdviser, SeedHostArrangement, SeedLeave } from "./advisers.js";
import { ADMIN_USER, type EngagementSpec, adviserUser } from "./engagement-specs.js";

// Lays the engagements out over the advisers' weeks: rapid response first (never refused), then
// the host commitment, then capacity-held work in request order, never past a conservative
// bookable figure; in past weeks without a call-out, the unused reserve goes on current work too. Past weeks become confirmed bookings and the deliveries that honoured them;
// weeks after the seed's "today" become bookings only. Everything is derived from the fixed
// specs and one seeded generator, so the plan is identical on every run.

export interface PlanCalendar {
  readonly bankHolidays: ReadonlySet<string>;
  readonly unitsPerDay: number;
  readonly reserveUnitsPerAdviserWeek: number;
  /** The seed's "today": deliveries stop here, bookings run on. */
  readonly asOf: string;
  /** Weeks after asOf that carry bookings; the first half confirmed, the rest tentative. */
  readonly bookingWeeksAhead: number;
}

/** A delivery typed up late: the last one of `engagementId` dated in `month`, recorded on `recordedOn`. */
export interface LateRecording {
  readonly engagementId: string;
  readonly month: string;
  readonly recordedOn: string;
}

export interface PlannedDelivery {
  readonly engagementId: string;
  readonly adviserId: string;
  readonly date: string;
  readonly units: number;
  readonly onSite: boolean;
  readonly startedAt: string | null;
  readonly recordedAt: string;
}

export interface PlannedBooking {
  readonly id: string;
  readonly adviserId: string;
  readonly engagementId: string;
  readonly weekStart: string;
  readonly units: number;
  readonly status: "TENTATIVE" | "CONFIRMED";
}

export interface PlannedTransition {
  readonly engagementId: string;
  readonly from: EngagementStatus | null;
  readonly to: EngagementStatus;
  readonly by: string;
  readonly at: string;
  readonly reason: string | null;
}

export interface PlannedEngagement {
  readonly spec: EngagementSpec;
  readonly status: EngagementStatus;
  readonly earliestStartWeek: string | null;
  readonly updatedAt: string;
}

export interface Plan {
  readonly engagements: readonly PlannedEngagement[];
  readonly transitions: readonly PlannedTransition[];
  /** In the order they were recorded. */
  readonly deliveries: readonly PlannedDelivery[];
  readonly bookings: readonly PlannedBooking[];
}

interface WeekSlots {
  /** Free units per working date of this adviser this week. */
  readonly free: Map<string, number>;
  readonly availableUnits: number;
  readonly bookableUnits: number;
}

const instant = (date: string, time: string): string => `${date}T${time}:00Z`;

function runsWork(spec: EngagementSpec): boolean {
  const k = spec.path.kind;
  return k === "RUN" || k === "RUN_THEN_CANCEL" || k === "WAITLIST_THEN_RUN";
}

/** Projects overrun their planned end when capacity is short, by up to this many days. */
const OVERRUN_DAYS = 26 * 7;

/** The last date work may be done: up to the overrun, or the day before a cancellation. */
function workUntil(spec: EngagementSpec): string {
  return spec.path.kind === "RUN_THEN_CANCEL" ? addDays(spec.path.cancelOn, -1) : addDays(spec.endDate, OVERRUN_DAYS);
}

/** Consecutive working days from the on-site date, one delivery a day, as the call-out says. */
function rapidResponseDeliveries(
  spec: EngagementSpec,
  adviser: SeedAdviser,
  daysPerWeek: number,
  leaveDays: ReadonlySet<string>,
  calendar: PlanCalendar,
): PlannedDelivery[] {
  const callOut = spec.rapidResponse!;
  const out: PlannedDelivery[] = [];
  let date = callOut.onSiteAt.slice(0, 10);
  for (const units of callOut.unitsByDay) {
    while (
      calendar.bankHolidays.has(date) ||
      isoWeekday(date) > daysPerWeek ||
      leaveDays.has(`${adviser.id}|${date}`)
    )
      date = addDays(date, 1);
    out.push({
      engagementId: spec.id,
      adviserId: adviser.id,
      date,
      units,
      onSite: true,
      startedAt: out.length === 0 ? callOut.onSiteAt : instant(date, "08:30"),
      recordedAt: instant(date, "18:00"),
    });
    date = addDays(date, 1);
  }
  return out;
}

export function planPilot(input: {
  readonly advisers: readonly SeedAdviser[];
  readonly leave: readonly SeedLeave[];
  readonly hostArrangements: readonly SeedHostArrangement[];
  readonly specs: readonly EngagementSpec[];
  readonly calendar: PlanCalendar;
  readonly prng: Prng;
  readonly lateRecordings?: readonly LateRecording[];
}): Plan {
  const { advisers, leave, hostArrangements, specs, calendar, prng } = input;
  const perDay = calendar.unitsPerDay;
  const leaveDays = new Set<string>();
  for (const l of leave)
    for (let d = l.startDate; d <= l.endDate; d = addDays(d, 1)) leaveDays.add(`${l.adviserId}|${d}`);

  const remaining = new Map(specs.map((s) => [s.id, s.estimateUnits]));
  const deliveries: PlannedDelivery[] = [];
  const bookings: PlannedBooking[] = [];
  const lastWeek = addDays(weekStartOf(calendar.asOf), 7 * calendar.bookingWeeksAhead);

  for (const adviser of advisers) {
    // An adviser below full time works the first whole days of the week (0.8 FTE: Mon-Thu).
    const daysPerWeek = Math.floor((adviser.fteBp * 5) / 10000);
    const rapid = specs.filter((s) => s.rapidResponse && s.leadAdviserId === adviser.id);
    const hosted = specs.filter((s) => s.strand === "HOST_SUPPORT" && s.leadAdviserId === adviser.id);
    const held = specs
      .filter((s) => runsWork(s) && !s.rapidResponse && s.strand !== "HOST_SUPPORT" && s.leadAdviserId === adviser.id)
      .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1));
    const arrangements = hostArrangements.filter((h) => h.adviserId === adviser.id);
    const rapidDays = new Map<string, number>();
    for (const spec of rapid) {
      for (const d of rapidResponseDeliveries(spec, adviser, daysPerWeek, leaveDays, calendar)) {
        rapidDays.set(d.date, (rapidDays.get(d.date) ?? 0) + d.units);
        remaining.set(spec.id, remaining.get(spec.id)! - d.units);
        deliveries.push(d);
      }
    }

    for (let week = weekStartOf(adviser.employedFrom); week <= lastWeek; week = addDays(week, 7)) {
      const slots = weekSlots(adviser, week, daysPerWeek, leaveDays, arrangements, calendar);
      for (const [date, units] of rapidDays) {
        const free = slots.free.get(date);
        if (free !== undefined) slots.free.set(date, Math.max(0, free - units));
      }
      const past = week <= calendar.asOf;

      // 1. Rapid response was placed before any week was planned: it is never refused.
      // 2. Host commitment: mostly honoured in full, sometimes squeezed by other demands.
      if (past) {
        for (const arrangement of arrangements) {
          const spec = hosted.find(
            (s) =>
              s.hostArrangementId === arrangement.id && s.startDate <= addDays(week, 4) && s.endDate >= week,
          );
          if (!spec) continue;
          const roll = prng.next();
          let want = roll < 0.03 ? 0 : roll < 0.06 ? Math.ceil(arrangement.commitmentUnitsPerWeek / 2) : arrangement.commitmentUnitsPerWeek;
          for (const [date, free] of [...slots.free].reverse()) {
            if (want === 0 || date > calendar.asOf || date < spec.startDate || date > spec.endDate) continue;
            const units = Math.min(free, want, perDay);
            if (units === 0) continue;
            slots.free.set(date, free - units);
            want -= units;
            deliveries.push(workDelivery(spec, adviser.id, date, units, calendar.asOf, prng));
          }
        }
      }

      // 3. Capacity-held work, in request order, within a conservative bookable figure.
      const fill = past ? (prng.next() < 0.05 ? 0.75 : 1) : 0.6;
      let budget = Math.floor(slots.bookableUnits * fill);
      // Work inside its planned dates goes first, in request order; projects that have overrun
      // their planned end take what is left, so a late project never starves a newer one.
      const queue = [...held.filter((s) => s.endDate >= week), ...held.filter((s) => s.endDate < week)];
      for (const spec of queue) {
        if (budget <= 0) break;
        const left = remaining.get(spec.id)!;
        const from = spec.path.kind === "WAITLIST_THEN_RUN" ? maxDate(spec.startDate, spec.path.acceptOn) : spec.startDate;
        const until = workUntil(spec);
        if (left <= 0 || from > addDays(week, 6) || until < week) continue;
        let want = Math.min(spec.paceUnitsPerWeek, left, budget);
        let placed = 0;
        for (const [date, free] of slots.free) {
          if (want === 0 || date < from || date > until) continue;
          const units = Math.min(free, want);
          if (units === 0) continue;
          slots.free.set(date, free - units);
          want -= units;
          placed += units;
          if (date <= calendar.asOf) deliveries.push(workDelivery(spec, adviser.id, date, units, calendar.asOf, prng));
        }
        if (placed === 0) continue;
        budget -= placed;
        remaining.set(spec.id, left - placed);
        const ahead = daysBetween(weekStartOf(calendar.asOf), week) / 7;
        bookings.push({
          id: "",
          adviserId: adviser.id,
          engagementId: spec.id,
          weekStart: week,
          units: placed,
          status: ahead * 2 > calendar.bookingWeeksAhead ? "TENTATIVE" : "CONFIRMED",
        });
      }

      // 4. A past week with no call-out: the reserve held back for rapid response was not needed,
      // and by the week's end the adviser spent it on current work. Delivered, never booked, so
      // confirmed bookings stay within bookable.
      const calledOut = [...slots.free.keys()].some((date) => rapidDays.has(date));
      if (past && !calledOut) {
        let spare = calendar.reserveUnitsPerAdviserWeek;
        for (const spec of queue) {
          const left = remaining.get(spec.id)!;
          const from = spec.path.kind === "WAITLIST_THEN_RUN" ? maxDate(spec.startDate, spec.path.acceptOn) : spec.startDate;
          const until = workUntil(spec);
          if (spare === 0) break;
          if (left <= 0 || from > addDays(week, 6) || until < week) continue;
          for (const [date, free] of [...slots.free].reverse()) {
            if (spare === 0 || date > calendar.asOf || date < from || date > until) continue;
            const units = Math.min(free, spare, remaining.get(spec.id)!);
            if (units === 0) continue;
            slots.free.set(date, free - units);
            spare -= units;
            remaining.set(spec.id, remaining.get(spec.id)! - units);
            deliveries.push(workDelivery(spec, adviser.id, date, units, calendar.asOf, prng));
          }
        }
      }
    }
  }

  for (const late of input.lateRecordings ?? []) {
    let index = -1;
    deliveries.forEach((d, i) => {
      if (d.engagementId === late.engagementId && d.date.startsWith(late.month) && (index < 0 || d.date >= deliveries[index]!.date))
        index = i;
    });
    if (index < 0) throw new Error(`no delivery of ${late.engagementId} in ${late.month} to record late`);
    deliveries[index] = { ...deliveries[index]!, recordedAt: instant(late.recordedOn, "09:15") };
  }

  deliveries.sort((a, b) =>
    a.recordedAt !== b.recordedAt
      ? a.recordedAt < b.recordedAt ? -1 : 1
      : a.adviserId !== b.adviserId
        ? a.adviserId < b.adviserId ? -1 : 1
        : a.engagementId < b.engagementId ? -1 : a.engagementId > b.engagementId ? 1 : 0,
  );
  bookings.sort((a, b) =>
    a.weekStart !== b.weekStart
      ? a.weekStart < b.weekStart ? -1 : 1
      : a.adviserId !== b.adviserId
        ? a.adviserId < b.adviserId ? -1 : 1
        : a.engagementId < b.engagementId ? -1 : 1,
  );
  const numberedBookings = bookings.map((b, i) => ({ ...b, id: `bkg-${String(i + 1).padStart(5, "0")}` }));

  const bookedAhead = new Set(numberedBookings.filter((b) => b.weekStart > calendar.asOf).map((b) => b.engagementId));
  const { engagements, transitions } = lifecycle(specs, deliveries, bookedAhead, calendar.asOf);
  return { engagements, transitions, deliveries, bookings: numberedBookings };
}

const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);

/** Most work is recorded the evening it is done; a few entries are typed up weeks later. */
function workDelivery(
  spec: EngagementSpec,
  adviserId: string,
  date: string,
  units: number,
  asOf: string,
  prng: Prng,
): PlannedDelivery {
  const late = prng.next() < 0.03;
  const lateOn = addDays(date, 7 * prng.int(2, 4));
  const recordedOn = late ? (lateOn > asOf ? date : lateOn) : date;
  return {
    engagementId: spec.id,
    adviserId,
    date,
    units,
    onSite: false,
    startedAt: null,
    recordedAt: instant(recordedOn, late ? "09:15" : "17:30"),
  };
}

function weekSlots(
  adviser: SeedAdviser,
  week: string,
  daysPerWeek: number,
  leaveDays: ReadonlySet<string>,
  arrangements: readonly SeedHostArrangement[],
  calendar: PlanCalendar,
): WeekSlots {
  const perDay = calendar.unitsPerDay;
  const free = new Map<string, number>();
  let nonHolidayWeekdays = 0;
  let leaveUnits = 0;
  for (let i = 0; i < 5; i += 1) {
    const date = addDays(week, i);
    if (calendar.bankHolidays.has(date)) continue;
    nonHolidayWeekdays += 1;
    if (date < adviser.employedFrom || date > adviser.employedTo) {
      leaveUnits += perDay;
      continue;
    }
    if (leaveDays.has(`${adviser.id}|${date}`)) {
      leaveUnits += perDay;
      continue;
    }
    if (isoWeekday(date) <= daysPerWeek) free.set(date, perDay);
  }
  // FTE x (weekdays that are not bank holidays) minus leave, as the domain defines it.
  const availableUnits = Math.max(
    0,
    Math.floor((adviser.fteBp * nonHolidayWeekdays * perDay) / 10000) - leaveUnits,
  );
  // Host commitments pro rata on short weeks, rounded up, and the rapid-response reserve: at
  // least what the domain deducts, so seeded confirmed bookings never overbook.
  let commitment = 0;
  for (const a of arrangements) {
    if (a.startDate <= addDays(week, 4) && a.endDate >= week)
      commitment += Math.ceil((a.commitmentUnitsPerWeek * nonHolidayWeekdays) / 5);
  }
  const bookableUnits = Math.max(0, availableUnits - commitment - calendar.reserveUnitsPerAdviserWeek);
  return { free, availableUnits, bookableUnits };
}

function lifecycle(
  specs: readonly EngagementSpec[],
  deliveries: readonly PlannedDelivery[],
  bookedAhead: ReadonlySet<string>,
  asOf: string,
): { engagements: PlannedEngagement[]; transitions: PlannedTransition[] } {
  const delivered = new Map<string, PlannedDelivery[]>();
  for (const d of deliveries) {
    if (d.date > asOf) continue;
    const list = delivered.get(d.engagementId) ?? [];
    list.push(d);
    delivered.set(d.engagementId, list);
  }
  const engagements: PlannedEngagement[] = [];
  const transitions: PlannedTransition[] = [];
  for (const spec of specs) {
    const t: PlannedTransition[] = [
      { engagementId: spec.id, from: null, to: "REQUESTED", by: spec.requestedBy, at: spec.requestedAt, reason: null },
    ];
    const push = (to: EngagementStatus, at: string, by: string, reason: string | null = null) =>
      t.push({ engagementId: spec.id, from: t[t.length - 1]!.to, to, by, at, reason });
    const requestedOn = spec.requestedAt.slice(0, 10);
    let earliestStartWeek: string | null = null;
    const path = spec.path;

    if (path.kind === "REQUESTED") {
      // Still with the board manager.
    } else if (path.kind === "DECLINED") {
      push("DECLINED", instant(path.declineOn, "11:00"), ADMIN_USER, spec.notes ?? null);
    } else if (path.kind === "WAITLISTED" || path.kind === "WAITLIST_THEN_WITHDRAW") {
      earliestStartWeek = path.earliestWeek;
      push("WAITLISTED", instant(addDays(requestedOn, 1), "10:00"), ADMIN_USER, `no capacity before the week of ${path.earliestWeek}`);
      if (path.kind === "WAITLIST_THEN_WITHDRAW")
        push("WITHDRAWN", instant(path.withdrawOn, "15:30"), spec.requestedBy, "found support elsewhere");
    } else {
      if (path.kind === "WAITLIST_THEN_RUN") {
        earliestStartWeek = weekStartOf(path.acceptOn);
        push("WAITLISTED", instant(addDays(requestedOn, 1), "10:00"), ADMIN_USER, `no capacity before the week of ${earliestStartWeek}`);
        push("ACCEPTED", instant(path.acceptOn, "09:30"), ADMIN_USER);
      } else if (spec.rapidResponse) {
        // Rapid response is accepted at once: the point is to be there within hours.
        const acceptedMs = Date.parse(spec.requestedAt) + 30 * 60_000;
        push("ACCEPTED", new Date(acceptedMs).toISOString().replace(".000Z", "Z"), ADMIN_USER);
      } else {
        const decidedOn = addDays(requestedOn, isoWeekday(requestedOn) >= 4 ? 4 : 2);
        // Work that starts at once (host support from day one) was agreed before it began.
        const firstRecorded = (delivered.get(spec.id) ?? []).reduce<string | null>(
          (min, d) => (min === null || d.recordedAt < min ? d.recordedAt : min),
          null,
        );
        const normal = instant(decidedOn, "10:00");
        const beforeWork = firstRecorded ? new Date(Date.parse(firstRecorded) - 3_600_000).toISOString().replace(".000Z", "Z") : normal;
        push("ACCEPTED", maxDate(spec.requestedAt, minDate(normal, beforeWork)), ADMIN_USER);
      }
      const work = delivered.get(spec.id) ?? [];
      if (work.length > 0) {
        const first = work.reduce((a, b) => (a.recordedAt <= b.recordedAt ? a : b));
        push("ACTIVE", first.recordedAt, adviserUser(first.adviserId), "first delivery recorded");
        const last = work.reduce((a, b) => (a.date >= b.date ? a : b));
        const deliveredUnits = work.reduce((sum, d) => sum + d.units, 0);
        if (path.kind === "RUN_THEN_CANCEL" && path.cancelOn <= asOf) {
          push("CANCELLED", instant(path.cancelOn, "12:00"), spec.requestedBy, spec.notes ?? null);
        } else if (deliveredUnits >= spec.estimateUnits || (spec.endDate < asOf && !bookedAhead.has(spec.id))) {
          const doneOn = addDays(last.date, 1);
          const lastRecorded = work.reduce((a, b) => (a.recordedAt >= b.recordedAt ? a : b)).recordedAt;
          const at = maxDate(instant(doneOn, "16:00"), lastRecorded);
          push("COMPLETED", at, spec.leadAdviserId ? adviserUser(spec.leadAdviserId) : ADMIN_USER);
        }
      }
    }
    transitions.push(...t);
    const final = t[t.length - 1]!;
    engagements.push({ spec, status: final.to, earliestStartWeek, updatedAt: final.at });
  }
  return { engagements, transitions };
}
