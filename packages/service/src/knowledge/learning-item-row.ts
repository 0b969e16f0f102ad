import type { LearningItemContent, PublicationState, PlainDate } from "@adviser-hub/domain";
import type { Database, LearningItemRow, LearningItemView } from "@adviser-hub/persistence";
import type { Transaction } from "kysely";

/** The item `id` of the region, locked for the change. */
export function lockLearningItem(trx: Transaction<Database>, region: string, id: string): Promise<LearningItemRow | undefined> {
  return trx.selectFrom("learning_items").selectAll().where("region_code", "=", region).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The view a write returns, from the row written and the links it wrote: no read after the write. */
export function viewOf(
  row: Pick<LearningItemRow, "region_code" | "id" | "title" | "summary" | "kind" | "state" | "audience" | "published_on" | "published_year" | "updated_at" | "version">,
  links: Pick<LearningItemContent, "themes" | "engagementIds" | "authorityIds" | "organisationIds">,
): LearningItemView {
  const sorted = (ids: readonly string[]) => [...ids].sort();
  return {
    regionCode: row.region_code,
    id: row.id,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    state: row.state,
    audience: row.audience,
    publishedOn: row.published_on,
    publishedYear: row.published_year,
    updatedAt: row.updated_at,
    version: row.version,
    themes: sorted(links.themes),
    engagementIds: sorted(links.engagementIds),
    authorityIds: sorted(links.authorityIds),
    organisationIds: sorted(links.organisationIds),
  };
}

/** What the audit row keeps of an item: its content and state, never more than the API shows. */
export const auditOf = (view: LearningItemView): Record<string, unknown> => ({ ...view });

export type { PublicationState, PlainDate };
