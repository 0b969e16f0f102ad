import { type ForbiddenError, type NotFoundError, normaliseThemeName, notFound, type Result, type Theme, type ValidationError, invalid } from "@adviser-hub/domain";
import { type Database, withTransaction, writeAudit } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { requiredId } from "./required-id.js";
import { lockTheme, themeClash, themeOfRow } from "./knowledge/theme-row.js";

export type RenameThemeError = ValidationError | ForbiddenError | NotFoundError;
export type RenameThemeResult = Result<Theme, RenameThemeError>;

/**
 * Renames a theme (rule 18): its label changes, its code does not, so every engagement,
 * learning item and event that uses it keeps it.
 */
export async function renameTheme(
  db: Kysely<Database>,
  actor: CommandActor,
  input: { readonly code: unknown; readonly name: unknown },
  options?: CommandOptions,
): Promise<RenameThemeResult> {
  const denied = requireRole(actor, "renameTheme");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  const required = requiredId(input?.code, "input.code");
  if (!required.ok) return required;
  const code = required.value;
  const name = normaliseThemeName(input.name, "input.name");
  if (!name.ok) return name;
  return withTransaction(db, async (trx): Promise<RenameThemeResult> => {
    const row = await lockTheme(trx, region, code);
    if (!row) return { ok: false, error: notFound("theme", code, "input.code") };
    const clash = await themeClash(trx, region, name.value, code);
    if (clash) return invalid("input.name", `theme '${clash.code}' is already called '${clash.name}'`);
    const at = nowOf(options);
    await trx.updateTable("themes").set({ name: name.value }).where("region_code", "=", region).where("code", "=", code).execute();
    const before = themeOfRow(row);
    const theme: Theme = { ...before, name: name.value };
    await writeAudit(trx, actor, { action: "renameTheme", entity: "theme", entityId: code, before, after: theme, at });
    return { ok: true, value: theme };
  });
}
