import { withTransaction } from "@adviser-hub/persistence";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveHostArrangement } from "./save-host-arrangement.js";
import { KENSINGTON, SOUTHWARK, admin, adviser, insertFixture } from "./test-support/fixture.js";

// adv-1 is hosted by Kensington at 0.3 from 2010-04-01 to 2012-03-31 (the fixture's host-1).
const southwarkShare = (salaryShare: string, extra: object = {}) => ({
  id: "host-2",
  adviserId: "adv-1",
  authorityId: SOUTHWARK,
  startDate: "2010-04-01",
  endDate: "2012-03-31",
  salaryShare,
  commitmentDaysPerWeek: "0.5",
  ...extra,
});

describe.each(backends())("saveHostArrangement on %s", (backend) => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase(backend);
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  const arrangements = () => test.db.selectFrom("host_arrangements").selectAll().orderBy("id").execute();

  it("co-hosts an adviser up to a whole salary, ends an arrangement by its end date, audited", async () => {
    const saved = await saveHostArrangement(test.db, admin, southwarkShare("0.7"));
    expect(saved.ok && saved.value.row).toMatchObject({ id: "host-2", salary_share_bp: 7000, commitment_units_per_week: 1 });
    const ended = await saveHostArrangement(test.db, admin, southwarkShare("0.7", { endDate: "2010-12-31" }));
    expect(ended.ok && ended.value).toMatchObject({ created: false, row: { ends_on: "2010-12-31" } });
    const audit = await test.db.selectFrom("audit_log").select(["action", "entity_id", "before", "after"]).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["saveHostArrangement", "saveHostArrangement"]);
    expect(audit[1]!.before).toMatchObject({ ends_on: "2012-03-31" });
    expect(audit[1]!.after).toMatchObject({ ends_on: "2010-12-31" });
  });

  it("refuses concurrent shares above 1, a share above 1, unknown ids and other roles, naming the field, writing nothing", async () => {
    const before = await arrangements();
    const cases: [object, string, string][] = [
      [southwarkShare("0.71"), "VALIDATION", "input.salaryShare"],
      [southwarkShare("1.5"), "VALIDATION", "input.salaryShare"],
      [southwarkShare("0.5", { commitmentDaysPerWeek: "0.3" }), "VALIDATION", "input.commitmentDaysPerWeek"],
      [southwarkShare("0.5", { endDate: "2010-01-01" }), "VALIDATION", "input.endDate"],
      [southwarkShare("0.5", { endDate: null }), "VALIDATION", "input.endDate"],
      [southwarkShare("0.5", { adviserId: "adv-77" }), "NOT_FOUND", "input.adviserId"],
      [southwarkShare("0.5", { authorityId: "E09000099" }), "NOT_FOUND", "input.authorityId"],
    ];
    for (const [input, code, field] of cases) {
      const result = await saveHostArrangement(test.db, admin, input as never);
      expect(!result.ok && [result.error.code, "field" in result.error && result.error.field], JSON.stringify(input)).toEqual([code, field]);
    }
    // Raising the stored arrangement's own share replaces it rather than adding to it.
    const raised = await saveHostArrangement(test.db, admin, { ...southwarkShare("1"), id: "host-1", authorityId: KENSINGTON });
    expect(raised.ok).toBe(true);
    const refused = await saveHostArrangement(test.db, adviser, southwarkShare("0.1"));
    expect(!refused.ok && refused.error.code).toBe("FORBIDDEN");
    expect((await arrangements()).map((a) => [a.id, a.salary_share_bp])).toEqual(before.map((a) => [a.id, a.id === "host-1" ? 10000 : a.salary_share_bp]));
  });
});

// Two saves that each pass the domain's check, unaware of the other's row: the database's trigger
// refuses the second, and the service names input.salaryShare. Needs sessions of its own.
describe.skipIf(!process.env.DATABASE_URL)("saveHostArrangement under concurrency on the server", () => {
  let test: TestDatabase;

  beforeEach(async () => {
    test = await createTestDatabase("server", { maxConnections: 4 });
    await insertFixture(test.db);
  });
  afterEach(async () => {
    await test?.close();
  });

  // pg_blocking_pids, unlike pg_stat_activity's wait columns, answers the application role.
  const waitingOn = async (pid: number) => {
    for (let i = 0; i < 500; i += 1) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity a where ${pid}::int = any(pg_blocking_pids(a.pid))`.execute(test.db);
      if ((rows[0]?.n ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error("the second save never waited on the first");
  };

  it("two 0.4 shares on 0.3: one is stored, the other refused by the database naming input.salaryShare", async () => {
    let firstSaved!: () => void;
    const saved = new Promise<void>((resolve) => {
      firstSaved = resolve;
    });
    let commitFirst!: () => void;
    const commit = new Promise<void>((resolve) => {
      commitFirst = resolve;
    });
    // The first save holds its transaction open after writing; the second reads the stored
    // arrangements without the first's row, passes the domain's check, and waits in the trigger.
    let firstPid = 0;
    const first = withTransaction(test.db, async (trx) => {
      firstPid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;
      const result = await saveHostArrangement(trx, admin, southwarkShare("0.4", { id: "host-a" }));
      firstSaved();
      await commit;
      return result;
    });
    await saved;
    const second = saveHostArrangement(test.db, admin, { ...southwarkShare("0.4", { id: "host-b" }), authorityId: "E09000020" });
    try {
      await waitingOn(firstPid);
    } finally {
      commitFirst();
    }
    const results = await Promise.all([first, second]);

    expect(results[0].ok).toBe(true);
    expect(!results[1].ok && results[1].error).toMatchObject({
      code: "VALIDATION",
      field: "input.salaryShare",
      message: "the adviser's concurrent salary shares would exceed 10000 (1.0)",
    });
    const { rows } = await sql<{ total: number }>`
      select sum(salary_share_bp)::int as total from host_arrangements where adviser_id = 'adv-1'`.execute(test.db);
    expect(rows[0]?.total).toBe(7_000);
  });
});
