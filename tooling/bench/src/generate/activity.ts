import {
  type AllocationLine,
  type QuotaInput,
  type RegionPolicy,
  type Strand,
  allocateQuota,
  assessOutcome,
  allocationLines,
  parseRegionPolicy,
} from "@adviser-hub/domain";
import { addDays, financialQuarterOf, financialYearEnd, financialYearStart, isoWeekday, mondayOf } from "./calendar.js";
import type { Row, TableShape } from "./batch-loader.js";
import type { Prng } from "@adviser-hub/london-pilot";
import type { Organisation, RegionData } from "./reference-data.js";
import * as t from "./tables.js";

// One region's work in one financial year: engagements, their transitions, bookings,
// deliveries, outcomes, and the quarterly statements that charge for them. The domain's
// allocateQuota decides every delivery's free and chargeable units and charge (rules 3 to 5),
// which are stored on the delivery and billed in the statements, as the service would have.

export type Emit = (table: TableShape, row: Row) => void;

const STRAND_WEIGHTS = [
  ["PROJECT_SUPPORT", 40],
  ["RAPID_RESPONSE", 20],
  ["HOST_SUPPORT", 15],
  ["KNOWLEDGE_HUB", 10],
  ["STRATEGIC", 15],
] as const;

const THEMES = [
  "court-delay",
  "neglect",
  "child-sexual-exploitation",
  "serious-case-review",
  "early-help",
  "missing-children",
  "workforce",
  "inspection-readiness",
];

const INDICATORS = [
  ["Weeks of care proceedings", "weeks", "LOWER", 40, 70],
  ["Children entering care per quarter", "children", "LOWER", 10, 60],
  ["Assessments within timescale", "percent", "HIGHER", 40, 80],
] as const;

interface PlannedDelivery {
  readonly date: string;
  readonly units: number;
  readonly onSite: boolean;
  readonly startedAt: string | null;
}

interface Engagement {
  readonly id: string;
  readonly organisation: Organisation;
  readonly strand: string;
  readonly adviserId: string;
  readonly agreedRate: number | null;
  readonly requestedAt: string;
  readonly delivered: PlannedDelivery[];
  readonly future: PlannedDelivery[];
}

interface Delivery {
  readonly id: string;
  readonly engagement: Engagement;
  readonly plan: PlannedDelivery;
  seq: number;
}

export interface Counters {
  seq: number;
  engagements: number;
  bookings: number;
  outcomes: number;
}

const instant = (date: string, hour: number, minute = 0): string =>
  `${date}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00Z`;

const addHours = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

/** The next working day on or after a date. */
function workingDay(date: string, holidays: ReadonlySet<string>): string {
  let day = date;
  while (isoWeekday(day) > 5 || holidays.has(day)) day = addDays(day, 1);
  return day;
}

const policies = new WeakMap<object, RegionPolicy>();

/** The region's policy as the domain reads it (parsed once per region). */
function policyOf(region: RegionData): RegionPolicy {
  let policy = policies.get(region.policy);
  if (!policy) {
    const parsed = parseRegionPolicy(region.policy);
    if (!parsed.ok) throw new Error(`generated policy of ${region.spec.code} is invalid: ${parsed.error.message}`);
    policy = parsed.value;
    policies.set(region.policy, policy);
  }
  return policy;
}

/** The domain's allocation of one region-year's recorded deliveries, by delivery id. */
function allocate(region: RegionData, year: number, recorded: readonly Delivery[]): Map<string, AllocationLine> {
  const policy = policyOf(region);
  const input: QuotaInput = {
    deliveries: recorded.map((d) => ({
      id: d.id,
      date: d.plan.date,
      recordedSeq: d.seq,
      units: d.plan.units,
      organisationId: d.engagement.organisation.id,
      strand: d.engagement.strand as Strand,
      agreedDayRatePence: d.engagement.agreedRate,
    })),
    organisations: region.organisations.map((o) => ({ id: o.id, homeAuthorityId: o.homeAuthorityId })),
    negotiatedRates: region.organisations.flatMap((o) => {
      const rate = o.rates.get(year);
      return rate === undefined ? [] : [{ organisationId: o.id, year, dayRatePence: rate }];
    }),
  };
  const allocation = allocateQuota(policy, input);
  if (!allocation.ok) throw new Error(`allocation refused generated deliveries: ${allocation.error.message}`);
  return new Map(allocationLines(input, allocation.value).map((line) => [line.deliveryId, line]));
}

