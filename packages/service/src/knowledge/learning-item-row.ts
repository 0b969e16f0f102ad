import type { LearningItemContent, PublicationState, PlainDate } from "@adviser-hub/domain";
import { type Database, type LearningItemRow, type LearningItemView, learningItemView } from "@adviser-hub/persistence";
import type { Transaction } from "kysely";

/** The item `id` of the region, locked for the change. */
export function lockLearningItem(trx: Transaction<Database>, region: string, id: string): Promise<LearningItemRow | undefined> {
  return trx.selectFrom("learning_items").selectAll().where("region_code", "=", region).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The view a write returns, from the row written and the links it wrote: no read after the write. */
export function viewOf(
  row: Parameters<typeof learningItemView>[0],
  links: Pick<LearningItemContent, "themes" | "engagementIds" | "authorityIds" | "organisationIds">,
): LearningItemView {
  // In code order, as a read lists them.
  const sorted = (ids: readonly string[]) => [...ids].sort();
  return learningItemView(row, {
    themes: sorted(links.themes),
    engagementIds: sorted(links.engagementIds),
    authorityIds: sorted(links.authorityIds),
    organisationIds: sorted(links.organisationIds),
  });
}

/** What the audit row keeps of an item: its content and state, never more than the API shows. */
export const auditOf = (view: LearningItemView): Record<string, unknown> => ({ ...view });

export type { PublicationState, PlainDate };
