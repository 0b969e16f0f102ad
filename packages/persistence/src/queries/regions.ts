import { sql } from "kysely";
import type { Queryable } from "./queryable.js";

export interface RegionSummary {
  readonly code: string;
  readonly name: string;
}

/** Regions by code, in the order asked; undefined where a code is unknown. */
export async function regionsByCodes(db: Queryable, codes: readonly string[]): Promise<(RegionSummary | undefined)[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom("regions")
    .select(["region_code as code", "name"])
    .where("region_code", "in", [...codes])
    .execute();
  const byCode = new Map(rows.map((row) => [row.code, row]));
  return codes.map((code) => byCode.get(code));
}

export interface PolicyVersion {
  readonly regionCode: string;
  readonly fromYear: number;
  /** Unvalidated JSON: the domain's parseRegionPolicy validates it. */
  readonly policy: unknown;
  /**
   * The region's data version as this statement saw it (0 before its first write): every
   * committed write of the region moves it on, so what is computed from rows read after it is
   * at least this new.
   */
  readonly dataVersion: number;
}

/** Every policy version of the given regions, oldest first, with each region's data version. */
export async function policyVersionsOfRegions(db: Queryable, regions: readonly string[]): Promise<PolicyVersion[]> {
  if (regions.length === 0) return [];
  const rows = await db
    .selectFrom("region_policies as p")
    .leftJoin("region_data_versions as v", "v.region_code", "p.region_code")
    .select(["p.region_code", "p.from_year", "p.policy", "v.version"])
    .where("p.region_code", "in", [...regions])
    .orderBy("p.region_code")
    .orderBy("p.from_year")
    .execute();
  return rows.map((row) => ({
    regionCode: row.region_code,
    fromYear: row.from_year,
    policy: row.policy,
    dataVersion: Number(row.version ?? 0),
  }));
}

/** A region with every policy version of it, as policyVersionsOfRegions reads them. */
export interface RegionWithPolicies extends RegionSummary {
  readonly policies: readonly PolicyVersion[];
}

/**
 * Regions by code with their policy versions and data version, in one statement: a request
 * that opens with its region then needs no second round trip for the policy its day figures
 * are shown in. In the order asked; undefined where a code is unknown.
 *
 * `held` are versions the caller read before. Where a region's data version is still theirs
 * (no write of the region since, policies included: every region-keyed table moves it on), the
 * statement sends no policy documents and the held versions come back as they are, the same
 * objects, so what was parsed from them stays parsed.
 */
export async function regionsWithPolicies(
  db: Queryable,
  codes: readonly string[],
  held: ReadonlyMap<string, readonly PolicyVersion[]> = new Map(),
): Promise<(RegionWithPolicies | undefined)[]> {
  if (codes.length === 0) return [];
  const heldVersions: Record<string, number> = {};
  for (const code of codes) {
    const version = held.get(code)?.[0]?.dataVersion;
    if (version !== undefined) heldVersions[code] = version;
  }
  const rows = await db
    .selectFrom("regions as r")
    .leftJoin("region_data_versions as v", "v.region_code", "r.region_code")
    .select(["r.region_code as code", "r.name", "v.version"])
    .select(
      sql<{ fromYear: number; policy: unknown }[] | null>`case
        when v.version = (${JSON.stringify(heldVersions)}::jsonb ->> r.region_code)::int8 then null
        else coalesce((
          select json_agg(json_build_object('fromYear', p.from_year, 'policy', p.policy) order by p.from_year)
            from region_policies p where p.region_code = r.region_code), '[]')
        end`.as("policies"),
    )
    .where("r.region_code", "in", [...codes])
    .execute();
  const byCode = new Map(
    rows.map((row) => {
      const dataVersion = Number(row.version ?? 0);
      const policies =
        row.policies === null
          ? (held.get(row.code) ?? [])
          : row.policies.map((p) => ({ regionCode: row.code, fromYear: p.fromYear, policy: p.policy, dataVersion }));
      return [row.code, { code: row.code, name: row.name, policies }];
    }),
  );
  return codes.map((code) => byCode.get(code));
}

/** The policy row with the greatest from_year <= year applies to that year. */
export function policyVersionForYear(versions: readonly PolicyVersion[], year: number): PolicyVersion | undefined {
  let chosen: PolicyVersion | undefined;
  for (const version of versions) if (version.fromYear <= year) chosen = version;
  return chosen ?? versions[0];
}
