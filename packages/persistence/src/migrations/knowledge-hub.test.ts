import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { backends, emptyDatabase, insertMinimalRegion, MINIMAL } from "../test-support/index.js";
import { migrateToLatest, migrations } from "./index.js";

// Migration 0014 over a region written before it: the free-text themes engagements carry
// become the vocabulary, as written, dated by the first engagement that used them; later
// engagements register theirs; and the library's search column is built by the database.

const THIS = "2026-12-03-0014-knowledge-hub";
const { regionCode, engagementId } = MINIMAL;

describe.each(backends())("migration 0014 on %s", (backend) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  it("turns engagements' themes into the vocabulary without touching them, and keeps it complete", async () => {
    const empty = await emptyDatabase(backend);
    dispose = empty.dispose;
    const { db } = empty.app;
    await migrateToLatest(db, { migrations: Object.fromEntries(Object.entries(migrations).filter(([name]) => name < THIS)) });
    await insertMinimalRegion(db);
    await db.updateTable("engagements").set({ themes: ["court delays", "Court delays", "police"] }).execute();
    const before = await db.selectFrom("engagements").selectAll().execute();

    await migrateToLatest(db);
    const themes = (await db.selectFrom("themes").select(["region_code", "code", "name", "retired_at"]).execute()).sort((a, b) =>
      a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1,
    );
    // Two spellings of one theme in old data stay two codes; names stay unique in any case.
    expect(themes.map((t) => [t.code, t.name])).toEqual([
      ["Court delays", "Court delays"],
      ["court delays", "court delays (2)"],
      ["police", "police"],
    ]);
    expect(themes.every((t) => t.region_code === regionCode && t.retired_at === null)).toBe(true);
    const requested = before[0]!.requested_at;
    const dated = await db.selectFrom("themes").select("created_at").where("code", "=", "police").executeTakeFirstOrThrow();
    expect(dated.created_at.getTime()).toBe(requested.getTime());
    // Engagements and their filters are untouched.
    expect(await db.selectFrom("engagements").selectAll().execute()).toEqual(before);

    await db.updateTable("engagements").set({ themes: ["early help", "POLICE", "early help"] }).where("id", "=", engagementId).execute();
    const added = await db.selectFrom("themes").select(["code", "name"]).where("code", "in", ["early help", "POLICE"]).execute();
    // Sorted here: the server's collation and the embedded one order letter cases differently.
    expect(added.sort((a, b) => (a.code < b.code ? -1 : 1))).toEqual([
      { code: "POLICE", name: "POLICE (2)" },
      { code: "early help", name: "early help" },
    ]);

    await db
      .insertInto("learning_items")
      .values({
        region_code: regionCode,
        id: "li-1",
        title: "Delay in care proceedings",
        summary: "Police and courts",
        kind: "GOOD_PRACTICE",
        state: "DRAFT",
        audience: "PUBLIC",
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    const found = await sql<{ id: string }>`select id from learning_items
      where search @@ websearch_to_tsquery('english', 'delays court')`.execute(db);
    expect(found.rows).toEqual([{ id: "li-1" }]);
    // A draft carries no publication date; a published item must.
    await expect(db.updateTable("learning_items").set({ state: "PUBLISHED" }).execute()).rejects.toThrow(/learning_items_publication_dated/);
  });
});
