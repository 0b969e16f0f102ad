import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "./auth/viewer.js";
import { execute, type JsonData, StatementCounter, tokenFor } from "./testing/harness.js";
import { createGateway, type Gateway } from "./yoga.js";

// The knowledge hub through the gateway on the seeded London pilot: who sees what of the
// library, the case-review and dissemination reads, what each costs in SQL statements, and
// the access matrix of every new entry point.

const SOUTHWARK = "E09000028";
const LEWISHAM = "E09000023";

describe.each(backends())("the knowledge hub through the gateway on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  const counter = new StatementCounter();
  type Who = Role | "OTHER_REGION" | "OTHER_AUTHORITY" | "OTHER_FUNDER" | "LEWISHAM" | "NONE";
  const tokens = {} as Record<Exclude<Who, "NONE">, string>;
  const tokenOf = (who: Who) => (who === "NONE" ? null : tokens[who]);
  const everyone: Who[] = ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_REGION", "OTHER_FUNDER", "OTHER_AUTHORITY", "NONE"];

  const run = async (query: string, variables: Record<string, unknown> = {}, who: Who = "REGION_ADMIN") => {
    counter.reset();
    return execute<Record<string, unknown>>(gateway, query, { variables, token: tokenOf(who) });
  };
  const ok = async (query: string, variables: Record<string, unknown> = {}, who: Who = "REGION_ADMIN") => {
    const response = await run(query, variables, who);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data as JsonData;
  };
  const auditRows = async () => Number((await database.db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    database = await createTestDatabase(backend, { log: counter.log });
    await seedLondonPilot(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" }, reportCache: false });
    tokens.REGION_ADMIN = await tokenFor({ role: "REGION_ADMIN", region: "london" });
    tokens.ADVISER = await tokenFor({ role: "ADVISER", region: "london" });
    tokens.AUTHORITY = await tokenFor({ role: "AUTHORITY", region: "london", authority: SOUTHWARK });
    tokens.LEWISHAM = await tokenFor({ role: "AUTHORITY", region: "london", authority: LEWISHAM });
    tokens.FUNDER = await tokenFor({ role: "FUNDER", region: "london", funder: "fnd-dfe" });
    tokens.OTHER_REGION = await tokenFor({ role: "REGION_ADMIN", region: "west-of-scotland" });
    tokens.OTHER_AUTHORITY = await tokenFor({ role: "AUTHORITY", region: "london", authority: "E09000020" });
    tokens.OTHER_FUNDER = await tokenFor({ role: "FUNDER", region: "london", funder: "fnd-not-a-funder" });
  });
  afterAll(() => database?.close());

  const search = `query($query: String, $theme: String, $first: Int, $after: String) {
    searchLearningItems(region: "london", query: $query, theme: $theme, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { highlight node { code title state audience themes } }
    } }`;
  const codes = (data: JsonData) => (data.searchLearningItems.edges as { node: { code: string } }[]).map((e) => e.node.code).sort();

  describe("the library", () => {
    it("shows staff everything, an authority what is published for it, another region the public items", async () => {
      expect(codes(await ok(search, {}, "ADVISER"))).toEqual(["li-0001", "li-0002", "li-0003", "li-0004", "li-0005", "li-0006"]);
      expect(codes(await ok(search, {}, "AUTHORITY"))).toEqual(["li-0001", "li-0002", "li-0003", "li-0004"]);
      expect(codes(await ok(search, {}, "OTHER_REGION"))).toEqual(["li-0003", "li-0004"]);
    });

    it("gives a funder counts and themes, never text, and no text query", async () => {
      const counts = await ok(`{ searchLearningItems(region: "london", theme: "serious case reviews") { totalCount edges { node { themes kind } } } }`, {}, "FUNDER");
      expect(counts.searchLearningItems).toEqual({ totalCount: 1, edges: [{ node: { themes: ["SCIE", "learning", "serious case reviews"], kind: "CASE_REVIEW_LEARNING" } }] });
      const text = await run(`{ searchLearningItems(region: "london") { edges { node { title } } } }`, {}, "FUNDER");
      expect(text.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const query = await run(`{ searchLearningItems(region: "london", query: "family") { totalCount } }`, {}, "FUNDER");
      expect(query.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "query" });
      const byTheme = await ok(`{ searchLearningItems(region: "london", first: 1) { totalCount themeCounts { theme count } } }`, {}, "FUNDER");
      // The funder's right, the page, the counts by theme over every page.
      expect(counter.count).toBe(3);
      expect(byTheme.searchLearningItems.totalCount).toBe(4);
      expect(byTheme.searchLearningItems.themeCounts).toContainEqual({ theme: "serious case reviews", count: 1 });
      expect(byTheme.searchLearningItems.themeCounts.reduce((n: number, t: { count: number }) => n + t.count, 0)).toBe(9);
      // A funder that does not fund the region reads it as an outsider: public items, no text.
      const outsider = await ok(`{ searchLearningItems(region: "london") { totalCount } }`, {}, "OTHER_FUNDER");
      expect(outsider.searchLearningItems.totalCount).toBe(2);
    });

    it("ranks and highlights a query, and pages by cursor", async () => {
      const found = await ok(search, { query: "parental mental health" }, "AUTHORITY");
      expect(found.searchLearningItems.edges[0].node.code).toBe("li-0002");
      expect(found.searchLearningItems.edges[0].highlight).toMatch(/«parent»|«mental»/);
      const first = await ok(search, { first: 2 }, "ADVISER");
      expect(first.searchLearningItems.pageInfo.hasNextPage).toBe(true);
      const second = await ok(search, { first: 10, after: first.searchLearningItems.pageInfo.endCursor }, "ADVISER");
      expect([...codes(first), ...codes(second)].sort()).toEqual(["li-0001", "li-0002", "li-0003", "li-0004", "li-0005", "li-0006"]);
      const bad = await run(search, { after: "bm9wZQ" }, "ADVISER");
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "after" });
    });

    it("costs one statement per page whatever its size (and a funder's right once)", async () => {
      await ok(search, { first: 2 }, "ADVISER");
      const small = counter.count;
      await ok(search, { first: 50, query: "safeguarding" }, "ADVISER");
      expect([small, counter.count]).toEqual([1, 1]);
      await ok(`{ searchLearningItems(region: "london") { totalCount } }`, {}, "FUNDER");
      expect(counter.count).toBe(2);
    });

    it("lists the theme vocabulary in one statement", async () => {
      const data = await ok(`{ region(code: "london") { themes { code name retired } } }`, {}, "FUNDER");
      // The region, the funder's right to it, the vocabulary.
      expect(counter.count).toBe(3);
      expect(data.region.themes).toHaveLength(57);
      expect(data.region.themes).toContainEqual({ code: "court delays", name: "court delays", retired: false });
    });
  });

  describe("case reviews", () => {
    it("lists overdue recommendations as of a date in one statement, an authority its own area's", async () => {
      const query = `{ overdueRecommendations(region: "london", asOf: "2011-11-30") { code position status dueOn overdue ownerCode } }`;
      const staff = await ok(query);
      expect(counter.count).toBe(1);
      expect(staff.overdueRecommendations).toEqual([
        { code: "cr-0001.2", position: 2, status: "IN_PROGRESS", dueOn: "2011-09-30", overdue: true, ownerCode: `org-${LEWISHAM}-health` },
        { code: "cr-0001.5", position: 5, status: "OPEN", dueOn: "2011-11-01", overdue: true, ownerCode: "org-london-lscb" },
      ]);
      expect((await ok(query, {}, "LEWISHAM")).overdueRecommendations.map((r: { code: string }) => r.code)).toEqual(["cr-0001.2"]);
      expect((await ok(query, {}, "AUTHORITY")).overdueRecommendations).toEqual([]);
      const evidence = await run(`{ overdueRecommendations(region: "london", asOf: "2011-11-30") { evidence } }`, {}, "LEWISHAM");
      expect(evidence.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("reports per board and region in one statement: statuses, overdue, median days to close", async () => {
      const data = await ok(
        `{ caseReviewReport(region: "london", asOf: "2011-11-30") { region { reviews total open inProgress evidenced closed overdue medianDaysToClose }
           boards { boardCode boardName tally { total overdue } } } }`,
        {},
        "FUNDER",
      );
      expect(counter.count).toBe(2);
      expect(data.caseReviewReport.region).toEqual({ reviews: 1, total: 5, open: 2, inProgress: 1, evidenced: 1, closed: 1, overdue: 2, medianDaysToClose: 98 });
      expect(data.caseReviewReport.boards).toEqual([
        { boardCode: `org-${LEWISHAM}-lscb`, boardName: expect.stringContaining("Lewisham"), tally: { total: 5, overdue: 2 } },
      ]);
    });

    it("shows staff the reviews with their recommendations, batched", async () => {
      const data = await ok(`{ region(code: "london") { caseReviews { code scope recommendations { code status daysToClose evidence } } } }`);
      expect(counter.count).toBe(3);
      expect(data.region.caseReviews[0].recommendations[0]).toEqual({ code: "cr-0001.1", status: "CLOSED", daysToClose: 98, evidence: expect.any(String) });
    });
  });

  describe("dissemination", () => {
    it("names the authorities a learning item reached through attended events, and those it did not", async () => {
      const data = await ok(
        `{ disseminationReport(region: "london", learningItem: "li-0001") { reachedCount notReachedCount reached { authority { code } channels } notReached { code } } }`,
        {},
        "FUNDER",
      );
      expect(counter.count).toBe(3);
      const report = data.disseminationReport;
      expect(report.reached.map((r: { authority: { code: string } }) => r.authority.code)).toEqual(["E09000005", "E09000012", LEWISHAM, SOUTHWARK, "E09000030"]);
      expect(report.reached.every((r: { channels: string[] }) => r.channels.join() === "EVENT")).toBe(true);
      expect([report.reachedCount, report.notReachedCount, report.notReached.length]).toEqual([5, 28, 28]);
    });

    it("counts an engagement with delivered work on the theme", async () => {
      const data = await ok(`{ disseminationReport(region: "london", theme: "think family") { reached { authority { code } channels } } }`);
      expect(data.disseminationReport.reached).toContainEqual({ authority: { code: "E09000020" }, channels: ["ENGAGEMENT"] });
      const both = await run(`{ disseminationReport(region: "london", theme: "x", learningItem: "li-0001") { reachedCount } }`);
      expect(both.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "learningItemId" });
    });
  });

  describe("access matrix", () => {
    const reads: Record<string, { query: string; allowed: Who[] }> = {
      searchLearningItems: {
        query: `{ searchLearningItems(region: "london") { totalCount } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_REGION", "OTHER_FUNDER", "OTHER_AUTHORITY"],
      },
      overdueRecommendations: {
        query: `{ overdueRecommendations(region: "london", asOf: "2011-11-30") { code } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "OTHER_AUTHORITY"],
      },
      caseReviewReport: {
        query: `{ caseReviewReport(region: "london", asOf: "2011-11-30") { region { total } } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"],
      },
      disseminationReport: {
        query: `{ disseminationReport(region: "london", theme: "learning") { reachedCount } }`,
        allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"],
      },
      themes: { query: `{ region(code: "london") { themes { code } } }`, allowed: ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "OTHER_AUTHORITY"] },
      caseReviews: { query: `{ region(code: "london") { caseReviews { code } } }`, allowed: ["REGION_ADMIN", "ADVISER"] },
      knowledgeEvents: { query: `{ region(code: "london") { knowledgeEvents { code invitations { attended } } } }`, allowed: ["REGION_ADMIN", "ADVISER"] },
    };
    for (const [entry, { query, allowed }] of Object.entries(reads)) {
      it.each(everyone)(`${entry} as %s`, async (who) => {
        const response = await run(query, {}, who);
        const value = (data: Record<string, unknown> | null | undefined) => {
          const top = Object.values(data ?? {})[0] as Record<string, unknown> | null | undefined;
          return entry === "themes" || entry === "caseReviews" || entry === "knowledgeEvents" ? (top?.[entry] ?? null) : (top ?? null);
        };
        if (allowed.includes(who)) {
          expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
          expect(value(response.data)).not.toBeNull();
        } else {
          expect(response.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
          expect(value(response.data)).toBeNull();
        }
      });
    }

    it("each mutation refuses the roles USE_CASE_ROLES does not allow, as ForbiddenError, writing nothing", async () => {
      const staff: Who[] = ["REGION_ADMIN", "ADVISER"];
      let n = 0;
      const unique = () => `Theme ${++n}`;
      const attempts: Record<string, { type: string; input: (who: Who) => Promise<Record<string, unknown>> | Record<string, unknown>; allowed: Who[] }> = {
        addTheme: { type: "AddThemeInput", input: () => ({ name: unique() }), allowed: ["REGION_ADMIN"] },
        renameTheme: { type: "RenameThemeInput", input: () => ({ code: "learning", name: unique() }), allowed: ["REGION_ADMIN"] },
        retireTheme: { type: "RetireThemeInput", input: () => ({ code: "SCIE" }), allowed: ["REGION_ADMIN"] },
        createLearningItem: {
          type: "CreateLearningItemInput",
          input: () => ({ title: "Briefing notes", summary: "", kind: "THEMATIC_BRIEFING", audience: "PUBLIC", themes: ["court delays"], engagementIds: ["eng-0001"] }),
          allowed: staff,
        },
        updateLearningItem: {
          type: "UpdateLearningItemInput",
          input: () => ({ learningItemId: "li-0002", title: "A family assessment approach to parental mental health", summary: "Revised.", kind: "GOOD_PRACTICE", audience: "REGION_AUTHORITIES" }),
          allowed: staff,
        },
        publishLearningItem: { type: "PublishLearningItemInput", input: (who) => ({ learningItemId: who === "ADVISER" ? "li-0005" : draftId }), allowed: staff },
        withdrawLearningItem: { type: "WithdrawLearningItemInput", input: (who) => ({ learningItemId: who === "ADVISER" ? "li-0006" : "li-0004" }), allowed: staff },
        recordCaseReview: {
          type: "RecordCaseReviewInput",
          input: () => ({
            title: "National review",
            scope: "NATIONAL",
            boardOrganisationId: "org-london-lscb",
            publishedOn: "2011-10-01",
            recommendations: [{ text: "Share it.", ownerOrganisationId: "org-london-lscb", dueOn: "2012-01-31" }],
          }),
          allowed: staff,
        },
        progressRecommendation: {
          type: "ProgressRecommendationInput",
          input: (who) => ({ recommendationId: who === "ADVISER" ? "cr-0001.3" : "cr-0001.5", status: "IN_PROGRESS", on: "2011-11-30" }),
          allowed: staff,
        },
        recordKnowledgeEvent: {
          type: "RecordKnowledgeEventInput",
          input: () => ({ kind: "LEGAL_TRAINING", title: "Legal training for safeguarding professionals", heldOn: "2012-01-19", invitedOrganisationIds: ["org-E09000028-council"] }),
          allowed: staff,
        },
        recordEventAttendance: {
          type: "RecordEventAttendanceInput",
          input: () => ({ eventId: "ev-0001", attendance: [{ organisationId: "org-E09000008-council", attended: true }] }),
          allowed: staff,
        },
      };
      // A second draft for the admin to publish.
      const draft = await ok(
        `mutation { createLearningItem(input: { title: "Draft", summary: "", kind: GUIDANCE, audience: PUBLIC }) { ... on LearningItemPayload { learningItem { code } } } }`,
      );
      const draftId: string = draft.createLearningItem.learningItem.code;
      for (const [name, attempt] of Object.entries(attempts)) {
        const query = `mutation($input: ${attempt.type}!) { result: ${name}(input: $input) { __typename ... on Error { code message } } }`;
        for (const who of everyone.filter((w) => !attempt.allowed.includes(w))) {
          const before = await auditRows();
          const response = await run(query, { input: await attempt.input(who) }, who);
          expect(response.errors, `${name} as ${who}: ${JSON.stringify(response.errors)}`).toBeUndefined();
          expect((response.data!.result as { __typename: string }).__typename, `${name} as ${who}`).toMatch(who === "OTHER_REGION" ? /Error$/ : /^ForbiddenError$/);
          expect(await auditRows(), `${name} as ${who}`).toBe(before);
        }
        for (const who of attempt.allowed) {
          const before = await auditRows();
          const response = await run(query, { input: await attempt.input(who) }, who);
          expect((response.data!.result as { __typename: string }).__typename, `${name} as ${who}: ${JSON.stringify(response)}`).toMatch(/Payload$/);
          expect(await auditRows(), `${name} as ${who}`).toBe(before + 1);
        }
      }
    });

    it("writes a learning item with its links in one transaction of fixed statements, then finds it", async () => {
      const create = `mutation($input: CreateLearningItemInput!) { createLearningItem(input: $input) { ... on LearningItemPayload { learningItem { code state themes engagementCodes } } } }`;
      const input = (links: number) => ({
        title: "Legal planning meetings shorten care proceedings",
        summary: "Earlier legal planning.",
        kind: "GOOD_PRACTICE",
        audience: "PUBLIC",
        themes: ["court delays", "care proceedings"].slice(0, links),
        engagementIds: ["eng-0001", "eng-0002"].slice(0, links),
      });
      await ok(create, { input: input(1) });
      const one = counter.sql.length;
      const data = await ok(create, { input: input(2) });
      // begin, themes, engagements, the item, its themes, its engagements, the audit row, commit.
      expect([one, counter.sql.length]).toEqual([8, 8]);
      expect(counter.sql[0]).toMatch(/^begin/i);
      expect(counter.sql.at(-1)).toMatch(/^commit/i);
      const item = data.createLearningItem.learningItem;
      expect(item).toMatchObject({ state: "DRAFT", themes: ["care proceedings", "court delays"], engagementCodes: ["eng-0001", "eng-0002"] });
      await ok(`mutation($id: ID!) { publishLearningItem(input: { learningItemId: $id, publishedOn: "2011-12-01" }) { __typename } }`, { id: item.code });
      const found = await ok(search, { query: "legal planning" }, "OTHER_REGION");
      expect(codes(found)).toEqual([item.code]);
    });

    it("answers bad input with the typed error naming the field, writing nothing", async () => {
      const before = await auditRows();
      const create = `mutation($input: CreateLearningItemInput!) { createLearningItem(input: $input) { __typename ... on ValidationError { field } ... on NotFoundError { missing: field } } }`;
      const base = { title: "x", summary: "", kind: "GUIDANCE", audience: "PUBLIC" };
      expect((await ok(create, { input: { ...base, themes: ["no such theme"] } })).createLearningItem).toEqual({ __typename: "NotFoundError", missing: "input.themes.0" });
      expect((await ok(create, { input: { ...base, title: " " } })).createLearningItem).toEqual({ __typename: "ValidationError", field: "input.title" });
      const progress = `mutation($input: ProgressRecommendationInput!) { progressRecommendation(input: $input) { __typename ... on ValidationError { field } } }`;
      expect((await ok(progress, { input: { recommendationId: "cr-0001.1", status: "OPEN", on: "2011-12-01" } })).progressRecommendation).toEqual({ __typename: "InvalidTransitionError" });
      expect((await ok(progress, { input: { recommendationId: "cr-0001.2", status: "EVIDENCED", on: "2011-12-01" } })).progressRecommendation).toEqual({
        __typename: "ValidationError",
        field: "input.evidence",
      });
      expect(await auditRows()).toBe(before);
    });
  });
});
