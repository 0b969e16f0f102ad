import {
  type ForbiddenError,
  isPlainDate,
  overdueCriteria,
  type PlainDate,
  type Result,
  type ValidationError,
  invalid,
} from "@adviser-hub/domain";
import { type Database, type RecommendationView, overdueRecommendations as overdueRows } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { type Reader, requireReader } from "./actor.js";

export const OVERDUE_LIST_MAX = 500;

export interface OverdueRecommendationsArgs {
  readonly region: string;
  readonly asOf: unknown;
  readonly board?: string | null;
  readonly limit?: number | null;
}

/**
 * Recommendations overdue as of a date (rule 20's isOverdue, applied in SQL through the
 * domain's overdueCriteria), oldest due first. An authority sees those owned in its own area.
 */
export async function overdueRecommendations(
  db: Kysely<Database>,
  reader: Reader,
  args: OverdueRecommendationsArgs,
): Promise<Result<{ readonly asOf: PlainDate; readonly recommendations: readonly RecommendationView[] }, ValidationError | ForbiddenError>> {
  const denied = requireReader(reader, "overdueRecommendations", args.region);
  if (denied) return { ok: false, error: denied };
  if (!isPlainDate(args.asOf)) return invalid("asOf", "must be a date YYYY-MM-DD");
  const limit = args.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > OVERDUE_LIST_MAX) return invalid("limit", `must be between 1 and ${OVERDUE_LIST_MAX}`);
  const recommendations = await overdueRows(db, args.region, overdueCriteria(args.asOf), {
    ownerAuthorityId: reader.role === "AUTHORITY" ? (reader.authority ?? "") : null,
    boardOrganisationId: args.board ?? null,
    limit,
  });
  return { ok: true, value: { asOf: args.asOf, recommendations } };
}
