import { parseRegionPolicy, type RegionPolicy } from "@adviser-hub/domain";
import {
  fundersByIds,
  type PolicyVersion,
  policyVersionForYear,
  policyVersionsOfRegions,
  type Queryable,
  type RegionSummary,
  regionsByCodes,
} from "@adviser-hub/persistence";
import DataLoader from "dataloader";

/**
 * Per-request loaders that are not tied to one object type (those are Pothos loadable objects
 * in schema/). Created fresh for every request: caches never outlive it.
 */
export interface Loaders {
  readonly region: DataLoader<string, RegionSummary | undefined>;
  /** The region's policy for a financial year, validated by the domain. */
  policyFor(region: string, year: number): Promise<RegionPolicy>;
  /** The policy in force now-ish: the latest version; used where no year applies (granularity). */
  latestPolicy(region: string): Promise<RegionPolicy>;
  /** Whether `funderId` is a funder of `region` (a FUNDER token's right to its reports). */
  funderFundsRegion(region: string, funderId: string): Promise<boolean>;
}

export class InvalidPolicyError extends Error {
  constructor(region: string, fromYear: number, detail: string) {
    super(`Policy of region ${region} from ${fromYear} is invalid: ${detail}`);
    this.name = "InvalidPolicyError";
  }
}

export function createLoaders(db: Queryable): Loaders {
  const region = new DataLoader<string, RegionSummary | undefined>((codes) => regionsByCodes(db, codes));
  const versions = new DataLoader<string, PolicyVersion[]>(async (codes) => {
    const rows = await policyVersionsOfRegions(db, codes);
    return codes.map((code) => rows.filter((row) => row.regionCode === code));
  });
  const parsed = new Map<PolicyVersion, RegionPolicy>();
  const parse = (version: PolicyVersion): RegionPolicy => {
    const cached = parsed.get(version);
    if (cached) return cached;
    const result = parseRegionPolicy(version.policy);
    // A stored policy that fails validation is an operator error, not a client one: fail loudly.
    if (!result.ok) throw new InvalidPolicyError(version.regionCode, version.fromYear, result.error.message);
    parsed.set(version, result.value);
    return result.value;
  };
  const funders = new DataLoader<string, boolean>(async (keys) => {
    const pairs = keys.map((key) => JSON.parse(key) as [string, string]);
    const regions = [...new Set(pairs.map(([code]) => code))];
    const found = new Set<string>();
    for (const code of regions) {
      const ids = pairs.filter(([c]) => c === code).map(([, id]) => id);
      const rows = await fundersByIds(db, code, ids);
      for (const row of rows) if (row) found.add(JSON.stringify([code, row.id]));
    }
    return keys.map((key) => found.has(key));
  });
  return {
    region,
    async policyFor(code, year) {
      const version = policyVersionForYear(await versions.load(code), year);
      if (!version) throw new InvalidPolicyError(code, year, "no policy stored");
      return parse(version);
    },
    async latestPolicy(code) {
      const list = await versions.load(code);
      const version = list[list.length - 1];
      if (!version) throw new InvalidPolicyError(code, 0, "no policy stored");
      return parse(version);
    },
    funderFundsRegion: (code, funderId) => funders.load(JSON.stringify([code, funderId])),
  };
}
