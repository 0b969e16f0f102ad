import type { Kysely } from "kysely";
import type { Database } from "@adviser-hub/persistence";
import { type CommandActor, createLearningItem, publishLearningItem } from "../index.js";

/** Writes a learning item through the use cases and publishes it unless asked for a draft. */
export async function writeItem(
  db: Kysely<Database>,
  actor: CommandActor,
  fields: Record<string, unknown>,
  publishedOn: string | null = "2011-01-27",
): Promise<string> {
  const created = await createLearningItem(db, actor, { summary: "", kind: "GOOD_PRACTICE", audience: "REGION_AUTHORITIES", themes: [], ...fields });
  if (!created.ok) throw new Error(`createLearningItem: ${JSON.stringify(created.error)}`);
  if (publishedOn !== null) {
    const published = await publishLearningItem(db, actor, { learningItemId: created.value.id, publishedOn });
    if (!published.ok) throw new Error(`publishLearningItem: ${JSON.stringify(published.error)}`);
  }
  return created.value.id;
}
