import { type ForbiddenError, type NotFoundError, notFound, type Result, type Theme, type ValidationError, invalid } from "@adviser-hub/domain";
import { type Database, withTransaction, writeAudit } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { requiredId } from "./required-id.js";
import { lockTheme, themeOfRow } from "./knowledge/theme-row.js";

export type RetireThemeError = ValidationError | ForbiddenError | NotFoundError;
export type RetireThemeResult = Result<Theme, RetireThemeError>;

/**
 * Retires a theme (rule 18): what already uses it keeps it, and searches by it still find
 * that history; no new learning item or event may take it.
 */
export async function retireTheme(
  db: Kysely<Database>,
  actor: CommandActor,
  input: { readonly code: unknown },
  options?: CommandOptions,
): Promise<RetireThemeResult> {
  const denied = requireRole(actor, "retireTheme");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  const required = requiredId(input?.code, "input.code");
  if (!required.ok) return required;
  const code = required.value;
  return withTransaction(db, async (trx): Promise<RetireThemeResult> => {
    const row = await lockTheme(trx, region, code);
    if (!row) return { ok: false, error: notFound("theme", code, "input.code") };
    if (row.retired_at !== null) return invalid("input.code", `theme '${code}' is already retired`);
    const at = nowOf(options);
    await trx.updateTable("themes").set({ retired_at: at }).where("region_code", "=", region).where("code", "=", code).execute();
    const before = themeOfRow(row);
    const theme: Theme = { ...before, retired: true };
    await writeAudit(trx, actor, { action: "retireTheme", entity: "theme", entityId: code, before, after: theme, at });
    return { ok: true, value: theme };
  });
}
