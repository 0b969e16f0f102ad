import type { FunderRow } from "../schema.js";
import type { Queryable } from "./queryable.js";
import { regionRowsByIds } from "./by-ids.js";

/** Every funder of a region, by id. */
export function fundersOfRegion(db: Queryable, region: string): Promise<FunderRow[]> {
  return db.selectFrom("funders").selectAll().where("region_code", "=", region).orderBy("id").execute();
}

/** Funders of one region by id, in the order asked. */
export function fundersByIds(db: Queryable, region: string, ids: readonly string[]): Promise<(FunderRow | undefined)[]> {
  return regionRowsByIds(db, "funders", region, ids);
}

export interface FunderContribution {
  readonly funderId: string;
  readonly name: string;
  readonly financialYear: number;
  readonly amountPence: number;
}

/** Each funder's contribution to a region for one financial year (funders with none omitted). */
export async function funderContributions(db: Queryable, region: string, year: number): Promise<FunderContribution[]> {
  const rows = await db
    .selectFrom("funder_contributions as c")
    .innerJoin("funders as f", (join) =>
      join.onRef("f.region_code", "=", "c.region_code").onRef("f.id", "=", "c.funder_id"),
    )
    .select(["c.funder_id", "f.name", "c.financial_year", "c.amount_pence"])
    .where("c.region_code", "=", region)
    .where("c.financial_year", "=", year)
    .orderBy("c.funder_id")
    .execute();
  return rows.map((row) => ({
    funderId: row.funder_id,
    name: row.name,
    financialYear: row.financial_year,
    amountPence: row.amount_pence,
  }));
}

/** Contributions of several funders of one region for one year, in the order asked (0 when none). */
export async function contributionsByFunder(
  db: Queryable,
  region: string,
  year: number,
  funderIds: readonly string[],
): Promise<number[]> {
  if (funderIds.length === 0) return [];
  const rows = await db
    .selectFrom("funder_contributions")
    .select(["funder_id", "amount_pence"])
    .where("region_code", "=", region)
    .where("financial_year", "=", year)
    .where("funder_id", "in", [...funderIds])
    .execute();
  const byId = new Map(rows.map((row) => [row.funder_id, row.amount_pence]));
  return funderIds.map((id) => byId.get(id) ?? 0);
}
