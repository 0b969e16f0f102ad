import {
  adviserWeek,
  allocateQuota,
  allocationLines,
  assessOutcome,
  type BenchmarkMeasure,
  buildBenchmark,
  commitmentDelivered,
  financialYearEndDate,
  financialYearStartDate,
  type OutcomeIndicator,
  type OutcomeMeasurement,
  parseRegionPolicy,
  type RegionPolicy,
  summariseOutcomes,
  summariseRapidResponse,
  valueForMoney,
  weekCapacity,
  addDays,
  demandAndCapacity,
} from "@adviser-hub/domain";
import type { Database } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";

// The test's own reading of the pilot: plain row loads (no aggregation in SQL) fed to the
// domain's pure functions. The gateway must give the same numbers from its SQL aggregates.

export async function loadPolicy(db: Kysely<Database>, region: string, year: number): Promise<RegionPolicy> {
  const rows = await db.selectFrom("region_policies").selectAll().where("region_code", "=", region).orderBy("from_year").execute();
  const row = rows.filter((r) => r.from_year <= year).pop() ?? rows[0]!;
  const parsed = parseRegionPolicy(row.policy);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

async function liveDeliveries(db: Kysely<Database>, region: string) {
  return db
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
    .innerJoin("organisations as o", (j) => j.onRef("o.region_code", "=", "e.region_code").onRef("o.id", "=", "e.organisation_id"))
    .select([
      "d.id",
      "d.adviser_id",
      "d.delivered_on",
      "d.recorded_seq",
      "d.units",
      "d.financial_year",
      "d.on_site",
      "d.started_at",
      "e.id as engagement_id",
      "e.strand",
      "e.agreed_rate_pence",
      "o.id as organisation_id",
      "o.home_authority_id",
    ])
    .where("d.region_code", "=", region)
    .where("d.removed_at", "is", null)
    .orderBy("d.delivered_on")
    .orderBy("d.recorded_seq")
    .execute();
}

/** The region's whole allocation, every year, by the domain. */
export async function domainAllocation(db: Kysely<Database>, region: string, policy: RegionPolicy) {
  const deliveries = await liveDeliveries(db, region);
  const organisations = await db.selectFrom("organisations").select(["id", "home_authority_id"]).where("region_code", "=", region).execute();
  const rates = await db.selectFrom("organisation_rates").selectAll().where("region_code", "=", region).execute();
  const input = {
    deliveries: deliveries.map((d) => ({
      id: d.id,
      date: d.delivered_on,
      recordedSeq: d.recorded_seq,
      units: d.units,
      organisationId: d.organisation_id,
      strand: d.strand,
      agreedDayRatePence: d.agreed_rate_pence,
    })),
    organisations: organisations.map((o) => ({ id: o.id, homeAuthorityId: o.home_authority_id })),
    negotiatedRates: rates.map((r) => ({ organisationId: r.organisation_id, year: r.financial_year, dayRatePence: r.day_rate_pence })),
  };
  const allocation = allocateQuota(policy, input);
  if (!allocation.ok) throw new Error(allocation.error.message);
  return { allocation: allocation.value, lines: allocationLines(input, allocation.value) };
}

/** Every figure of the funding report, computed by the domain from raw rows. */
export async function expectedFundingReport(db: Kysely<Database>, region: string, year: number) {
  const policy = await loadPolicy(db, region, year);
  const yearStart = financialYearStartDate(policy, year);
  const yearEnd = financialYearEndDate(policy, year);
  const from = Date.parse(`${yearStart}T00:00:00Z`);
  const before = Date.parse(`${financialYearStartDate(policy, year + 1)}T00:00:00Z`);
  const deliveries = (await liveDeliveries(db, region)).filter((d) => d.financial_year === year);
  const contributions = await db
    .selectFrom("funder_contributions")
    .selectAll()
    .where("region_code", "=", region)
    .where("financial_year", "=", year)
    .orderBy("funder_id")
    .execute();
  const programmeCostPence = contributions.reduce((sum, c) => sum + c.amount_pence, 0);
  const { allocation } = await domainAllocation(db, region, policy);
  const chargeIncomePence = allocation.holderYears.filter((h) => h.year === year).reduce((sum, h) => sum + h.chargePence, 0);
  const deliveredUnits = deliveries.reduce((sum, d) => sum + d.units, 0);
  const byStrand = new Map<string, number>();
  for (const d of deliveries) byStrand.set(d.strand, (byStrand.get(d.strand) ?? 0) + d.units);
  const authorities = await db.selectFrom("authorities").select("id").where("region_code", "=", region).execute();
  const served = [...new Set(deliveries.map((d) => d.home_authority_id).filter((a): a is string => a !== null))].sort();
  const vfm = valueForMoney(policy, {
    year,
    programmeCostPence,
    chargeIncomePence,
    deliveredUnits,
    servedAuthorityIds: served,
    authorityCount: authorities.length,
  });

  const engagements = await db.selectFrom("engagements").selectAll().where("region_code", "=", region).execute();
  const requested = engagements.filter((e) => e.requested_at.getTime() >= from && e.requested_at.getTime() < before);
  // A request's on-site deliveries may fall in the next financial year: look at all of them.
  const allLive = await liveDeliveries(db, region);
  const rapidCases = requested
    .filter((e) => e.strand === "RAPID_RESPONSE")
    .map((e) => {
      const onSite = allLive
        .filter((d) => d.engagement_id === e.id && d.on_site && d.started_at !== null)
        .map((d) => d.started_at!.getTime());
      return { engagementId: e.id, requestedAt: e.requested_at.getTime(), firstOnSiteAt: onSite.length ? Math.min(...onSite) : null };
    });
  const rapid = summariseRapidResponse(policy, rapidCases);

  const arrangements = await db
    .selectFrom("host_arrangements")
    .selectAll()
    .where("region_code", "=", region)
    .where("starts_on", "<=", yearEnd)
    .orderBy("id")
    .execute();
  const host = arrangements
    .filter((h) => h.ends_on === null || h.ends_on >= yearStart)
    .map((h) =>
      commitmentDelivered(
        policy,
        {
          regionCode: region,
          id: h.id,
          adviserId: h.adviser_id,
          authorityId: h.authority_id,
          startDate: h.starts_on,
          endDate: h.ends_on,
          salaryShareBp: h.salary_share_bp,
          commitmentUnitsPerWeek: h.commitment_units_per_week,
        },
        year,
        deliveries.map((d) => ({
          adviserId: d.adviser_id,
          date: d.delivered_on,
          units: d.units,
          strand: d.strand,
          organisationHomeAuthorityId: d.home_authority_id,
        })),
      ),
    );

  const outcomes = await db.selectFrom("outcomes").selectAll().where("region_code", "=", region).execute();
  const measurements = await db.selectFrom("outcome_measurements").selectAll().where("region_code", "=", region).execute();
  const scale = 1000;
  const results = outcomes
    .map((o) => {
      const indicator: OutcomeIndicator = {
        regionCode: region,
        id: o.id,
        engagementId: o.engagement_id,
        name: o.indicator,
        unit: o.unit,
        goodDirection: o.good_direction,
        decimals: 3,
        baseline: Math.round(Number(o.baseline_value) * scale),
        baselineOn: o.baseline_on ?? yearStart,
        target: o.target_value === null ? null : Math.round(Number(o.target_value) * scale),
        notes: null,
      };
      const upToYearEnd: OutcomeMeasurement[] = measurements
        .filter((m) => m.outcome_id === o.id && m.measured_on <= yearEnd)
        .map((m) => ({
          regionCode: region,
          id: `${m.outcome_id}:${m.measured_on}`,
          indicatorId: m.outcome_id,
          measuredOn: m.measured_on,
          value: Math.round(Number(m.value) * scale),
          recordedAt: 0,
          notes: null,
        }));
      return assessOutcome(indicator, upToYearEnd);
    })
    .filter((r) => r.latest !== null && r.latest.measuredOn >= yearStart);
  const outcomeSummary = summariseOutcomes(results);

  const transitions = await db.selectFrom("engagement_transitions").selectAll().where("region_code", "=", region).execute();
  const waitlisted = new Set(transitions.filter((t) => t.to_status === "WAITLISTED").map((t) => t.engagement_id));
  return {
    policy,
    programmeCostPence,
    contributions,
    chargeIncomePence,
    deliveredUnits,
    byStrand,
    vfm,
    rapid,
    host,
    outcomes: outcomeSummary,
    requestedUnits: requested.reduce((sum, e) => sum + e.estimate_units, 0),
    waitlistedUnits: requested.filter((e) => waitlisted.has(e.id)).reduce((sum, e) => sum + e.estimate_units, 0),
  };
}

/** Adviser weeks by the domain from raw leave, arrangements, bookings and rapid-response deliveries. */
export async function expectedCapacity(db: Kysely<Database>, region: string, firstWeek: string, weeks: number) {
  const policy = await loadPolicy(db, region, 9999);
  const advisers = await db.selectFrom("advisers").selectAll().where("region_code", "=", region).orderBy("id").execute();
  const leave = await db.selectFrom("adviser_leave").selectAll().where("region_code", "=", region).execute();
  const arrangements = await db.selectFrom("host_arrangements").selectAll().where("region_code", "=", region).execute();
  const bookings = await db
    .selectFrom("bookings as b")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "b.region_code").onRef("e.id", "=", "b.engagement_id"))
    .select(["b.adviser_id", "b.week_start", "b.units", "b.status", "e.strand"])
    .where("b.region_code", "=", region)
    .execute();
  const deliveries = await liveDeliveries(db, region);
  const result = [];
  for (const a of advisers) {
    for (let i = 0; i < weeks; i++) {
      const weekStart = addDays(firstWeek, 7 * i);
      const capacity = weekCapacity(policy, {
        adviser: { regionCode: region, id: a.id, name: a.name, fteBp: a.fte_bp, employmentStart: a.employed_from, employmentEnd: a.employed_to },
        weekStart,
        leave: leave
          .filter((l) => l.adviser_id === a.id)
          .map((l) => ({ regionCode: region, id: `${l.adviser_id}:${l.leave_on}`, adviserId: a.id, startDate: l.leave_on, endDate: l.leave_on, unitsPerDay: l.units })),
        arrangements: arrangements
          .filter((h) => h.adviser_id === a.id)
          .map((h) => ({
            regionCode: region,
            id: h.id,
            adviserId: a.id,
            authorityId: h.authority_id,
            startDate: h.starts_on,
            endDate: h.ends_on,
            salaryShareBp: h.salary_share_bp,
            commitmentUnitsPerWeek: h.commitment_units_per_week,
          })),
      });
      const weekBookings = bookings
        .filter((b) => b.adviser_id === a.id && b.week_start === weekStart)
        .map((b) => ({ units: b.units, status: b.status, strand: b.strand }));
      const weekEnd = addDays(weekStart, 6);
      const rapid = deliveries
        .filter((d) => d.adviser_id === a.id && d.strand === "RAPID_RESPONSE" && d.delivered_on >= weekStart && d.delivered_on <= weekEnd)
        .reduce((sum, d) => sum + d.units, 0);
      result.push(adviserWeek(policy, capacity, weekBookings, rapid));
    }
  }
  return { policy, weeks: result };
}

