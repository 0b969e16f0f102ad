import { type ForbiddenError, type NotFoundError, normaliseThemeName, type Result, type Theme, type ValidationError, invalid } from "@adviser-hub/domain";
import { type Database, withTransaction, writeAudit } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { themeClash } from "./knowledge/theme-row.js";

export type AddThemeError = ValidationError | ForbiddenError | NotFoundError;
export type AddThemeResult = Result<Theme, AddThemeError>;

/** Adds a theme to the region's vocabulary (rule 18). Its code is its first name, for good. */
export async function addTheme(
  db: Kysely<Database>,
  actor: CommandActor,
  input: { readonly name: unknown },
  options?: CommandOptions,
): Promise<AddThemeResult> {
  const denied = requireRole(actor, "addTheme");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  const name = normaliseThemeName(input?.name, "input.name");
  if (!name.ok) return name;
  return withTransaction(db, async (trx): Promise<AddThemeResult> => {
    const clash = await themeClash(trx, region, name.value, null);
    if (clash) return invalid("input.name", `theme '${clash.code}' is already called '${clash.name}'`);
    const at = nowOf(options);
    await trx.insertInto("themes").values({ region_code: region, code: name.value, name: name.value, created_at: at }).execute();
    const theme: Theme = { code: name.value, name: name.value, retired: false };
    await writeAudit(trx, actor, { action: "addTheme", entity: "theme", entityId: theme.code, before: null, after: theme, at });
    return { ok: true, value: theme };
  });
}
