import { type OutcomeResult, addDays, assessOutcome } from "@adviser-hub/domain";
import { analyzeTables, type Database } from "@adviser-hub/persistence";
import { allocateUnallocated } from "@adviser-hub/service";
import { type Kysely, type Transaction, sql } from "kysely";
import { londonAuthorities } from "../london-authorities.js";
import { seedHostArrangements } from "./advisers.js";
import { BENCHMARK_SOURCE } from "./benchmarks.js";
import { LONDON, SEED_AS_OF, londonPilotData, seedAdvisers, seedContributions, seedFunders, seedOrganisations } from "./london-pilot-data.js";
import { knowledgeRows } from "./knowledge.js";
import { seedOutcomes } from "./outcomes.js";
import { deliveryId, seedStatements } from "./seed-statements.js";

// Writes the London pilot in one transaction. Every row has a fixed id and goes in with
// ON CONFLICT DO NOTHING (or is skipped when already there), so a second run changes nothing,
// and a run that fails half way leaves nothing behind. An advisory lock keeps two seeders
// (first start of the gateway and `pnpm db:seed`) from interleaving.

export interface SeedSummary {
  readonly regionCode: string;
  /** True when this run inserted anything (false on a re-run over a complete seed). */
  readonly inserted: boolean;
  readonly authorities: number;
  readonly organisations: number;
  readonly advisers: number;
  readonly hostArrangements: number;
  readonly funders: number;
  readonly engagements: number;
  readonly engagementsByStatus: Readonly<Record<string, number>>;
  readonly bookings: number;
  readonly deliveries: number;
  readonly deliveriesByYear: Readonly<Record<string, number>>;
  readonly outcomes: number;
  readonly measurements: number;
  readonly benchmarkStatistics: number;
  readonly suppressedStatistics: number;
  readonly statisticalNeighbours: number;
  readonly statements: number;
  readonly adjustments: number;
  /** Quota holders past their free days, per financial year. */
  readonly holdersPastFreeDays: Readonly<Record<string, number>>;
}

const CHUNK = 250;

/** A measurement's stored rule 11 facts: its assessment and whether it reaches the target. */
function assessedAsStored(result: OutcomeResult) {
  // One measurement of its own indicator is always assessed.
  return { assessment: result.assessment!, target_met: result.targetMet };
}

async function insertAll<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const result = await trx
      .insertInto(table)
      // The rows are built from the schema's column names below; Kysely's per-table typing
      // cannot follow a generic table name, so the values go through unchecked here.
      .values(chunk as never)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