export async function expectedBenchmark(db: Kysely<Database>, region: string, year: number, measure: BenchmarkMeasure) {
  const populations = await db.selectFrom("benchmark_populations").selectAll().where("region_code", "=", region).where("year", "=", year).execute();
  const statistics = await db
    .selectFrom("benchmark_statistics")
    .selectAll()
    .where("region_code", "=", region)
    .where("year", "=", year)
    .where("measure", "=", measure)
    .execute();
  const inputs = statistics
    .map((s) => {
      const population = populations.find((p) => p.authority_id === s.authority_id)?.child_population;
      if (population === undefined) return null;
      return {
        authorityId: s.authority_id,
        population,
        count: s.suppressed ? ({ suppressed: true } as const) : ({ suppressed: false, value: Number(s.value) } as const),
      };
    })
    .filter((i) => i !== null)
    .sort((a, b) => (a.authorityId < b.authorityId ? -1 : 1));
  const result = buildBenchmark(measure, year, inputs);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Rule 14 by the domain from raw engagements, live deliveries and the oracle's adviser weeks. */
export async function expectedDemand(db: Kysely<Database>, region: string, firstWeek: string, weeks: number) {
  const engagements = await db.selectFrom("engagements").selectAll().where("region_code", "=", region).execute();
  const deliveries = await liveDeliveries(db, region);
  const capacity = await expectedCapacity(db, region, firstWeek, weeks);
  const horizon = Array.from({ length: weeks }, (_, i) => {
    const weekStart = addDays(firstWeek, 7 * i);
    return { weekStart, bookableUnits: capacity.weeks.filter((w) => w.weekStart === weekStart).reduce((sum, w) => sum + w.bookableUnits, 0) };
  });
  const figures = demandAndCapacity(
    engagements.map((e) => ({
      id: e.id,
      status: e.status,
      estimateUnits: e.estimate_units,
      deliveredUnits: deliveries.filter((d) => d.engagement_id === e.id).reduce((sum, d) => sum + d.units, 0),
    })),
    horizon,
  );
  return { weeks: horizon, figures };
}
