import {
  type Adviser,
  type CapacityBooking,
  type Engagement,
  type HostArrangement,
  type Organisation,
  type RegionPolicy,
  type Statement,
  type StatementInput,
  type WeekCapacity,
  addDays,
  allocateQuota,
  allocationLines,
  billingPeriodOf,
  parseRegionPolicy,
  quotaHolderOf,
  weekCapacity,
} from "@adviser-hub/domain";
import type { Database, EngagementRow } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";

// The seed test's own reading of the seeded pilot: plain row loads mapped to the domain's
// shapes, with no code of the write path, so the seed is checked against the domain's rules
// and not against the commands that wrote beside it.

type Db = Kysely<Database>;

/** The region's latest policy version, validated by the domain. */
export async function readPolicy(db: Db, region: string): Promise<RegionPolicy> {
  const rows = await db.selectFrom("region_policies").select("policy").where("region_code", "=", region).orderBy("from_year").execute();
  const row = rows.at(-1);
  if (!row) throw new Error(`no policy for ${region}`);
  const parsed = parseRegionPolicy(row.policy);
  if (!parsed.ok) throw new Error(`stored policy refused: ${parsed.error.field} ${parsed.error.message}`);
  return parsed.value;
}

export async function readAdvisers(db: Db, region: string): Promise<Adviser[]> {
  const rows = await db.selectFrom("advisers").selectAll().where("region_code", "=", region).orderBy("id").execute();
  return rows.map((r) => ({
    regionCode: r.region_code,
    id: r.id,
    name: r.name,
    fteBp: r.fte_bp,
    employmentStart: r.employed_from,
    employmentEnd: r.employed_to,
  }));
}

export async function readArrangements(db: Db, region: string): Promise<HostArrangement[]> {
  const rows = await db.selectFrom("host_arrangements").selectAll().where("region_code", "=", region).orderBy("id").execute();
  return rows.map((r) => ({
    regionCode: r.region_code,
    id: r.id,
    adviserId: r.adviser_id,
    authorityId: r.authority_id,
    startDate: r.starts_on,
    endDate: r.ends_on,
    salaryShareBp: r.salary_share_bp,
    commitmentUnitsPerWeek: r.commitment_units_per_week,
  }));
}

export async function readOrganisation(db: Db, region: string, id: string): Promise<Organisation> {
  const r = await db.selectFrom("organisations").selectAll().where("region_code", "=", region).where("id", "=", id).executeTakeFirstOrThrow();
  return { regionCode: r.region_code, id: r.id, name: r.name, kind: r.kind as Organisation["kind"], homeAuthorityId: r.home_authority_id };
}

/** What the domain's delivery checks read of an engagement; no start date means from the request. */
export function engagementOfRow(row: EngagementRow): Pick<Engagement, "id" | "status" | "startDate" | "endDate" | "strand"> {
  return {
    id: row.id,
    status: row.status,
    startDate: row.starts_on ?? row.requested_at.toISOString().slice(0, 10),
    endDate: row.ends_on,
    strand: row.strand,
  };
}

export interface SeededWeek {
  readonly capacity: WeekCapacity;
  readonly bookings: readonly CapacityBooking[];
}

/** Each adviser's capacity, by the domain, and bookings in `weeks` weeks from the Monday `fromWeek`. */
export async function readAdviserWeeks(
  db: Db,
  policy: RegionPolicy,
  region: string,
  advisers: readonly Adviser[],
  fromWeek: string,
  weeks: number,
): Promise<SeededWeek[]> {
  const lastDay = addDays(fromWeek, 7 * weeks - 1);
  const leaveRows = await db
    .selectFrom("adviser_leave")
    .selectAll()
    .where("region_code", "=", region)
    .where("leave_on", ">=", fromWeek)
    .where("leave_on", "<=", lastDay)
    .execute();
  const arrangements = await readArrangements(db, region);
  const bookings = await db
    .selectFrom("bookings as b")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "b.region_code").onRef("e.id", "=", "b.engagement_id"))
    .select(["b.adviser_id", "b.week_start", "b.units", "b.status", "e.strand"])
    .where("b.region_code", "=", region)
    .where("b.week_start", ">=", fromWeek)
    .where("b.week_start", "<=", lastDay)
    .execute();
  const out: SeededWeek[] = [];
  for (let w = 0; w < weeks; w += 1) {
    const weekStart = addDays(fromWeek, 7 * w);
    for (const adviser of advisers) {
      const leave = leaveRows
        .filter((l) => l.adviser_id === adviser.id)
        .map((l) => ({
          regionCode: l.region_code,
          id: `${l.adviser_id}/${l.leave_on}`,
          adviserId: l.adviser_id,
          startDate: l.leave_on,
          endDate: l.leave_on,
          unitsPerDay: l.units,
        }));
      const capacity = weekCapacity(policy, {
        adviser,
        weekStart,
        leave,
        arrangements: arrangements.filter((a) => a.adviserId === adviser.id),
      });
      const own = bookings
        .filter((b) => b.adviser_id === adviser.id && b.week_start === weekStart)
        .map((b) => ({ units: b.units, status: b.status, strand: b.strand }));
      out.push({ capacity, bookings: own });
    }
  }
  return out;
}

