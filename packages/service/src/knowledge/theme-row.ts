import { sameThemeName, type Theme } from "@adviser-hub/domain";
import type { Database, ThemeRow } from "@adviser-hub/persistence";
import type { Transaction } from "kysely";

export const themeOfRow = (row: ThemeRow): Theme => ({ code: row.code, name: row.name, retired: row.retired_at !== null });

/**
 * A theme whose code or name is `name` in another letter case, other than `except`: a new
 * name may not read as an existing theme's code or label.
 */
export async function themeClash(trx: Transaction<Database>, region: string, name: string, except: string | null): Promise<ThemeRow | null> {
  const rows = await trx
    .selectFrom("themes")
    .selectAll()
    .where("region_code", "=", region)
    .where((eb) => eb.or([eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()), eb(eb.fn("lower", ["code"]), "=", name.toLowerCase())]))
    .execute();
  return rows.find((row) => row.code !== except && (sameThemeName(row.name, name) || sameThemeName(row.code, name))) ?? null;
}

/** The theme `code` of the region, locked for the change. */
export function lockTheme(trx: Transaction<Database>, region: string, code: string): Promise<ThemeRow | undefined> {
  return trx.selectFrom("themes").selectAll().where("region_code", "=", region).where("code", "=", code).forUpdate().executeTakeFirst();
}