export function generateRegionYear(
  region: RegionData,
  year: number,
  deliveryTarget: number,
  today: string,
  prng: Prng,
  counters: Counters,
  emit: Emit,
): void {
  const code = region.spec.code;
  const yearStart = financialYearStart(year);
  const yearEnd = financialYearEnd(year);
  const hosted = region.advisers.map((adviser) => ({
    adviser,
    organisations: region.organisations.filter(
      (o) => o.homeAuthorityId === adviser.hostAuthorityId && (o.kind === "COUNCIL" || o.kind === "SAFEGUARDING_BOARD"),
    ),
  }));

  // Engagements and their planned work -------------------------------------------------------
  const engagements: Engagement[] = [];
  const unplanned: { id: string; organisation: Organisation; strand: string; adviserId: string; requestedAt: string; status: string }[] = [];
  let planned = 0;
  while (planned < deliveryTarget) {
    counters.engagements += 1;
    const id = `eng-${code}-${counters.engagements}`;
    const strand = prng.weighted(STRAND_WEIGHTS);
    let organisation: Organisation;
    let adviserId: string;
    if (strand === "HOST_SUPPORT") {
      const host = prng.pick(hosted);
      organisation = prng.pick(host.organisations);
      adviserId = host.adviser.id;
    } else {
      organisation = prng.chance(0.5)
        ? prng.pick(region.organisations.filter((o) => o.kind === "COUNCIL"))
        : prng.pick(region.organisations);
      adviserId = prng.pick(region.advisers).id;
    }
    const start = workingDay(addDays(yearStart, prng.int(0, 330)), region.bankHolidays);
    const requestedAt = instant(addDays(start, -prng.int(1, 21)), prng.int(8, 17), prng.int(0, 59));

    // A few requests never turn into work: declined, withdrawn, or still waiting.
    if (prng.chance(0.06)) {
      const status = start >= today ? prng.pick(["REQUESTED", "WAITLISTED"]) : prng.pick(["DECLINED", "WITHDRAWN"]);
      unplanned.push({ id, organisation, strand, adviserId, requestedAt, status });
      continue;
    }

    const count = strand === "RAPID_RESPONSE" ? prng.int(1, 4) : prng.int(3, 15);
    const delivered: PlannedDelivery[] = [];
    const future: PlannedDelivery[] = [];
    let date = start;
    let firstAt: string | null = null;
    for (let i = 0; i < count && date <= yearEnd; i++) {
      const units = strand === "RAPID_RESPONSE" ? prng.int(1, 2) : prng.int(1, 4);
      const onSite = i === 0 ? strand === "RAPID_RESPONSE" || prng.chance(0.5) : prng.chance(0.4);
      let startedAt: string | null = null;
      if (i === 0 && strand === "RAPID_RESPONSE") {
        startedAt = instant(date, prng.int(8, 16), prng.int(0, 59));
        firstAt = startedAt;
      }
      const plan = { date, units, onSite, startedAt };
      (date < today ? delivered : future).push(plan);
      date = workingDay(addDays(date, prng.int(1, 12)), region.bankHolidays);
    }
    // Rapid response is requested hours, not weeks, before the first visit (rule 10).
    const engagement: Engagement = {
      id,
      organisation,
      strand,
      adviserId,
      agreedRate: strand === "PROJECT_SUPPORT" && prng.chance(0.3) ? 60_000 : null,
      requestedAt: firstAt !== null ? addHours(firstAt, -prng.int(2, 96)) : requestedAt,
      delivered,
      future,
    };
    planned += delivered.length + future.length;
    engagements.push(engagement);
  }

  // Engagement rows and their lifecycle ---------------------------------------------------------
  for (const e of engagements) {
    const all = [...e.delivered, ...e.future];
    const estimate = all.reduce((sum, d) => sum + d.units, 0) + prng.int(0, 4);
    const cancelled = e.future.length === 0 && e.delivered.length > 2 && prng.chance(0.03);
    const status =
      e.delivered.length === 0 ? "ACCEPTED" : e.future.length > 0 ? "ACTIVE" : cancelled ? "CANCELLED" : "COMPLETED";
    const startsOn = all[0]!.date;
    const endsOn = all[all.length - 1]!.date;
    const acceptedAt = addHours(e.requestedAt, prng.int(1, 72));
    const lastChange =
      status === "ACCEPTED" ? acceptedAt : status === "ACTIVE" ? instant(e.delivered[0]!.date, 18) : instant(addDays(endsOn, 1), 9);
    emit(t.engagements, [
      code, e.id, e.organisation.id, e.strand, `${e.strand.toLowerCase().replace("_", " ")} for ${e.organisation.name}`,
      [prng.pick(THEMES), prng.pick(THEMES)].filter((v, i, list) => list.indexOf(v) === i),
      e.adviserId, e.agreedRate, estimate, status, e.requestedAt, startsOn, endsOn, null, lastChange,
    ]);
    const actor = e.adviserId;
    emit(t.engagementTransitions, [code, e.id, null, "REQUESTED", `org:${e.organisation.id}`, e.requestedAt]);
    emit(t.engagementTransitions, [code, e.id, "REQUESTED", "ACCEPTED", actor, acceptedAt]);
    if (e.delivered.length > 0) {
      emit(t.engagementTransitions, [code, e.id, "ACCEPTED", "ACTIVE", actor, instant(e.delivered[0]!.date, 18)]);
      if (status === "COMPLETED" || status === "CANCELLED") {
        emit(t.engagementTransitions, [code, e.id, "ACTIVE", status, actor, lastChange]);
      }
    }
  }
  for (const u of unplanned) {
    const estimate = prng.int(2, 20);
    emit(t.engagements, [
      code, u.id, u.organisation.id, u.strand, `${u.strand.toLowerCase().replace("_", " ")} for ${u.organisation.name}`,
      [prng.pick(THEMES)], u.adviserId, null, estimate, u.status, u.requestedAt, null, null,
      u.status === "WAITLISTED" ? mondayOf(addDays(today, 7 * prng.int(2, 10))) : null, u.requestedAt,
    ]);
    emit(t.engagementTransitions, [code, u.id, null, "REQUESTED", `org:${u.organisation.id}`, u.requestedAt]);
    if (u.status !== "REQUESTED") {
      emit(t.engagementTransitions, [code, u.id, "REQUESTED", u.status, u.adviserId, addHours(u.requestedAt, prng.int(1, 72))]);
    }
  }

  // Bookings: the weeks the work was (or is) planned in -----------------------------------------
  for (const e of engagements) {
    const weeks = new Map<string, { units: number; future: boolean }>();
    for (const d of e.delivered) {
      const week = mondayOf(d.date);
      const entry = weeks.get(week) ?? { units: 0, future: false };
      entry.units += d.units;
      weeks.set(week, entry);
    }
    for (const d of e.future) {
      const week = mondayOf(d.date);
      const entry = weeks.get(week) ?? { units: 0, future: true };
      entry.units += d.units;
      weeks.set(week, entry);
    }
    for (const [week, entry] of weeks) {
      counters.bookings += 1;
      const status = entry.future && prng.chance(0.3) ? "TENTATIVE" : "CONFIRMED";
      const created = addHours(e.requestedAt, prng.int(24, 240));
      emit(t.bookings, [code, `bkg-${code}-${counters.bookings}`, e.adviserId, e.id, week, entry.units, status, created, created]);
    }
  }

  // Deliveries, recorded in date order ----------------------------------------------------------
  const deliveries: { engagement: Engagement; plan: PlannedDelivery; tie: number }[] = [];
  for (const e of engagements) for (const plan of e.delivered) deliveries.push({ engagement: e, plan, tie: prng.nextUint32() });
  deliveries.sort((a, b) => (a.plan.date < b.plan.date ? -1 : a.plan.date > b.plan.date ? 1 : a.tie - b.tie));
  const recorded: Delivery[] = [];
  for (const d of deliveries) {
    counters.seq += 1;
    recorded.push({ id: `dlv-${counters.seq}`, engagement: d.engagement, plan: d.plan, seq: counters.seq });
  }
  const allocation = allocate(region, year, recorded);
  for (const delivery of recorded) {
    const line = allocation.get(delivery.id)!;
    const recordedAt = instant(delivery.plan.date, 17, prng.int(0, 59));
    emit(t.deliveries, [
      code, delivery.id, delivery.engagement.adviserId, delivery.engagement.id, delivery.plan.date, delivery.plan.units,
      delivery.plan.onSite, delivery.plan.startedAt, delivery.seq, recordedAt, year, recordedAt,
      line.holderId, line.quotaUnits, line.freeUnits, line.chargeableUnits, line.dayRatePence, line.chargePence,
    ]);
  }

  // Statements: each charged strand's deliveries of a finished quarter, as allocated -----------
  const policy = policyOf(region);
  const byStatement = new Map<string, { organisation: Organisation; start: string; end: string; lines: Row[]; total: number }>();
  for (const d of recorded) {
    if (!policy.strands[d.engagement.strand as Strand].chargedAfterQuota) continue;
    const organisation = d.engagement.organisation;
    const line = allocation.get(d.id)!;
    const [start, end] = financialQuarterOf(d.plan.date);
    if (end >= today) continue;
    const key = `${organisation.id}/${start}`;
    let statement = byStatement.get(key);
    if (statement === undefined) {
      statement = { organisation, start, end, lines: [], total: 0 };
      byStatement.set(key, statement);
    }
    statement.total += line.chargePence;
    statement.lines.push([
      code, `stm-${organisation.id}-${start}`, statement.lines.length + 1, "CHARGE", d.engagement.id, d.id,
      `Project support on ${d.plan.date}`, d.plan.date, d.plan.units, line.freeUnits, line.chargeableUnits,
      line.dayRatePence, line.chargePence,
    ]);
  }
  for (const statement of byStatement.values()) {
    const issuedAt = instant(addDays(statement.end, 5), 10);
    emit(t.statements, [
      code, `stm-${statement.organisation.id}-${statement.start}`, statement.organisation.id, statement.start,
      statement.end, issuedAt, statement.total, issuedAt,
    ]);
    for (const line of statement.lines) emit(t.statementLines, line);
  }

  // Outcomes on some project and strategic work ---------------------------------------------------
  for (const e of engagements) {
    if ((e.strand !== "PROJECT_SUPPORT" && e.strand !== "STRATEGIC") || e.delivered.length === 0 || !prng.chance(0.2)) continue;
    counters.outcomes += 1;
    const id = `out-${code}-${counters.outcomes}`;
    const [indicator, unit, direction, low, high] = prng.pick(INDICATORS);
    const baseline = prng.int(low, high);
    const target = direction === "LOWER" ? Math.max(0, baseline - prng.int(5, 15)) : baseline + prng.int(5, 15);
    const baselineOn = e.delivered[0]!.date;
    emit(t.outcomes, [code, id, e.id, indicator, unit, direction, baseline, baselineOn, target]);
    const measurements = prng.int(1, 3);
    for (let i = 1; i <= measurements; i++) {
      const measuredOn = addDays(baselineOn, 91 * i);
      if (measuredOn >= today) break;
      const value = Math.max(0, baseline + prng.int(-12, 8));
      // Rule 11 as of this measurement, decided by the domain as the write path does.
      const { assessment } = assessOutcome(
        { regionCode: code, id, engagementId: e.id, name: indicator, unit, goodDirection: direction, decimals: 0, baseline, baselineOn, target, notes: null },
        [{ regionCode: code, id: `${id}/${measuredOn}`, indicatorId: id, measuredOn, value, recordedAt: 0, notes: null }],
      );
      emit(t.outcomeMeasurements, [code, id, measuredOn, value, assessment]);
    }
  }
}