/** The organisation's charge lines, allocated by the domain over its quota holder, and its issued statements. */
export async function readStatementInput(
  db: Db,
  policy: RegionPolicy,
  region: string,
  organisation: Organisation,
): Promise<Omit<StatementInput, "period">> {
  const holderId = quotaHolderOf(policy, organisation);
  const organisationRows = await db.selectFrom("organisations").select(["id", "home_authority_id"]).where("region_code", "=", region).execute();
  const organisations = organisationRows
    .map((o) => ({ id: o.id, homeAuthorityId: o.home_authority_id }))
    .filter((o) => quotaHolderOf(policy, o) === holderId);
  const ids = organisations.map((o) => o.id);
  const deliveries = await db
    .selectFrom("deliveries as d")
    .innerJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "d.region_code").onRef("e.id", "=", "d.engagement_id"))
    .select(["d.id", "d.delivered_on", "d.recorded_seq", "d.units", "e.organisation_id", "e.strand", "e.agreed_rate_pence"])
    .where("d.region_code", "=", region)
    .where("e.organisation_id", "in", ids)
    .where("d.removed_at", "is", null)
    .orderBy("d.delivered_on")
    .orderBy("d.recorded_seq")
    .execute();
  const rates = await db.selectFrom("organisation_rates").selectAll().where("region_code", "=", region).where("organisation_id", "in", ids).execute();
  const quota = {
    deliveries: deliveries.map((d) => ({
      id: d.id,
      date: d.delivered_on,
      recordedSeq: d.recorded_seq,
      units: d.units,
      organisationId: d.organisation_id,
      strand: d.strand,
      agreedDayRatePence: d.agreed_rate_pence,
    })),
    organisations,
    negotiatedRates: rates.map((r) => ({ organisationId: r.organisation_id, year: r.financial_year, dayRatePence: r.day_rate_pence })),
  };
  const allocation = allocateQuota(policy, quota);
  if (!allocation.ok) throw new Error(`allocation refused the seeded deliveries: ${allocation.error.message}`);
  const lines = allocationLines(quota, allocation.value, new Set([organisation.id]));
  return { organisationId: organisation.id, lines, issued: await readIssuedStatements(db, policy, region, organisation.id) };
}

async function readIssuedStatements(db: Db, policy: RegionPolicy, region: string, organisationId: string): Promise<Statement[]> {
  const statements = await db
    .selectFrom("statements")
    .selectAll()
    .where("region_code", "=", region)
    .where("organisation_id", "=", organisationId)
    .where("issued_at", "is not", null)
    .orderBy("period_start")
    .execute();
  if (statements.length === 0) return [];
  const ids = statements.map((s) => s.id);
  const lines = await db
    .selectFrom("statement_lines as l")
    .leftJoin("engagements as e", (j) => j.onRef("e.region_code", "=", "l.region_code").onRef("e.id", "=", "l.engagement_id"))
    .select(["l.statement_id", "l.delivery_id", "l.delivered_on", "l.units", "l.free_units", "l.charged_units", "l.rate_pence", "l.amount_pence", "e.strand"])
    .where("l.region_code", "=", region)
    .where("l.statement_id", "in", ids)
    .where("l.kind", "=", "CHARGE")
    .orderBy("l.statement_id")
    .orderBy("l.line_no")
    .execute();
  const adjustments = await db
    .selectFrom("adjustments")
    .selectAll()
    .where("region_code", "=", region)
    .where("applied_statement_id", "in", ids)
    .orderBy("period_start")
    .orderBy("id")
    .execute();
  return statements.map((s) => {
    const own = lines
      .filter((l) => l.statement_id === s.id)
      .map((l) => ({
        deliveryId: l.delivery_id ?? "",
        date: l.delivered_on ?? s.period_start,
        strand: l.strand ?? "PROJECT_SUPPORT",
        units: l.units,
        freeUnits: l.free_units,
        chargeableUnits: l.charged_units,
        dayRatePence: l.rate_pence,
        chargePence: l.amount_pence,
      }));
    const carried = adjustments
      .filter((a) => a.applied_statement_id === s.id)
      .map((a) => {
        const period = billingPeriodOf(policy, a.period_start ?? s.period_start);
        return {
          periodKey: period.key,
          periodStart: a.period_start ?? s.period_start,
          periodEnd: a.period_end ?? period.end,
          billedPence: a.billed_pence ?? 0,
          recomputedPence: a.recomputed_pence ?? a.amount_pence,
          amountPence: a.amount_pence,
        };
      });
    return {
      regionCode: region,
      organisationId,
      period: { ...billingPeriodOf(policy, s.period_start), start: s.period_start, end: s.period_end },
      lines: own,
      adjustments: carried,
      chargesPence: own.reduce((sum, l) => sum + l.chargePence, 0),
      adjustmentsPence: carried.reduce((sum, a) => sum + a.amountPence, 0),
      totalPence: s.total_pence,
      id: s.id,
      issuedAt: (s.issued_at as Date).getTime(),
      issuedBy: s.issued_by ?? "unknown",
    };
  });
}
