import { type Dissemination, dissemination, type ForbiddenError, invalid, type Result, type ValidationError } from "@adviser-hub/domain";
import { type Database, disseminationFacts } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type Reader, requireReader } from "./actor.js";

export interface DisseminationReport extends Dissemination {
  readonly region: string;
  readonly learningItemId: string | null;
  readonly theme: string | null;
}

/**
 * Rule 21: which of the region's authorities a learning item, or a theme, reached (an
 * organisation of the area attended an event that carried it, or had delivered work on an
 * engagement it came from or that carries the theme) and which it did not. Names areas, no
 * text: every role of the region may read it.
 */
export async function disseminationReport(
  db: Kysely<Database>,
  reader: Reader,
  args: { readonly region: string; readonly learningItemId?: string | null; readonly theme?: string | null },
): Promise<Result<DisseminationReport, ValidationError | ForbiddenError>> {
  const denied = requireReader(reader, "disseminationReport", args.region);
  if (denied) return { ok: false, error: denied };
  const learningItemId = args.learningItemId ?? null;
  const theme = args.theme ?? null;
  if ((learningItemId === null) === (theme === null)) return invalid("learningItemId", "give either a learning item or a theme");
  const { authorities, facts } = await disseminationFacts(db, args.region, learningItemId !== null ? { learningItemId } : { themeCode: theme! });
  return { ok: true, value: { region: args.region, learningItemId, theme, ...dissemination(authorities, facts) } };
}
