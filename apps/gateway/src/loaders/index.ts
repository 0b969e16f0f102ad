import {
  createPolicySource,
  fundersByIds,
  type PolicySource,
  type PolicyVersion,
  type Queryable,
  type RegionSummary,
  regionsByCodes,
  regionsWithPolicies,
} from "@adviser-hub/service";
import DataLoader from "dataloader";

/**
 * Per-request loaders that are not tied to one object type (those are Pothos loadable objects
 * in schema/). Created fresh for every request: caches never outlive it. The policies are the
 * service's per-request source, so the use cases and the fields read one copy.
 */
export interface Loaders extends PolicySource {
  readonly region: DataLoader<string, RegionSummary | undefined>;
  /** Whether `funderId` is a funder of `region` (a FUNDER token's right to its reports). */
  funderFundsRegion(region: string, funderId: string): Promise<boolean>;
}

/**
 * The policy versions a process last read of each region of one database, kept between
 * requests: a region whose data version has not moved is then sent no policy documents and its
 * parsed policies are reused (regionsWithPolicies' `held`). One entry per region read.
 */
export type HeldPolicies = Map<string, readonly PolicyVersion[]>;

export function createLoaders(
  db: Queryable,
  readAhead: { readonly regionPolicies: boolean },
  held: HeldPolicies = new Map(),
): Loaders {
  const policies = createPolicySource(db);
  // A region's policies come with its row: the day figures below it need them, in one round trip.
  const region = new DataLoader<string, RegionSummary | undefined>(async (codes) => {
    if (!readAhead.regionPolicies) return regionsByCodes(db, codes);
    const rows = await regionsWithPolicies(db, codes, held);
    for (const row of rows) {
      if (!row) continue;
      held.set(row.code, row.policies);
      policies.knowVersions(row.code, row.policies);
    }
    return rows.map((row) => (row ? { code: row.code, name: row.name } : undefined));
  });
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
    policyFor: (code, year) => policies.policyFor(code, year),
    latestPolicy: (code) => policies.latestPolicy(code),
    latestPolicyIfRead: (code) => policies.latestPolicyIfRead(code),
    knowVersions: (code, versions) => policies.knowVersions(code, versions),
    rememberLatest: (code, policy) => policies.rememberLatest(code, policy),
    dataVersion: (code) => policies.dataVersion(code),
    funderFundsRegion: (code, funderId) => funders.load(JSON.stringify([code, funderId])),
  };
}
