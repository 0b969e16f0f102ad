import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAsOwner } from "../connection/app-role.js";
import { mapDatabaseError } from "../errors/index.js";
import {
  backends,
  createTestDatabase,
  insertMinimalRegion,
  MINIMAL,
  type TestDatabase,
} from "../test-support/index.js";

const { regionCode, organisationId, engagementId } = MINIMAL;

const line = (statementId: string, lineNo: number) => ({
  region_code: regionCode,
  statement_id: statementId,
  line_no: lineNo,
  kind: "CHARGE" as const,
  engagement_id: engagementId,
  description: "Project support",
  delivered_on: "2010-07-01",
  units: 2,
  free_units: 0,
  charged_units: 2,
  rate_pence: 60_000,
  amount_pence: 120_000,
});

const adjustment = (id: string, applied: string | null) => ({
  region_code: regionCode,
  id,
  organisation_id: organisationId,
  against_statement_id: null,
  units_delta: 0,
  amount_pence: 500,
  reason: "period recomputed",
  applied_statement_id: applied,
  period_start: "2010-06-01",
  period_end: "2010-06-30",
  billed_pence: 0,
  recomputed_pence: 500,
});

describe.each(backends())("the freeze of issued statements on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertMinimalRegion(test.db);
    // Issued in one transaction with its line, as insertIssuedStatement writes it.
    await test.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("statements")
        .values({
          region_code: regionCode,
          id: "st-1",
          organisation_id: organisationId,
          period_start: "2010-07-01",
          period_end: "2010-07-31",
          issued_at: new Date("2010-08-01T09:00:00Z"),
          issued_by: "admin",
          total_pence: 120_500,
        })
        .execute();
      await trx.insertInto("statement_lines").values(line("st-1", 1)).execute();
      await trx.insertInto("adjustments").values(adjustment("adj-1", "st-1")).execute();
    });
    await test.db
      .insertInto("statements")
      .values({ region_code: regionCode, id: "st-draft", organisation_id: organisationId, period_start: "2010-08-01", period_end: "2010-08-31" })
      .execute();
  });
  afterEach(async () => {
    await test.close();
  });

  async function refusal(write: Promise<unknown>) {
    const error = await write.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    return mapDatabaseError(error);
  }

  async function counts() {
    const { rows } = await sql<{ statements: number; lines: number; adjustments: number; audit: number }>`
      select (select count(*) from statements) as statements, (select count(*) from statement_lines) as lines,
             (select count(*) from adjustments) as adjustments, (select count(*) from audit_log) as audit`.execute(test.db);
    return rows[0];
  }

  it("refuses a new line on an issued statement, and still takes one on a draft", async () => {
    const added = await refusal(test.db.insertInto("statement_lines").values(line("st-1", 2)).execute());
    expect(added).toMatchObject({ code: "VALIDATION", field: "statementId" });
    await test.db.insertInto("statement_lines").values(line("st-draft", 1)).execute();
    const lines = await test.db.selectFrom("statement_lines").select(["statement_id", "line_no"]).orderBy("statement_id").execute();
    expect(lines).toEqual([
      { statement_id: "st-1", line_no: 1 },
      { statement_id: "st-draft", line_no: 1 },
    ]);
  });

  it("refuses an adjustment added to, moved onto, changed on or taken off an issued statement", async () => {
    const added = await refusal(test.db.insertInto("adjustments").values(adjustment("adj-2", "st-1")).execute());
    expect(added).toMatchObject({ code: "VALIDATION", field: "statementId" });

    await test.db.insertInto("adjustments").values(adjustment("adj-3", null)).execute();
    const moved = await refusal(
      test.db.updateTable("adjustments").set({ applied_statement_id: "st-1" }).where("id", "=", "adj-3").execute(),
    );
    expect(moved).toMatchObject({ code: "VALIDATION", field: "statementId" });
    const changed = await refusal(
      test.db.updateTable("adjustments").set({ amount_pence: 0 }).where("id", "=", "adj-1").execute(),
    );
    expect(changed).toMatchObject({ code: "VALIDATION", field: "statementId" });
    const removed = await refusal(test.db.deleteFrom("adjustments").where("id", "=", "adj-1").execute());
    expect(removed).toMatchObject({ code: "VALIDATION", field: "statementId" });

    // A pending adjustment may still be carried by a draft.
    await test.db.updateTable("adjustments").set({ applied_statement_id: "st-draft" }).where("id", "=", "adj-3").execute();
    const rows = await test.db.selectFrom("adjustments").select(["id", "applied_statement_id", "amount_pence"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: "adj-1", applied_statement_id: "st-1", amount_pence: 500 },
      { id: "adj-3", applied_statement_id: "st-draft", amount_pence: 500 },
    ]);
  });

  it("refuses to TRUNCATE statements, their lines, adjustments and the audit log, even for the owner", async () => {
    await test.db
      .insertInto("audit_log")
      .values({ region_code: regionCode, actor: "admin", action: "ISSUE", entity: "statement", entity_id: "st-1" })
      .execute();
    const before = await counts();
    const refusals = await runAsOwner(test.db, async (owner) => {
      const found: Record<string, unknown> = {};
      for (const table of ["statements", "statement_lines", "adjustments", "audit_log"]) {
        found[table] = await refusal(sql`truncate ${sql.table(table)} cascade`.execute(owner));
      }
      return found;
    });
    expect(refusals).toEqual({
      statements: expect.objectContaining({ code: "VALIDATION", field: "statementId" }),
      statement_lines: expect.objectContaining({ code: "VALIDATION", field: "statementId" }),
      adjustments: expect.objectContaining({ code: "VALIDATION", field: "statementId" }),
      audit_log: expect.objectContaining({ code: "VALIDATION", field: "auditLog" }),
    });
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ statements: 2, lines: 1, adjustments: 1, audit: 1 });
  });
});

// Concurrency needs sessions of its own: the server only (PGlite is one session).
describe.skipIf(!process.env.DATABASE_URL)("the freeze under concurrency on the server", () => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase("server", { maxConnections: 4 });
    await insertMinimalRegion(test.db);
    await test.db
      .insertInto("statements")
      .values({ region_code: regionCode, id: "st-draft", organisation_id: organisationId, period_start: "2010-08-01", period_end: "2010-08-31" })
      .execute();
  });
  afterEach(async () => {
    await test.close();
  });

  it("refuses a line racing the transaction that issues the draft, once that one commits", async () => {
    let issuedUncommitted!: () => void;
    const issuing = new Promise<void>((resolve) => {
      issuedUncommitted = resolve;
    });
    let commit!: () => void;
    const mayCommit = new Promise<void>((resolve) => {
      commit = resolve;
    });
    const issue = test.db.transaction().execute(async (trx) => {
      await trx.updateTable("statements").set({ issued_at: new Date("2010-09-01T09:00:00Z") }).where("id", "=", "st-draft").execute();
      issuedUncommitted();
      await mayCommit;
    });
    await issuing;
    // The line's trigger reads the statement while it is still a draft to everyone else.
    const addLine = test.db.insertInto("statement_lines").values(line("st-draft", 1)).execute().then(
      () => undefined,
      (e: unknown) => e,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();
    await issue;
    expect(mapDatabaseError(await addLine)).toMatchObject({ code: "VALIDATION", field: "statementId" });
    expect(await test.db.selectFrom("statement_lines").select("line_no").execute()).toEqual([]);
  });
});
