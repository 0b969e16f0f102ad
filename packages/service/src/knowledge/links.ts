import { type NotFoundError, notFound, type ValidationError, invalid } from "@adviser-hub/domain";
import type { Database } from "@adviser-hub/persistence";
import type { Transaction } from "kysely";

// What learning items, case reviews and events point at must exist in the caller's region,
// and a theme they take must be current. One statement per kind of link, whatever the count.

type Refusal = ValidationError | NotFoundError;

/** The first of `ids` missing from `found`, as the error naming its position under `field`. */
function firstMissing(entity: string, ids: readonly string[], found: ReadonlySet<string>, field: string): Refusal | null {
  const index = ids.findIndex((id) => !found.has(id));
  return index < 0 ? null : notFound(entity, ids[index]!, `${field}.${index}`);
}

/** Themes must be in the vocabulary and not retired. */
export async function checkThemes(trx: Transaction<Database>, region: string, codes: readonly string[], field: string): Promise<Refusal | null> {
  if (codes.length === 0) return null;
  const rows = await trx
    .selectFrom("themes")
    .select(["code", "retired_at"])
    .where("region_code", "=", region)
    .where("code", "in", [...codes])
    .execute();
  const missing = firstMissing("theme", codes, new Set(rows.map((r) => r.code)), field);
  if (missing) return missing;
  const retired = codes.findIndex((code) => rows.some((r) => r.code === code && r.retired_at !== null));
  if (retired >= 0) {
    const refusal = invalid(`${field}.${retired}`, `theme '${codes[retired]}' is retired`);
    return refusal.error;
  }
  return null;
}

export async function checkIds(
  trx: Transaction<Database>,
  table: "engagements" | "authorities" | "organisations" | "learning_items",
  entity: string,
  region: string,
  ids: readonly string[],
  field: string,
): Promise<Refusal | null> {
  if (ids.length === 0) return null;
  const rows = await trx
    .selectFrom(table as "engagements")
    .select("id")
    .where("region_code", "=", region)
    .where("id", "in", [...ids])
    .execute();
  return firstMissing(entity, ids, new Set(rows.map((r) => r.id)), field);
}

/** Every link of a learning item, checked in turn; the first refusal, naming its field. */
export async function checkLearningItemLinks(
  trx: Transaction<Database>,
  region: string,
  content: {
    readonly themes: readonly string[];
    readonly engagementIds: readonly string[];
    readonly authorityIds: readonly string[];
    readonly organisationIds: readonly string[];
  },
): Promise<Refusal | null> {
  return (
    (await checkThemes(trx, region, content.themes, "input.themes")) ??
    (await checkIds(trx, "engagements", "engagement", region, content.engagementIds, "input.engagementIds")) ??
    (await checkIds(trx, "authorities", "authority", region, content.authorityIds, "input.authorityIds")) ??
    (await checkIds(trx, "organisations", "organisation", region, content.organisationIds, "input.organisationIds"))
  );
}

/** Replaces a learning item's links with `content`'s: delete then insert, in the caller's transaction. */
export async function writeLearningItemLinks(
  trx: Transaction<Database>,
  region: string,
  itemId: string,
  content: {
    readonly themes: readonly string[];
    readonly engagementIds: readonly string[];
    readonly authorityIds: readonly string[];
    readonly organisationIds: readonly string[];
  },
  replace: boolean,
): Promise<void> {
  const key = { region_code: region, learning_item_id: itemId };
  if (replace) {
    for (const table of ["learning_item_themes", "learning_item_engagements", "learning_item_authorities", "learning_item_organisations"] as const)
      await trx.deleteFrom(table).where("region_code", "=", region).where("learning_item_id", "=", itemId).execute();
  }
  if (content.themes.length > 0)
    await trx.insertInto("learning_item_themes").values(content.themes.map((theme_code) => ({ ...key, theme_code }))).execute();
  if (content.engagementIds.length > 0)
    await trx.insertInto("learning_item_engagements").values(content.engagementIds.map((engagement_id) => ({ ...key, engagement_id }))).execute();
  if (content.authorityIds.length > 0)
    await trx.insertInto("learning_item_authorities").values(content.authorityIds.map((authority_id) => ({ ...key, authority_id }))).execute();
  if (content.organisationIds.length > 0)
    await trx
      .insertInto("learning_item_organisations")
      .values(content.organisationIds.map((organisation_id) => ({ ...key, organisation_id })))
      .execute();
}
