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

/** The policy row with the greatest from_year <= year applies to that year. */
export function policyVersionForYear(versions: readonly PolicyVersion[], year: number): PolicyVersion | undefined {
  let chosen: PolicyVersion | undefined;
  for (const version of versions) if (version.fromYear <= year) chosen = version;
  return chosen ?? versions[0];
}
