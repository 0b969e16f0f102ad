import { BENCHMARK_MEASURES } from "@adviser-hub/domain";
import { type Prng, londonAuthorities } from "@adviser-hub/london-pilot";
import { englandBankHolidays, financialYearEnd, financialYearStart, isoWeekday, addDays } from "./calendar.js";
import type { DatasetSpec, RegionSpec } from "./spec.js";

// The slow-changing part of a region: its policy, calendar, authorities, clients, advisers,
// hosts and funders. Small next to the activity, but shaped like the London pilot so reports
// over it exercise the same rules.

export const UNITS_PER_DAY = 2;
export const FREE_UNITS_PER_YEAR = 10 * UNITS_PER_DAY;
export const DEFAULT_RATE_PENCE = 55_000;
export const ADVISER_COST_PENCE = 12_000_000;

export interface Authority {
  readonly id: string;
  readonly name: string;
  readonly dfeLaCode: number | null;
  readonly innerOuter: string | null;
  readonly subregion: string | null;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly homeAuthorityId: string | null;
  /** Negotiated day rate per financial year, when it has one. */
  readonly rates: ReadonlyMap<number, number>;
}

export interface Adviser {
  readonly id: string;
  readonly name: string;
  readonly fteBp: number;
  readonly hostAuthorityId: string;
}

export interface RegionData {
  readonly spec: RegionSpec;
  readonly policy: Record<string, unknown>;
  readonly bankHolidays: ReadonlySet<string>;
  readonly bankHolidayList: readonly { date: string; name: string }[];
  readonly authorities: readonly Authority[];
  readonly organisations: readonly Organisation[];
  readonly advisers: readonly Adviser[];
}

const PARTNERS = [
  ["council", "COUNCIL", "Children's Services"],
  ["lscb", "SAFEGUARDING_BOARD", "Local Safeguarding Children Board"],
  ["police", "POLICE", "Police Public Protection Unit"],
  ["health", "HEALTH", "Health Safeguarding Team"],
] as const;

const REGION_WIDE = [
  ["board", "SAFEGUARDING_BOARD", "Safeguarding Children Board"],
  ["nhs", "HEALTH", "NHS Safeguarding Network"],
  ["voluntary", "VOLUNTARY", "Voluntary Sector Safeguarding Forum"],
] as const;

const FIRST_NAMES = ["Alex", "Sam", "Jo", "Chris", "Ali", "Robin", "Kim", "Jamie", "Pat", "Morgan", "Toni", "Ash"];
const SURNAMES = ["Morgan", "Okafor", "Whitfield", "Patel", "Hughes", "Nowak", "Campbell", "Iqbal", "Reid", "Evans"];

/** The region's policy document, in the shape the domain validates (rule 15). */
function policyFor(region: RegionSpec, holidays: readonly { date: string; name: string }[]) {
  const strand = (consumesQuota: boolean, chargedAfterQuota: boolean, heldToCapacity: boolean) => ({
    consumesQuota,
    chargedAfterQuota,
    heldToCapacity,
  });
  return {
    code: region.code,
    name: region.name,
    financialYearStart: { month: 4, day: 1 },
    unitsPerDay: UNITS_PER_DAY,
    freeDaysPerYear: { defaultUnits: FREE_UNITS_PER_YEAR, byYear: [], byHolderYear: [] },
    quotaPooling: "AREA",
    strands: {
      RAPID_RESPONSE: strand(false, false, false),
      PROJECT_SUPPORT: strand(true, true, true),
      HOST_SUPPORT: strand(false, false, true),
      KNOWLEDGE_HUB: strand(false, false, true),
      STRATEGIC: strand(false, false, true),
    },
    defaultDayRate: { pence: DEFAULT_RATE_PENCE, byYear: [] },
    consultantBenchmarkDayRate: { pence: 80_000, byYear: [] },
    rapidResponse: { reserveUnitsPerAdviserWeek: 1, targetHours: 48 },
    bankHolidays: holidays,
    workingWeekdays: [1, 2, 3, 4, 5],
    currency: { code: "GBP", symbol: "£", thousandsSeparator: ",", decimalSeparator: "." },
    billingPeriod: "QUARTER",
  };
}

