import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mapDatabaseError } from "../errors/index.js";
import {
  backends,
  createTestDatabase,
  insertMinimalRegion,
  MINIMAL,
  type TestDatabase,
} from "../test-support/index.js";

const { regionCode, organisationId, engagementId } = MINIMAL;

describe.each(backends())("issued statements on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertMinimalRegion(test.db);
    // A draft is assembled, then issued: the only change an issued statement ever sees.
    await test.db
      .insertInto("statements")
      .values({ region_code: regionCode, id: "st-1", organisation_id: organisationId, period_start: "2010-07-01", period_end: "2010-07-31" })
      .execute();
    await test.db
      .insertInto("statement_lines")
      .values({
        region_code: regionCode,
        statement_id: "st-1",
        line_no: 1,
        kind: "CHARGE",
        engagement_id: engagementId,
        description: "Project support, 5 days",
        delivered_on: "2010-07-01",
        units: 10,
        free_units: 6,
        charged_units: 4,
        rate_pence: 60_000,
        amount_pence: 120_000,
      })
      .execute();
    await test.db
      .updateTable("statements")
      .set({ issued_at: new Date("2010-08-01T09:00:00Z"), total_pence: 120_000 })
      .where("id", "=", "st-1")
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

  it("refuses to update or delete an issued statement", async () => {
    const update = await refusal(
      test.db.updateTable("statements").set({ total_pence: 0 }).where("id", "=", "st-1").execute(),
    );
    expect(update).toMatchObject({ code: "VALIDATION", field: "statementId" });
    const remove = await refusal(test.db.deleteFrom("statements").where("id", "=", "st-1").execute());
    expect(remove).toMatchObject({ code: "VALIDATION", field: "statementId" });
  });

  it("refuses to update or delete the lines of an issued statement", async () => {
    const update = await refusal(
      test.db.updateTable("statement_lines").set({ amount_pence: 0 }).where("statement_id", "=", "st-1").execute(),
    );
    expect(update).toMatchObject({ code: "VALIDATION", field: "statementId" });
    const remove = await refusal(test.db.deleteFrom("statement_lines").where("statement_id", "=", "st-1").execute());
    expect(remove).toMatchObject({ code: "VALIDATION", field: "statementId" });

    const kept = await test.db
      .selectFrom("statements")
      .innerJoin("statement_lines", (join) =>
        join.onRef("statement_lines.region_code", "=", "statements.region_code").onRef("statement_lines.statement_id", "=", "statements.id"),
      )
      .select(["statements.total_pence", "statement_lines.amount_pence", "statements.issued_at"])
      .execute();
    expect(kept).toEqual([
      { total_pence: 120_000, amount_pence: 120_000, issued_at: new Date("2010-08-01T09:00:00Z") },
    ]);
  });

  it("still lets a draft be changed and removed", async () => {
    await test.db
      .insertInto("statements")
      .values({ region_code: regionCode, id: "st-2", organisation_id: organisationId, period_start: "2010-08-01", period_end: "2010-08-31" })
      .execute();
    const updated = await test.db.updateTable("statements").set({ total_pence: 5 }).where("id", "=", "st-2").executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(1n);
    const deleted = await test.db.deleteFrom("statements").where("id", "=", "st-2").executeTakeFirstOrThrow();
    expect(deleted.numDeletedRows).toBe(1n);
  });

  it("keeps one statement per organisation and period", async () => {
    const duplicate = await refusal(
      test.db
        .insertInto("statements")
        .values({ region_code: regionCode, id: "st-dup", organisation_id: organisationId, period_start: "2010-07-01", period_end: "2010-07-31" })
        .execute(),
    );
    expect(duplicate).toMatchObject({ code: "VALIDATION", field: "periodStart" });
  });
});
