import {
  type AdviserWeek,
  type ForbiddenError,
  type RegionPolicy,
  type Result,
  type ValidationError,
  addDays,
  adviserWeek,
  invalid,
  weekCapacity,
  weekStartOf,
} from "@adviser-hub/domain";
import { type AdviserRow, type Queryable, type WeekLoad, capacityAdvisers, weekLoads } from "@adviser-hub/persistence";
import { type Reader, requireReader } from "./actor.js";
import type { PolicySource } from "./policy-source.js";
import type { ReportCache } from "./report-cache.js";

export interface CapacityForecastArgs {
  readonly region: string;
  /** A date in the first week (weeks start on Monday). */
  readonly from: string;
  readonly weeks: number;
  /** The longest forecast the caller serves (the gateway's limit). */
  readonly maxWeeks: number;
}

export interface ForecastWeek {
  readonly unitsPerDay: number;
  /** The adviser's row, as read for the forecast (every column of advisers). */
  readonly adviser: AdviserRow;
  readonly week: AdviserWeek;
}

export type CapacityForecastResult = Result<ForecastWeek[], ValidationError | ForbiddenError>;

/**
 * Each adviser's capacity and bookings, week by week (rule 8), from two reads: advisers with
 * their leave and host arrangements, and the weeks' bookings and rapid-response deliveries.
 * The domain computes every week. With a cache, a forecast already computed at the region's
 * current data version is reused (it is the region's, the same for every viewer allowed it).
 */
export async function capacityForecast(
  db: Queryable,
  policies: PolicySource,
  reader: Reader,
  args: CapacityForecastArgs,
  cache?: ReportCache,
): Promise<CapacityForecastResult> {
  const denied = requireReader(reader, "capacityForecast", args.region);
  if (denied) return { ok: false, error: denied };
  if (!Number.isInteger(args.weeks) || args.weeks < 1 || args.weeks > args.maxWeeks)
    return invalid("weeks", `weeks must be between 1 and ${args.maxWeeks}`);
  const firstWeek = weekStartOf(args.from);
  // The policy (and the data version, in the same statement) before any row is read.
  const policy = await policies.latestPolicy(args.region);
  const compute = () => forecastWeeks(db, policy, args.region, firstWeek, args.weeks);
  if (!cache) return { ok: true, value: await compute() };
  const version = await policies.dataVersion(args.region);
  const key = `capacityForecast:${firstWeek}:${args.weeks}`;
  return { ok: true, value: await cache.get(args.region, key, version, compute) };
}

async function forecastWeeks(
  db: Queryable,
  policy: RegionPolicy,
  region: string,
  firstWeek: string,
  weeks: number,
): Promise<ForecastWeek[]> {
  const lastWeek = addDays(firstWeek, 7 * (weeks - 1));
  const lastDay = addDays(lastWeek, 6);
  const [advisers, loads] = await Promise.all([
    capacityAdvisers(db, region, firstWeek, lastDay),
    weekLoads(db, region, firstWeek, lastWeek),
  ]);
  // Loads grouped once by adviser and week, rather than the whole list filtered per week.
  const loadsByWeek = new Map<string, WeekLoad[]>();
  for (const load of loads) {
    const key = `${load.adviserId}\u0000${load.weekStart}`;
    const list = loadsByWeek.get(key);
    if (list) list.push(load);
    else loadsByWeek.set(key, [load]);
  }
  const result: ForecastWeek[] = [];
  for (const adviser of advisers) {
    const row: AdviserRow = {
      region_code: region,
      id: adviser.id,
      name: adviser.name,
      fte_bp: adviser.fteBp,
      employed_from: adviser.employedFrom,
      employed_to: adviser.employedTo,
    };
    const leave = adviser.leave.map((entry) => ({
      regionCode: region,
      id: `${adviser.id}:${entry.date}`,
      adviserId: adviser.id,
      startDate: entry.date,
      endDate: entry.date,
      unitsPerDay: entry.units,
    }));
    const arrangements = adviser.arrangements.map((h) => ({
      regionCode: region,
      id: h.id,
      adviserId: adviser.id,
      authorityId: h.authorityId,
      startDate: h.startsOn,
      endDate: h.endsOn,
      salaryShareBp: h.salaryShareBp,
      commitmentUnitsPerWeek: h.commitmentUnitsPerWeek,
    }));
    const employee = {
      regionCode: region,
      id: adviser.id,
      name: adviser.name,
      fteBp: adviser.fteBp,
      employmentStart: adviser.employedFrom,
      employmentEnd: adviser.employedTo,
    };
    for (let i = 0; i < weeks; i++) {
      const weekStart = addDays(firstWeek, 7 * i);
      const capacity = weekCapacity(policy, { adviser: employee, weekStart, leave, arrangements });
      const week = loadsByWeek.get(`${adviser.id}\u0000${weekStart}`) ?? [];
      const bookings = week
        .filter((load) => load.source === "BOOKED" && load.status !== null)
        .map((load) => ({ units: load.units, status: load.status!, strand: load.strand }));
      const rapidResponseUnits = week
        .filter((load) => load.source === "RAPID_RESPONSE_DELIVERED")
        .reduce((sum, load) => sum + load.units, 0);
      result.push({
        unitsPerDay: policy.unitsPerDay,
        adviser: row,
        week: adviserWeek(policy, capacity, bookings, rapidResponseUnits),
      });
    }
  }
  return result;
}
