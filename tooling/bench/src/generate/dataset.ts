import { type Counters, generateRegionYear } from "./activity.js";
import type { Row, TableShape } from "./batch-loader.js";
import { financialYearStart } from "./calendar.js";
import { Prng } from "@adviser-hub/london-pilot";
import { ADVISER_COST_PENCE, leaveDays, MEASURES, regionData, UNITS_PER_DAY } from "./reference-data.js";
import { type DatasetSpec, REGIONS, TOTAL_AUTHORITIES } from "./spec.js";
import * as t from "./tables.js";

// Generates a whole data set in foreign-key order, in chunks (a region's reference data, then
// one region-year of work at a time) so a loader can send one chunk while the next is made.
// The same spec and seed give the same rows in the same order on every run.

export type Chunk = [TableShape, Row][];

/** About how many rows a spec yields, for the progress bar. */
export const expectedRows = (spec: DatasetSpec): number => Math.round(spec.deliveries * 3.3 + 30_000);

export function* generateDataset(spec: DatasetSpec): Generator<Chunk, Counters> {
  let chunk: Chunk = [];
  const emit = (table: TableShape, row: Row) => {
    chunk.push([table, row]);
  };
  const take = (): Chunk => {
    const done = chunk;
    chunk = [];
    return done;
  };
  const root = new Prng(spec.seed);
  const counters: Counters = { seq: 0, engagements: 0, bookings: 0, outcomes: 0 };
  const years = Array.from({ length: spec.years }, (_, i) => spec.firstYear + i);
  for (const [regionIndex, regionSpec] of REGIONS.entries()) {
    const prng = root.fork(regionSpec.code);
    const region = regionData(regionSpec, spec, prng, regionIndex);
    const code = regionSpec.code;
    emit(t.regions, [code, regionSpec.name]);
    emit(t.regionPolicies, [code, spec.firstYear, region.policy]);
    for (const a of region.authorities) emit(t.authorities, [code, a.id, a.name, a.dfeLaCode, a.innerOuter, a.subregion]);
    for (const o of region.organisations) {
      emit(t.organisations, [code, o.id, o.name, o.kind, o.homeAuthorityId]);
      for (const [year, rate] of o.rates) emit(t.organisationRates, [code, o.id, year, rate]);
    }
    const employedFrom = financialYearStart(spec.firstYear);
    for (const adviser of region.advisers) {
      emit(t.advisers, [code, adviser.id, adviser.name, adviser.fteBp, employedFrom, null]);
      for (const year of years) {
        for (const day of leaveDays(prng, year, region.bankHolidays)) {
          emit(t.adviserLeave, [code, adviser.id, day, UNITS_PER_DAY, "annual leave"]);
        }
      }
      emit(t.hostArrangements, [
        code, `host-${adviser.id}`, adviser.id, adviser.hostAuthorityId, employedFrom, null,
        2_000 + 500 * prng.int(0, 2), prng.int(1, 2),
      ]);
    }
    const funders = [
      [`fnd-${code}-councils`, `${regionSpec.name} Councils`, 40],
      [`fnd-${code}-improvement`, `${regionSpec.name} Improvement Partnership`, 35],
      [`fnd-${code}-dfe`, "Department for Education", 25],
    ] as const;
    const programmeCost = region.advisers.length * ADVISER_COST_PENCE;
    for (const [id, name] of funders) emit(t.funders, [code, id, name]);
    for (const year of years) {
      for (const [id, , share] of funders) emit(t.funderContributions, [code, id, year, (programmeCost * share) / 100]);
    }

    // Work: each year gets the region's share of the deliveries, by number of authorities.
    const perYear = Math.max(1, Math.round((spec.deliveries * regionSpec.authorities) / TOTAL_AUTHORITIES / spec.years));
    for (const year of years) {
      yield take();
      generateRegionYear(region, year, perYear, spec.today, prng.fork(`${code}-${year}`), counters, emit);
    }

    // Benchmarks (rule 12): small counts are published suppressed, never as zero.
    for (const a of region.authorities) {
      for (const year of years) {
        const population = prng.int(2_000, 120_000);
        emit(t.benchmarkPopulations, [code, a.id, year, population, "synthetic"]);
        for (const measure of MEASURES) {
          const value = Math.round((population * prng.int(2, 600)) / 10_000);
          const suppressed = value >= 1 && value <= 5;
          emit(t.benchmarkStatistics, [code, a.id, year, measure, suppressed ? null : value, suppressed, "synthetic", suppressed ? "SUPPRESSED" : null]);
        }
      }
      const neighbours = region.authorities.filter((n) => n.id !== a.id).slice(0, 10);
      for (const [i, n] of neighbours.entries()) emit(t.statisticalNeighbours, [code, a.id, n.id, i + 1]);
    }
  }
  yield take();
  return counters;
}