let syntheticCode = 0;

function authoritiesFor(region: RegionSpec, prng: Prng): Authority[] {
  if (region.code === "london") {
    return londonAuthorities.slice(0, region.authorities).map((a) => ({
      id: a.gssCode,
      name: a.name,
      dfeLaCode: a.dfeLaCode,
      innerOuter: a.innerOuter,
      subregion: a.subregion,
    }));
  }
  return Array.from({ length: region.authorities }, (_, i) => {
    syntheticCode += 1;
    return {
      id: `E06${String(900000 + syntheticCode).padStart(6, "0")}`,
      name: `${region.name} Authority ${i + 1}`,
      dfeLaCode: 800 + syntheticCode,
      innerOuter: null,
      subregion: prng.pick(["North", "South", "East", "West", "Central"]),
    };
  });
}

export function regionData(region: RegionSpec, spec: DatasetSpec, prng: Prng, regionIndex: number): RegionData {
  syntheticCode = regionIndex * 100;
  const holidays: { date: string; name: string }[] = [];
  for (let year = spec.firstYear; year <= spec.firstYear + spec.years; year++) {
    holidays.push(...englandBankHolidays(year));
  }
  const authorities = authoritiesFor(region, prng);
  const organisations: Organisation[] = [];
  const years = Array.from({ length: spec.years }, (_, i) => spec.firstYear + i);
  for (const authority of authorities) {
    for (const [suffix, kind, label] of PARTNERS) {
      const rates = new Map<number, number>();
      if (kind === "COUNCIL" && prng.chance(0.4)) {
        for (const year of years) rates.set(year, 50_000 + 1_000 * prng.int(0, 15));
      }
      organisations.push({
        id: `org-${authority.id}-${suffix}`,
        name: `${authority.name} ${label}`,
        kind,
        homeAuthorityId: authority.id,
        rates,
      });
    }
  }
  for (const [suffix, kind, label] of REGION_WIDE) {
    organisations.push({
      id: `org-${region.code}-${suffix}`,
      name: `${region.name} ${label}`,
      kind,
      homeAuthorityId: null,
      rates: new Map(),
    });
  }
  const advisers: Adviser[] = Array.from({ length: region.advisers }, (_, i) => ({
    id: `adv-${region.code}-${i + 1}`,
    name: `${prng.pick(FIRST_NAMES)} ${prng.pick(SURNAMES)}`,
    fteBp: prng.chance(0.75) ? 10_000 : 8_000,
    // Each adviser is hosted by a different authority, spread over the region.
    hostAuthorityId: authorities[Math.floor((i * authorities.length) / region.advisers)]!.id,
  }));
  return {
    spec: region,
    policy: policyFor(region, holidays),
    bankHolidays: new Set(holidays.map((h) => h.date)),
    bankHolidayList: holidays,
    authorities,
    organisations,
    advisers,
  };
}

/** Weekday leave blocks, one to two weeks, in distinct months of each year. */
export function leaveDays(prng: Prng, year: number, holidays: ReadonlySet<string>): string[] {
  const months = new Set<number>();
  while (months.size < 3) months.add(prng.int(0, 11));
  const days: string[] = [];
  for (const month of [...months].sort((a, b) => a - b)) {
    const monthStart = addDays(financialYearStart(year), Math.floor(month * 30.4));
    const start = addDays(monthStart, prng.int(0, 10));
    const length = prng.int(5, 10);
    for (let i = 0; i < length; i++) {
      const day = addDays(start, i);
      if (day > financialYearEnd(year)) break;
      if (isoWeekday(day) <= 5 && !holidays.has(day)) days.push(day);
    }
  }
  return days;
}

export const MEASURES = BENCHMARK_MEASURES;
