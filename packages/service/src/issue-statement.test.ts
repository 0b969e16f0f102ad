import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { correctDelivery } from "./correct-delivery.js";
import { issueStatement } from "./issue-statement.js";
import { recordDelivery } from "./record-delivery.js";
import { COUNCIL, ENG_COUNCIL, POLICE, REGION, admin, adviser, clockAt, insertFixture, rowCounts } from "./test-support/fixture.js";
import { withTransaction } from "@adviser-hub/persistence";

describe.each(backends())("issueStatement on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend, { maxConnections: 10 });
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  const deliver = async (date: string, days: string, recordedAt = `${date}T17:30:00Z`) => {
    const result = await recordDelivery(
      test.db,
      adviser,
      { engagementId: ENG_COUNCIL, adviserId: "adv-1", date, days },
      clockAt(recordedAt),
    );
    if (!result.ok) throw new Error(`delivery refused: ${result.error.message}`);
    return result.value.delivery;
  };
  const issue = (period: string, at: string, organisationId = COUNCIL) =>
    issueStatement(test.db, admin, { organisationId, period }, clockAt(at));

  const statementRows = (id: string) =>
    test.db
      .selectFrom("statement_lines")
      .select(["line_no", "kind", "units", "free_units", "charged_units", "rate_pence", "amount_pence"])
      .where("region_code", "=", REGION)
      .where("statement_id", "=", id)
      .orderBy("line_no")
      .execute();

  it("bills the worked example and carries a backdated delivery as an adjustment, the issued statement unchanged", async () => {
    await deliver("2010-05-03", "3");
    await deliver("2010-06-10", "4");
    await deliver("2010-07-01", "5");
    const may = await issue("2010-05", "2010-06-05T10:00:00Z");
    const june = await issue("2010-06", "2010-07-05T10:00:00Z");
    const july = await issue("2010-07", "2010-08-05T10:00:00Z");
    expect(may.ok && may.value.statement.totalPence).toBe(0);
    expect(june.ok && june.value.statement.totalPence).toBe(0);
    if (!july.ok) throw new Error(july.error.message);
    expect(july.value.statement.totalPence).toBe(120_000);
    expect(july.value.statement.lines).toMatchObject([{ units: 10, freeUnits: 6, chargeableUnits: 4, chargePence: 120_000 }]);
    const julyLinesBefore = await statementRows(july.value.statement.id);

    // Recorded in August, dated in April: it takes 2 of the free days, so 2 more days of July's
    // work become chargeable.
    await deliver("2010-04-20", "2", "2010-08-10T09:00:00Z");
    const august = await issue("2010-08", "2010-09-05T10:00:00Z");
    if (!august.ok) throw new Error(august.error.message);
    expect(august.value.statement.chargesPence).toBe(0);
    expect(august.value.statement.adjustments).toMatchObject([
      { periodKey: "2010-07", billedPence: 120_000, recomputedPence: 240_000, amountPence: 120_000 },
    ]);
    expect(august.value.statement.totalPence).toBe(120_000);
    const adjustment = await test.db
      .selectFrom("adjustments")
      .select(["against_statement_id", "applied_statement_id", "amount_pence"])
      .execute();
    expect(adjustment).toEqual([
      { against_statement_id: july.value.statement.id, applied_statement_id: august.value.statement.id, amount_pence: 120_000 },
    ]);

    // July's statement is as it was, and the database refuses to change it.
    expect(await statementRows(july.value.statement.id)).toEqual(julyLinesBefore);
    const julyRow = await test.db.selectFrom("statements").select("total_pence").where("id", "=", july.value.statement.id).executeTakeFirstOrThrow();
    expect(julyRow.total_pence).toBe(120_000);
    const tamper = await withTransaction(test.db, async (trx) => {
      await trx.updateTable("statements").set({ total_pence: 0 }).where("id", "=", july.value.statement.id).execute();
      return { ok: true as const, value: null };
    });
    expect(!tamper.ok && tamper.error).toMatchObject({ code: "VALIDATION", field: "statementId" });
    const tamperLine = await withTransaction(test.db, async (trx) => {
      await trx.deleteFrom("statement_lines").where("statement_id", "=", july.value.statement.id).execute();
      return { ok: true as const, value: null };
    });
    expect(!tamperLine.ok && tamperLine.error).toMatchObject({ code: "VALIDATION", field: "statementId" });

    // Re-issuing an issued period returns the same statement, unchanged.
    const again = await issue("2010-07", "2010-10-01T10:00:00Z");
    expect(again.ok && again.value).toMatchObject({ alreadyIssued: true, statement: { id: july.value.statement.id, totalPence: 120_000 } });
  });

  it("turns a correction to an issued period into an adjustment on the next statement", async () => {
    await deliver("2010-05-03", "6");
    const july = await deliver("2010-07-01", "6");
    const issued = await issue("2010-07", "2010-08-05T10:00:00Z");
    expect(issued.ok && issued.value.statement.totalPence).toBe(2 * 60_000);
    const removed = await correctDelivery(
      test.db,
      admin,
      { deliveryId: july.id, remove: true, reason: "recorded against the wrong borough" },
      clockAt("2010-08-20T10:00:00Z"),
    );
    expect(removed.ok && removed.value.delivery.removedAt).toEqual(new Date("2010-08-20T10:00:00Z"));
    const next = await issue("2010-08", "2010-09-05T10:00:00Z");
    expect(next.ok && next.value.statement.adjustments).toMatchObject([{ periodKey: "2010-07", amountPence: -120_000 }]);
    const history = await test.db.selectFrom("audit_log").select(["action", "before", "after"]).where("entity_id", "=", july.id).execute();
    expect(history.map((h) => h.action)).toEqual(["recordDelivery", "removeDelivery"]);
  });

  it("produces one statement from two concurrent attempts", async () => {
    await deliver("2010-05-03", "6");
    await deliver("2010-07-01", "6");
    const [a, b] = await Promise.all([issue("2010-07", "2010-08-05T10:00:00Z"), issue("2010-07", "2010-08-05T10:00:01Z")]);
    if (!a.ok || !b.ok) throw new Error("issue refused");
    expect(a.value.statement.id).toBe(b.value.statement.id);
    expect([a.value.alreadyIssued, b.value.alreadyIssued].sort()).toEqual([false, true]);
    const statements = await test.db.selectFrom("statements").select("id").execute();
    expect(statements).toHaveLength(1);
    const audits = await test.db.selectFrom("audit_log").select("action").where("action", "=", "issueStatement").execute();
    expect(audits).toHaveLength(1);
  });

  it("refuses bad input and out-of-order periods with a typed error naming the field, writing nothing", async () => {
    await deliver("2010-07-01", "12");
    expect((await issue("2010-07", "2010-08-05T10:00:00Z")).ok).toBe(true);
    const before = await rowCounts(test.db);
    const cases: [object, string, string][] = [
      [{ organisationId: COUNCIL, period: "2010-13" }, "VALIDATION", "period"],
      [{ organisationId: COUNCIL, period: "July" }, "VALIDATION", "period"],
      [{ organisationId: COUNCIL, period: "2010-06" }, "VALIDATION", "period"],
      [{ organisationId: "org-nope", period: "2010-08" }, "NOT_FOUND", "organisationId"],
      [{ organisationId: "", period: "2010-08" }, "VALIDATION", "organisationId"],
    ];
    for (const [input, code, field] of cases) {
      const result = await issueStatement(test.db, admin, input as never);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, JSON.stringify(input)).toBe(code);
      expect((result.error as { field: string }).field, JSON.stringify(input)).toBe(field);
    }
    const byAdviser = await issueStatement(test.db, adviser, { organisationId: POLICE, period: "2010-08" });
    expect(!byAdviser.ok && byAdviser.error.code).toBe("FORBIDDEN");
    expect(await rowCounts(test.db)).toEqual(before);
  });
});
