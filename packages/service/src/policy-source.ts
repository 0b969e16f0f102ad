import { type RegionPolicy, parseRegionPolicy } from "@adviser-hub/domain";
import { type PolicyVersion, type Queryable, policyVersionForYear, policyVersionsOfRegions } from "@adviser-hub/persistence";

/** A stored policy the domain refuses: an operator's error, never a client's, so it throws. */
export class InvalidPolicyError extends Error {
  constructor(region: string, fromYear: number, detail: string) {
    super(`Policy of region ${region} from ${fromYear} is invalid: ${detail}`);
    this.name = "InvalidPolicyError";
  }
}

/**
 * Region policies for the reads of one request, each region's versions read once (one
 * statement) and each version parsed once, however many fields ask.
 */
export interface PolicySource {
  /** The policy for a financial year: the version with the greatest fromYear <= year. */
  policyFor(region: string, year: number): Promise<RegionPolicy>;
  /** The latest version: for what no year applies to (granularity of a days figure). */
  latestPolicy(region: string): Promise<RegionPolicy>;
  /**
   * latestPolicy's answer when the region's versions are already read, else undefined: a page
   * shows hundreds of day figures, and each then needs no promise of its own.
   */
  latestPolicyIfRead(region: string): RegionPolicy | undefined;
  /**
   * Keeps a region's versions read with something else (its region row), so no statement of
   * its own reads them; versions already read stay.
   */
  knowVersions(region: string, versions: readonly PolicyVersion[]): void;
  /** Keeps the latest policy a write use case read in its transaction, so its payload reads none. */
  rememberLatest(region: string, policy: RegionPolicy): void;
  /**
   * The region's data version, read in the same statement as its policies (so before any row
   * a report reads): the key under which a report's result may be reused.
   */
  dataVersion(region: string): Promise<number>;
}

/**
 * Parses by stored version, shared by every request: a version read once and held
 * (regionsWithPolicies' `held`) is not validated again; versions nobody holds are collected.
 */
const parsed = new WeakMap<PolicyVersion, RegionPolicy>();

export function createPolicySource(db: Queryable): PolicySource {
  const versions = new Map<string, Promise<PolicyVersion[]>>();
  /** The same lists once they have arrived. */
  const arrived = new Map<string, PolicyVersion[]>();
  const latest = new Map<string, RegionPolicy>();
  const versionsOf = (region: string): Promise<PolicyVersion[]> => {
    let list = versions.get(region);
    if (!list) {
      list = policyVersionsOfRegions(db, [region]).then((read) => {
        arrived.set(region, read);
        return read;
      });
      versions.set(region, list);
    }
    return list;
  };
  const parse = (version: PolicyVersion): RegionPolicy => {
    const cached = parsed.get(version);
    if (cached) return cached;
    const result = parseRegionPolicy(version.policy);
    if (!result.ok) throw new InvalidPolicyError(version.regionCode, version.fromYear, result.error.message);
    parsed.set(version, result.value);
    return result.value;
  };
  const latestOf = (region: string, list: readonly PolicyVersion[]): RegionPolicy => {
    const version = list[list.length - 1];
    if (!version) throw new InvalidPolicyError(region, 0, "no policy stored");
    return parse(version);
  };
  return {
    async policyFor(region, year) {
      const version = policyVersionForYear(await versionsOf(region), year);
      if (!version) throw new InvalidPolicyError(region, year, "no policy stored");
      return parse(version);
    },
    async latestPolicy(region) {
      return latest.get(region) ?? latestOf(region, await versionsOf(region));
    },
    latestPolicyIfRead(region) {
      const remembered = latest.get(region);
      if (remembered) return remembered;
      const list = arrived.get(region);
      return list ? latestOf(region, list) : undefined;
    },
    knowVersions(region, list) {
      if (versions.has(region)) return;
      const known = [...list];
      versions.set(region, Promise.resolve(known));
      arrived.set(region, known);
    },
    rememberLatest(region, policy) {
      latest.set(region, policy);
    },
    async dataVersion(region) {
      return (await versionsOf(region))[0]?.dataVersion ?? 0;
    },
  };
}
