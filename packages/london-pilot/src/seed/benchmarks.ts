import { type LondonAuthority, londonAuthorities } from "../london-authorities.js";
import type { Prng } from "../prng.js";

// SYNTHETIC benchmark statistics. The shape follows the Department for Education's published
// children-in-need and child-protection tables (counts per authority and year, 'c' for a count
// of 1 to 5), but every number here is generated from the seed's fixed generator with plausible
// London magnitudes. They are not the published figures and every row says so in `source`.

export const BENCHMARK_SOURCE = "synthetic: generated for the London pilot seed, not published data";

export interface SeedPopulation {
  readonly authorityId: string;
  readonly year: number;
  readonly childPopulation: number;
}

export interface SeedStatistic {
  readonly authorityId: string;
  readonly year: number;
  readonly measure: string;
  /** null when suppressed: a published 'c' stands for 1 to 5 and is never zero. */
  readonly value: number | null;
  readonly suppressed: boolean;
}

export interface SeedNeighbour {
  readonly authorityId: string;
  readonly neighbourId: string;
  readonly rank: number;
}

export interface SeedBenchmarks {
  readonly populations: readonly SeedPopulation[];
  readonly statistics: readonly SeedStatistic[];
  readonly neighbours: readonly SeedNeighbour[];
}

export const BENCHMARK_YEARS = [2009, 2010] as const;

const CITY = "E09000001";

/** Counts from 1 to 5 are published as 'c'. */
const publish = (authorityId: string, year: number, measure: string, count: number): SeedStatistic =>
  count >= 1 && count <= 5
    ? { authorityId, year, measure, value: null, suppressed: true }
    : { authorityId, year, measure, value: count, suppressed: false };

interface Profile {
  readonly authority: LondonAuthority;
  readonly population: number;
  /** Referrals per 10,000 children. */
  readonly referralRate: number;
  /** Plans at year end per 10,000 children. */
  readonly planRate: number;
}

function profile(prng: Prng, authority: LondonAuthority): Profile {
  const inner = authority.innerOuter === "Inner";
  const population =
    authority.gssCode === CITY ? prng.int(900, 1100) : prng.int(inner ? 38_000 : 55_000, inner ? 62_000 : 92_000);
  return {
    authority,
    population,
    referralRate: prng.int(inner ? 600 : 420, inner ? 900 : 700),
    planRate: prng.int(inner ? 38 : 26, inner ? 62 : 48),
  };
}

export function buildBenchmarks(prng: Prng): SeedBenchmarks {
  const profiles = londonAuthorities.map((a) => profile(prng, a));
  const populations: SeedPopulation[] = [];
  const statistics: SeedStatistic[] = [];
  for (const p of profiles) {
    for (const year of BENCHMARK_YEARS) {
      // Child population grows about 1.5% a year in London; rates drift by a few percent.
      const population = Math.round(p.population * (year === 2009 ? 1 : 1.015));
      const drift = 0.92 + prng.next() * 0.16;
      const referrals = Math.round((population * p.referralRate * drift) / 10_000);
      const reReferrals = Math.round(referrals * (0.14 + prng.next() * 0.12));
      const plansAtYearEnd = Math.round((population * p.planRate * drift) / 10_000);
      const plansStarted = Math.round(plansAtYearEnd * (1.05 + prng.next() * 0.3));
      const secondPlans = Math.round(plansStarted * (0.08 + prng.next() * 0.1));
      const assessmentsWithinTimescale = Math.round(referrals * (0.45 + prng.next() * 0.35));
      populations.push({ authorityId: p.authority.gssCode, year, childPopulation: population });
      const id = p.authority.gssCode;
      statistics.push(
        publish(id, year, "REFERRALS", referrals),
        publish(id, year, "RE_REFERRALS", reReferrals),
        publish(id, year, "CP_PLANS_AT_YEAR_END", plansAtYearEnd),
        publish(id, year, "CP_PLANS_STARTED", plansStarted),
        publish(id, year, "SECOND_OR_SUBSEQUENT_PLANS", secondPlans),
        publish(id, year, "ASSESSMENTS_WITHIN_TIMESCALE", assessmentsWithinTimescale),
      );
    }
  }
  return { populations, statistics, neighbours: neighbours(profiles) };
}

/**
 * Ten statistical neighbours each: the nearest authorities on the synthetic profile (inner or
 * outer, referral and plan rates, population), ties broken by GSS code. Synthetic like the rest.
 */
function neighbours(profiles: readonly Profile[]): SeedNeighbour[] {
  const out: SeedNeighbour[] = [];
  const distance = (a: Profile, b: Profile): number =>
    (a.authority.innerOuter === b.authority.innerOuter ? 0 : 120) +
    Math.abs(a.referralRate - b.referralRate) / 4 +
    Math.abs(a.planRate - b.planRate) * 2 +
    Math.abs(a.population - b.population) / 2_000 +
    (a.authority.subregion === b.authority.subregion ? 0 : 10);
  for (const p of profiles) {
    const ranked = profiles
      .filter((q) => q.authority.gssCode !== p.authority.gssCode)
      .map((q) => ({ id: q.authority.gssCode, d: distance(p, q) }))
      .sort((x, y) => x.d - y.d || (x.id < y.id ? -1 : 1))
      .slice(0, 10);
    ranked.forEach((n, i) => {
      out.push({ authorityId: p.authority.gssCode, neighbourId: n.id, rank: i + 1 });
    });
  }
  return out;
}