export async function seedLondonPilot(db: Kysely<Database>): Promise<SeedSummary> {
  const data = londonPilotData();
  const { policy, plan } = data;
  const region = LONDON;

  const insertedRows = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('seed'), hashtext(${region}))`.execute(trx);
    let n = 0;
    n += await insertAll(trx, "regions", [{ region_code: region, name: policy.name, created_at: "2010-04-01T00:00:00Z" }]);
    const policyJson = JSON.parse(JSON.stringify(policy)) as Record<string, unknown>;
    n += await insertAll(
      trx,
      "region_policies",
      [2010, 2011].map((year) => ({
        region_code: region,
        from_year: year,
        policy: JSON.stringify(policyJson),
        created_at: "2010-04-01T00:00:00Z",
      })),
    );
    n += await insertAll(
      trx,
      "authorities",
      londonAuthorities.map((a) => ({
        region_code: region,
        id: a.gssCode,
        name: a.name,
        dfe_la_code: a.dfeLaCode,
        inner_outer: a.innerOuter,
        subregion: a.subregion,
      })),
    );
    n += await insertAll(
      trx,
      "organisations",
      seedOrganisations.map((o) => ({
        region_code: region,
        id: o.id,
        name: o.name,
        kind: o.kind,
        home_authority_id: o.authorityCode,
      })),
    );
    n += await insertAll(
      trx,
      "organisation_rates",
      data.rates.map((r) => ({
        region_code: region,
        organisation_id: r.organisationId,
        financial_year: r.financialYear,
        day_rate_pence: r.dayRatePence,
      })),
    );
    n += await insertAll(
      trx,
      "advisers",
      seedAdvisers.map((a) => ({
        region_code: region,
        id: a.id,
        name: a.name,
        fte_bp: a.fteBp,
        employed_from: a.employedFrom,
        employed_to: a.employedTo,
      })),
    );
    n += await insertAll(
      trx,
      "adviser_leave",
      data.leaveDays.map((l) => ({
        region_code: region,
        adviser_id: l.adviserId,
        leave_on: l.leaveOn,
        units: l.units,
        reason: "annual leave",
      })),
    );
    n += await insertAll(
      trx,
      "host_arrangements",
      seedHostArrangements.map((h) => ({
        region_code: region,
        id: h.id,
        adviser_id: h.adviserId,
        authority_id: h.authorityCode,
        starts_on: h.startDate,
        ends_on: h.endDate,
        salary_share_bp: h.salaryShareBp,
        commitment_units_per_week: h.commitmentUnitsPerWeek,
      })),
    );
    n += await insertAll(trx, "funders", seedFunders.map((f) => ({ region_code: region, id: f.id, name: f.name })));
    n += await insertAll(
      trx,
      "funder_contributions",
      seedContributions.map((c) => ({
        region_code: region,
        funder_id: c.funderId,
        financial_year: c.financialYear,
        amount_pence: c.amountPence,
      })),
    );

    // Engagements: transitions have generated ids, so they go in only for engagements this run
    // created; a re-run finds every engagement present and adds no transition twice.
    // Work that overran its plan stretches the engagement to its last delivery or booked week.
    const lastDelivery = new Map<string, string>();
    const stretch = (engagementId: string, date: string) => {
      const seen = lastDelivery.get(engagementId);
      if (!seen || date > seen) lastDelivery.set(engagementId, date);
    };
    for (const d of plan.deliveries) stretch(d.engagementId, d.date);
    for (const b of plan.bookings) stretch(b.engagementId, addDays(b.weekStart, 4));
    const engagementRows = plan.engagements.map((e) => {
      const last = lastDelivery.get(e.spec.id);
      return {
        region_code: region,
        id: e.spec.id,
        organisation_id: e.spec.organisationId,
        strand: e.spec.strand,
        title: e.spec.title,
        themes: [...e.spec.themes],
        lead_adviser_id: e.spec.leadAdviserId,
        agreed_rate_pence: e.spec.agreedRatePence,
        estimate_units: e.spec.estimateUnits,
        status: e.status,
        requested_at: e.spec.requestedAt,
        starts_on: e.spec.startDate,
        ends_on: last && last > e.spec.endDate ? last : e.spec.endDate,
        earliest_start_week: e.earliestStartWeek,
        notes: e.spec.notes ?? null,
        version: 1,
        updated_at: e.updatedAt,
      };
    });
    const existing = new Set(
      (await trx.selectFrom("engagements").select("id").where("region_code", "=", region).execute()).map((r) => r.id),
    );
    const newEngagements = engagementRows.filter((r) => !existing.has(r.id));
    n += await insertAll(trx, "engagements", newEngagements);
    const created = new Set(newEngagements.map((r) => r.id));
    const transitions = plan.transitions
      .filter((t) => created.has(t.engagementId))
      .map((t) => ({
        region_code: region,
        engagement_id: t.engagementId,
        from_status: t.from,
        to_status: t.to,
        by_actor: t.by,
        at: t.at,
        reason: t.reason,
      }));
    for (let i = 0; i < transitions.length; i += CHUNK) {
      await trx.insertInto("engagement_transitions").values(transitions.slice(i, i + CHUNK)).execute();
      n += transitions.slice(i, i + CHUNK).length;
    }

    n += await insertAll(
      trx,
      "bookings",
      plan.bookings.map((b) => ({
        region_code: region,
        id: b.id,
        adviser_id: b.adviserId,
        engagement_id: b.engagementId,
        week_start: b.weekStart,
        units: b.units,
        status: b.status,
        created_at: `${b.weekStart}T08:00:00Z`,
        updated_at: `${b.weekStart}T08:00:00Z`,
      })),
    );

    // Deliveries take recorded_seq from the sequence in the order they were recorded: the
    // numbers are drawn first, sorted, and handed out in plan order. Rows already present are
    // skipped before drawing, so a re-run draws no sequence numbers.
    const existingDeliveries = new Set(
      (
        await trx
          .selectFrom("deliveries")
          .select("id")
          .where("region_code", "=", region)
          .where("id", "like", "dlv-%")
          .execute()
      ).map((r) => r.id),
    );
    const missing = plan.deliveries
      .map((d, i) => ({ d, i }))
      .filter(({ i }) => !existingDeliveries.has(deliveryId(i)));
    if (missing.length > 0) {
      const drawn = await sql<{ seq: number }>`
        select nextval('deliveries_recorded_seq') as seq from generate_series(1, ${missing.length})`.execute(trx);
      const seqs = drawn.rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
      const deliveryRows = missing.map(({ d, i }, k) => ({
        region_code: region,
        id: deliveryId(i),
        adviser_id: d.adviserId,
        engagement_id: d.engagementId,
        delivered_on: d.date,
        units: d.units,
        on_site: d.onSite,
        started_at: d.startedAt,
        recorded_seq: seqs[k]!,
        recorded_at: d.recordedAt,
        financial_year: data.deliveryYears[i]!,
        notes: null,
        version: 1,
        updated_at: d.recordedAt,
      }));
      n += await insertAll(trx, "deliveries", deliveryRows);
    }

    n += await insertAll(
      trx,
      "outcomes",
      seedOutcomes.map((o) => ({
        region_code: region,
        id: o.id,
        engagement_id: o.engagementId,
        indicator: o.indicator,
        unit: o.unit,
        good_direction: o.goodDirection,
        baseline_value: o.baselineValue,
        baseline_on: o.baselineOn,
        target_value: o.targetValue,
      })),
    );
    n += await insertAll(
      trx,
      "outcome_measurements",
      seedOutcomes.flatMap((o) =>
        o.measurements.map((m) => ({
          region_code: region,
          outcome_id: o.id,
          measured_on: m.measuredOn,
          value: m.value,
          note: m.note,
          // Rule 11 as of this measurement, decided by the domain as the write path does.
          ...assessedAsStored(assessOutcome(
            {
              regionCode: region,
              id: o.id,
              engagementId: o.engagementId,
              name: o.indicator,
              unit: o.unit,
              goodDirection: o.goodDirection,
              decimals: 0,
              baseline: o.baselineValue,
              baselineOn: o.baselineOn,
              target: o.targetValue,
              notes: null,
            },
            [{ regionCode: region, id: m.measuredOn, indicatorId: o.id, measuredOn: m.measuredOn, value: m.value, recordedAt: 0, notes: null }],
          )),
        })),
      ),
    );
    n += await insertAll(
      trx,
      "benchmark_populations",
      data.benchmarks.populations.map((p) => ({
        region_code: region,
        authority_id: p.authorityId,
        year: p.year,
        child_population: p.childPopulation,
        source: BENCHMARK_SOURCE,
      })),
    );
    n += await insertAll(
      trx,
      "benchmark_statistics",
      data.benchmarks.statistics.map((s) => ({
        region_code: region,
        authority_id: s.authorityId,
        year: s.year,
        measure: s.measure,
        value: s.value,
        suppressed: s.suppressed,
        symbol: s.suppressed ? "SUPPRESSED" : null,
        source: BENCHMARK_SOURCE,
      })),
    );
    n += await insertAll(
      trx,
      "statistical_neighbours",
      data.benchmarks.neighbours.map((s) => ({
        region_code: region,
        authority_id: s.authorityId,
        neighbour_id: s.neighbourId,
        rank: s.rank,
      })),
    );

    // The knowledge hub, in the order its foreign keys need.
    const knowledge = knowledgeRows(region);
    for (const table of Object.keys(knowledge) as (keyof typeof knowledge)[]) n += await insertAll(trx, table, knowledge[table]);

    n += await seedStatements(trx, region, data);
    if (n > 0) {
      // The load is a write like any other and leaves its audit row; its time is the seed's
      // "today", not the clock, so every run of the seed writes the same row.
      await trx
        .insertInto("audit_log")
        .values({
          region_code: region,
          actor: "seed",
          action: "seedLondonPilot",
          entity: "region",
          entity_id: region,
          before: null,
          after: { rows: n, asOf: SEED_AS_OF },
          at: `${SEED_AS_OF}T18:00:00Z`,
        })
        .execute();
    }
    return n;
  });
  // The seed writes deliveries in bulk: the domain allocates them and the result is stored.
  await allocateUnallocated(db);
  // Thousands of new rows: without fresh statistics the first reports plan for empty tables.
  if (insertedRows > 0) await analyzeTables(db);

  return summarise(db, region, insertedRows > 0);
}

async function summarise(db: Kysely<Database>, region: string, inserted: boolean): Promise<SeedSummary> {
  const count = async (table: keyof Database): Promise<number> => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("region_code", "=", region)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const byStatus = await db
    .selectFrom("engagements")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("region_code", "=", region)
    .groupBy("status")
    .orderBy("status")
    .execute();
  const byYear = await db
    .selectFrom("deliveries")
    .select(["financial_year", (eb) => eb.fn.countAll<number>().as("n")])
    .where("region_code", "=", region)
    .where("removed_at", "is", null)
    .groupBy("financial_year")
    .orderBy("financial_year")
    .execute();
  const suppressed = await db
    .selectFrom("benchmark_statistics")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("region_code", "=", region)
    .where("suppressed", "=", true)
    .executeTakeFirstOrThrow();
  const past = await holdersPastFreeDays(db, region);
  return {
    regionCode: region,
    inserted,
    authorities: await count("authorities"),
    organisations: await count("organisations"),
    advisers: await count("advisers"),
    hostArrangements: await count("host_arrangements"),
    funders: await count("funders"),
    engagements: await count("engagements"),
    engagementsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
    bookings: await count("bookings"),
    deliveries: await count("deliveries"),
    deliveriesByYear: Object.fromEntries(byYear.map((r) => [String(r.financial_year), Number(r.n)])),
    outcomes: await count("outcomes"),
    measurements: await count("outcome_measurements"),
    benchmarkStatistics: await count("benchmark_statistics"),
    suppressedStatistics: Number(suppressed.n),
    statisticalNeighbours: await count("statistical_neighbours"),
    statements: await count("statements"),
    adjustments: await count("adjustments"),
    holdersPastFreeDays: past,
  };
}

/**
 * Quota holders whose quota-consuming units in a year exceed the policy's allowance: one SQL
 * aggregate over the London policy's quota strands and area pooling, grouped in PostgreSQL.
 */
async function holdersPastFreeDays(db: Kysely<Database>, region: string): Promise<Record<string, number>> {
  const { policy } = londonPilotData();
  const quotaStrands = Object.entries(policy.strands)
    .filter(([, s]) => s.consumesQuota)
    .map(([name]) => name);
  const rows = await db
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
    .innerJoin("organisations as o", (j) =>
      j.onRef("o.region_code", "=", "e.region_code").onRef("o.id", "=", "e.organisation_id"),
    )
    .select([
      "d.financial_year",
      sql<string>`coalesce(o.home_authority_id, o.id)`.as("holder"),
      (eb) => eb.fn.sum<number>("d.units").as("units"),
    ])
    .where("d.region_code", "=", region)
    .where("d.removed_at", "is", null)
    .where("e.strand", "in", quotaStrands as never[])
    .groupBy(["d.financial_year", sql`coalesce(o.home_authority_id, o.id)`])
    .having((eb) => eb.fn.sum("d.units"), ">", policy.freeDaysPerYear.defaultUnits)
    .execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[String(r.financial_year)] = (out[String(r.financial_year)] ?? 0) + 1;
  return out;
}
