import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addTheme } from "./add-theme.js";
import { createLearningItem } from "./create-learning-item.js";
import { writeItem } from "./knowledge/test-library.js";
import { publishLearningItem } from "./publish-learning-item.js";
import { renameTheme } from "./rename-theme.js";
import { retireTheme } from "./retire-theme.js";
import { searchLearningItems } from "./search-learning-items.js";
import { COUNCIL, ENG_COUNCIL, KENSINGTON, REGION, SOUTHWARK, admin, adviser, funder, insertFixture, southwark } from "./test-support/fixture.js";
import { updateLearningItem } from "./update-learning-item.js";
import { withdrawLearningItem } from "./withdraw-learning-item.js";

const counts = async (test: TestDatabase) => {
  const out: Record<string, number> = {};
  for (const table of ["themes", "learning_items", "learning_item_themes", "learning_item_engagements", "audit_log"] as const)
    out[table] = Number((await test.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  return out;
};

describe.each(backends())("the learning library on %s", (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend, { maxConnections: 8 });
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  describe("the theme vocabulary", () => {
    it("holds every theme engagements use, and registers a new engagement's themes", async () => {
      const before = await test.db.selectFrom("themes").select(["code", "name"]).execute();
      expect(before).toEqual([{ code: "test", name: "test" }]);
      await test.db.updateTable("engagements").set({ themes: ["test", "court delays"] }).where("id", "=", ENG_COUNCIL).execute();
      const after = await test.db.selectFrom("themes").select("code").orderBy("code").execute();
      expect(after.map((t) => t.code)).toEqual(["court delays", "test"]);
    });

    it("adds, renames and retires a theme, each with an audit row, keeping its code", async () => {
      const added = await addTheme(test.db, admin, { name: "  Parental   mental health " });
      expect(added).toEqual({ ok: true, value: { code: "Parental mental health", name: "Parental mental health", retired: false } });
      const renamed = await renameTheme(test.db, admin, { code: "Parental mental health", name: "Think family" });
      expect(renamed).toEqual({ ok: true, value: { code: "Parental mental health", name: "Think family", retired: false } });
      const retired = await retireTheme(test.db, admin, { code: "Parental mental health" });
      expect(retired.ok && retired.value.retired).toBe(true);
      const audit = await test.db.selectFrom("audit_log").select(["action", "entity_id"]).orderBy("id").execute();
      expect(audit.map((a) => a.action)).toEqual(["addTheme", "renameTheme", "retireTheme"]);
      // Engagements filtered by the code still find it: renaming never touches them.
      await test.db.updateTable("engagements").set({ themes: ["Parental mental health"] }).where("id", "=", ENG_COUNCIL).execute();
      await renameTheme(test.db, admin, { code: "Parental mental health", name: "Family assessment" });
      const engagement = await test.db.selectFrom("engagements").select("themes").where("id", "=", ENG_COUNCIL).executeTakeFirstOrThrow();
      expect(engagement.themes).toEqual(["Parental mental health"]);
    });

    it("refuses a clashing or empty name, an unknown code, a second retirement and a non-admin, naming the field", async () => {
      const before = await counts(test);
      expect(await addTheme(test.db, admin, { name: "TEST" })).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "input.name" } });
      expect(await addTheme(test.db, admin, { name: "  " })).toMatchObject({ ok: false, error: { field: "input.name" } });
      expect(await renameTheme(test.db, admin, { code: "nope", name: "x" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND", field: "input.code" } });
      expect(await addTheme(test.db, adviser, { name: "x" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await retireTheme(test.db, southwark, { code: "test" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await counts(test)).toEqual(before);
      await retireTheme(test.db, admin, { code: "test" });
      expect(await retireTheme(test.db, admin, { code: "test" })).toMatchObject({ ok: false, error: { field: "input.code" } });
    });

    it.runIf(backend === "server")("lets one of two concurrent admins take a name, the other is refused on input.name", async () => {
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => addTheme(test.db, admin, { name: i % 2 === 0 ? "Court delays" : "court DELAYS" })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results.filter((r) => !r.ok)) expect(r, JSON.stringify(r)).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "input.name" } });
      const rows = await test.db.selectFrom("themes").select("code").where("code", "<>", "test").execute();
      expect(rows).toHaveLength(1);
    });
  });

  describe("learning items", () => {
    it("creates a draft with its links, publishes it with its year, updates it, withdraws it, each with an audit row", async () => {
      await addTheme(test.db, admin, { name: "court delays" });
      const created = await createLearningItem(test.db, adviser, {
        title: " Cutting delay in care proceedings ",
        summary: "A tri-borough protocol between children's services, Cafcass and the courts.",
        kind: "GOOD_PRACTICE",
        audience: "REGION_AUTHORITIES",
        themes: ["court delays"],
        engagementIds: [ENG_COUNCIL],
        authorityIds: [KENSINGTON],
        organisationIds: [COUNCIL],
      });
      expect(created).toMatchObject({ ok: true, value: { title: "Cutting delay in care proceedings", state: "DRAFT", publishedOn: null, themes: ["court delays"] } });
      const id = created.ok ? created.value.id : "";
      const published = await publishLearningItem(test.db, adviser, { learningItemId: id, publishedOn: "2011-01-27" });
      expect(published).toMatchObject({ ok: true, value: { state: "PUBLISHED", publishedOn: "2011-01-27", publishedYear: 2011, engagementIds: [ENG_COUNCIL] } });
      const updated = await updateLearningItem(test.db, admin, {
        learningItemId: id,
        expectedVersion: 2,
        title: "Cutting delay in care proceedings",
        summary: "Revised.",
        kind: "GUIDANCE",
        audience: "PUBLIC",
        themes: [],
      });
      expect(updated).toMatchObject({ ok: true, value: { kind: "GUIDANCE", state: "PUBLISHED", version: 3, themes: [], engagementIds: [] } });
      const stale = await updateLearningItem(test.db, admin, { learningItemId: id, expectedVersion: 2, title: "x", summary: "", kind: "GUIDANCE", audience: "PUBLIC" });
      expect(stale).toMatchObject({ ok: false, error: { field: "input.expectedVersion" } });
      const withdrawn = await withdrawLearningItem(test.db, adviser, { learningItemId: id });
      expect(withdrawn).toMatchObject({ ok: true, value: { state: "WITHDRAWN", publishedOn: "2011-01-27" } });
      expect(await withdrawLearningItem(test.db, adviser, { learningItemId: id })).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
      expect(await publishLearningItem(test.db, adviser, { learningItemId: id })).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
      expect(await updateLearningItem(test.db, admin, { learningItemId: id, title: "x", summary: "", kind: "GUIDANCE", audience: "PUBLIC" })).toMatchObject({
        ok: false,
        error: { code: "INVALID_TRANSITION" },
      });
      const audit = await test.db.selectFrom("audit_log").select(["action"]).where("entity", "=", "learning_item").orderBy("id").execute();
      expect(audit.map((a) => a.action)).toEqual(["createLearningItem", "publishLearningItem", "updateLearningItem", "withdrawLearningItem"]);
    });

    it("refuses bad input and unknown or retired links naming the field, writing nothing", async () => {
      await addTheme(test.db, admin, { name: "old" });
      await retireTheme(test.db, admin, { code: "old" });
      const base = { title: "A", summary: "", kind: "GOOD_PRACTICE", audience: "PUBLIC" };
      const before = await counts(test);
      const cases: [Record<string, unknown>, string, string][] = [
        [{ ...base, title: "" }, "VALIDATION", "input.title"],
        [{ ...base, kind: "RUMOUR" }, "VALIDATION", "input.kind"],
        [{ ...base, audience: "EVERYONE" }, "VALIDATION", "input.audience"],
        [{ ...base, summary: "x".repeat(4001) }, "VALIDATION", "input.summary"],
        [{ ...base, themes: ["test", "nope"] }, "NOT_FOUND", "input.themes.1"],
        [{ ...base, themes: ["old"] }, "VALIDATION", "input.themes.0"],
        [{ ...base, engagementIds: ["eng-missing"] }, "NOT_FOUND", "input.engagementIds.0"],
        [{ ...base, authorityIds: [SOUTHWARK, "E09999999"] }, "NOT_FOUND", "input.authorityIds.1"],
        [{ ...base, organisationIds: ["org-missing"] }, "NOT_FOUND", "input.organisationIds.0"],
      ];
      for (const [input, code, field] of cases) expect(await createLearningItem(test.db, adviser, input), field).toMatchObject({ ok: false, error: { code, field } });
      expect(await createLearningItem(test.db, southwark, base)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await createLearningItem(test.db, funder, base)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await publishLearningItem(test.db, adviser, { learningItemId: "nope" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND", field: "input.learningItemId" } });
      expect(await counts(test)).toEqual(before);
    });
  });

  describe("search", () => {
    let ids: Record<string, string>;
    beforeEach(async () => {
      for (const name of ["parental mental health", "disabled children", "court delays"]) await addTheme(test.db, admin, { name });
      ids = {
        family: await writeItem(test.db, adviser, {
          title: "A family assessment approach to parental mental health",
          summary: "Adult and children's services assess the whole family together when a parent has a mental illness.",
          themes: ["parental mental health"],
          engagementIds: [ENG_COUNCIL],
        }),
        disabled: await writeItem(
          test.db,
          adviser,
          {
            title: "Safeguarding disabled children",
            summary: "Practice guidance for boards on disabled children, whose abuse is under-reported; family support matters.",
            kind: "GUIDANCE",
            audience: "PUBLIC",
            themes: ["disabled children"],
            authorityIds: [KENSINGTON],
          },
          "2010-11-15",
        ),
        staff: await writeItem(test.db, adviser, { title: "Court delays: notes for advisers", summary: "Family court timetables.", audience: "REGION_STAFF", themes: ["court delays"] }),
        draft: await writeItem(test.db, adviser, { title: "Draft on family group conferences", summary: "family", audience: "PUBLIC" }, null),
      };
      await withdrawLearningItem(test.db, adviser, {
        learningItemId: await writeItem(test.db, adviser, { title: "Withdrawn family item", summary: "family", audience: "PUBLIC" }),
      });
    });
    const search = (reader: typeof adviser | { role: "REGION_ADMIN"; regionCode: string }, args: Record<string, unknown> = {}) =>
      searchLearningItems(test.db, reader, { region: REGION, first: 20, offset: 0, ...args });
    const titles = (r: Awaited<ReturnType<typeof search>>) => (r.ok ? r.value.hits.map((h) => h.item.id) : r.error);

    it("ranks matches by ts_rank and highlights the words found", async () => {
      const r = await search(adviser, { query: "parental mental health" });
      expect(titles(r)).toEqual([ids.family]);
      const hit = r.ok ? r.value.hits[0]! : null;
      expect(hit?.highlight).toMatch(/«mental» «illness»|«parent»/);
      expect(hit!.rank).toBeGreaterThan(0);
      const family = await search(adviser, { query: "family" });
      // Title matches (weight A) rank above summary-only matches (weight B).
      const inTitle = family.ok ? family.value.hits.map((h) => /family/i.test(h.item.title)) : [];
      expect(inTitle).toEqual([true, true, true, false, false]);
      expect(family.ok && family.value.totalCount).toBe(5);
      const phrase = await search(adviser, { query: '"disabled children" -court' });
      expect(titles(phrase)).toEqual([ids.disabled]);
    });

    it("filters by theme, kind, authority (listed, or through an engagement) and year, and pages", async () => {
      expect(titles(await search(adviser, { theme: "disabled children" }))).toEqual([ids.disabled]);
      expect(titles(await search(adviser, { kinds: ["GUIDANCE"] }))).toEqual([ids.disabled]);
      expect(titles(await search(adviser, { authority: KENSINGTON }))).toEqual([ids.disabled]);
      expect(titles(await search(adviser, { authority: SOUTHWARK }))).toEqual([ids.family]);
      expect(titles(await search(adviser, { year: 2010 }))).toEqual([ids.disabled]);
      const first = await search(adviser, { first: 2 });
      const second = await search(adviser, { first: 2, offset: 2 });
      const third = await search(adviser, { first: 2, offset: 4 });
      expect(first.ok && [first.value.hits.length, first.value.hasNextPage, first.value.totalCount]).toEqual([2, true, 5]);
      expect(third.ok && [third.value.hits.length, third.value.hasNextPage]).toEqual([1, false]);
      const all = [first, second, third].flatMap((p) => (p.ok ? p.value.hits.map((h) => h.item.id) : []));
      expect(new Set(all).size).toBe(5);
    });

    it("shows staff everything, an authority published items for authorities or the public, a funder no text, another region public items", async () => {
      expect((await search(adviser)).ok && (await search(adviser)).ok).toBe(true);
      const staff = await search(admin);
      expect(staff.ok && staff.value.totalCount).toBe(5);
      expect(new Set(titles(await search(southwark)) as string[])).toEqual(new Set([ids.family, ids.disabled]));
      const funding = await search(funder, { theme: "parental mental health" });
      expect(funding.ok && [funding.value.totalCount, funding.value.visibility.text]).toEqual([1, false]);
      expect(await search(funder, { query: "family" })).toMatchObject({ ok: false, error: { field: "query" } });
      expect(titles(await search({ role: "REGION_ADMIN", regionCode: "west-of-scotland" }))).toEqual([ids.disabled]);
      expect(titles(await search({ role: "REGION_ADMIN", regionCode: "west-of-scotland" }, { query: "family" }))).toEqual([ids.disabled]);
    });

    it("refuses bad arguments naming them", async () => {
      expect(await search(adviser, { first: 0 })).toMatchObject({ ok: false, error: { field: "first" } });
      expect(await search(adviser, { kinds: ["GUIDANCE", "GOSSIP"] })).toMatchObject({ ok: false, error: { field: "kinds.1" } });
      expect(await search(adviser, { year: 12 })).toMatchObject({ ok: false, error: { field: "year" } });
      expect(await search(adviser, { query: "x".repeat(201) })).toMatchObject({ ok: false, error: { field: "query" } });
      // Any words at all are a valid web search: punctuation never breaks the query.
      expect((await search(adviser, { query: "& | ! ( ' \"" })).ok).toBe(true);
    });
  });
});
