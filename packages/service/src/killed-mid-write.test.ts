import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppDatabase, migrateToLatest, openDatabase } from "@adviser-hub/persistence";
import {
  canRunThrowawayCluster,
  compareWithScratch,
  createThrowawayCluster,
  type ThrowawayCluster,
} from "@adviser-hub/persistence/testing";
import { insertFixture, REGION } from "./test-support/fixture.js";

// A writer killed with SIGKILL in the middle of a burst of writes: each write is one
// transaction, so after the kill every delivery has its audit row and every statement is whole
// (its lines add up to its total, its carried adjustments are there). The writer is a child
// process running the real use cases against a PostgreSQL of the test's own. The allocation
// stored on each delivery equals the domain's from scratch afterwards.

const here = (file: string) => new URL(file, import.meta.url).href;

// The child: deliveries on working days of 2010-11 (some refused: that is fine), and every few
// deliveries the next month's statement of the council, until it is killed.
const CHILD = `
import { openDatabase } from "@adviser-hub/persistence";
import { recordDelivery } from ${JSON.stringify(here("./record-delivery.ts"))};
import { issueStatement } from ${JSON.stringify(here("./issue-statement.ts"))};
import { admin, adviser, clockAt, ENG_COUNCIL, COUNCIL } from ${JSON.stringify(here("./test-support/fixture.ts"))};
const app = await openDatabase({ url: process.env.KILL_TEST_URL });
const issued = await app.db.selectFrom("statements").select("id").execute();
let month = 4 + issued.length;
for (let i = 0; ; i++) {
  const day = 1 + (i % 28);
  const date = "2010-" + String(4 + (i % 8)).padStart(2, "0") + "-" + String(day).padStart(2, "0");
  const result = await recordDelivery(app.db, adviser, { engagementId: ENG_COUNCIL, adviserId: "adv-1", date, days: "0.5" }, clockAt("2011-03-01T09:00:00Z"));
  if (result.ok) process.stdout.write("delivery " + result.value.delivery.id + "\\n");
  if (i % 4 === 3 && month <= 12) {
    const period = "2010-" + String(month).padStart(2, "0");
    const statement = await issueStatement(app.db, admin, { organisationId: COUNCIL, period }, clockAt("2011-03-02T09:00:00Z"));
    if (statement.ok) process.stdout.write("statement " + statement.value.statement.id + "\\n");
    month += 1;
  }
}
`;

describe.skipIf(!canRunThrowawayCluster())("a writer killed mid-burst", () => {
  let cluster: ThrowawayCluster;
  let app: AppDatabase;
  // Watches the writer's session: pg_stat_activity hides other users' sessions from the
  // application role, so this one connects as the owner.
  let monitor: pg.Client;
  let url: string;

  beforeAll(async () => {
    cluster = await createThrowawayCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("create database app");
    await admin.end();
    monitor = new pg.Client({ connectionString: cluster.url });
    await monitor.connect();
    url = `${cluster.urlFor("app")}?application_name=killed-writer`;
    app = await openDatabase({ url: cluster.urlFor("app") });
    await migrateToLatest(app.db);
    await insertFixture(app.db);
  }, 120_000);
  afterAll(async () => {
    await monitor?.end();
    await app?.close();
    await cluster?.remove();
  });

  /** Runs the child until it has committed `writes` deliveries, kills it; what it reported. */
  async function burstAndKill(writes: number): Promise<{ reported: string[]; inTransaction: boolean }> {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@adviser-hub/source", "--input-type=module", "-e", CHILD],
      {
        cwd: fileURLToPath(new URL("..", import.meta.url)),
        env: { ...process.env, KILL_TEST_URL: url },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const reported: string[] = [];
    let stderr = "";
    let buffer = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the writer made no progress: ${stderr}`)), 45_000);
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        reported.push(...lines);
        if (reported.filter((l) => l.startsWith("delivery ")).length >= writes) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on("exit", () => {
        clearTimeout(timer);
        reject(new Error(`the writer ended early: ${stderr}`));
      });
    });
    // Kill while a transaction is open, if one opens within a short wait.
    let inTransaction = false;
    for (let i = 0; i < 50 && !inTransaction; i++) {
      const { rows } = await monitor.query<{ open: number }>(
        "select count(*)::int as open from pg_stat_activity where application_name = 'killed-writer' and xact_start is not null",
      );
      inTransaction = rows[0]!.open > 0;
    }
    child.kill("SIGKILL");
    await exited;
    return { reported, inTransaction };
  }

  it("leaves every delivery with its audit row and every statement whole", async () => {
    const reported: string[] = [];
    let killedInTransaction = 0;
    for (let round = 0; round < 3; round++) {
      const result = await burstAndKill(6 * (round + 1));
      reported.push(...result.reported);
      if (result.inTransaction) killedInTransaction += 1;
    }
    // The server notices the dead session and rolls its transaction back.
    for (let i = 0; i < 200; i++) {
      const { rows } = await monitor.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where application_name = 'killed-writer'",
      );
      if (rows[0]!.n === 0) break;
      await sleep(50);
    }
    expect(killedInTransaction).toBeGreaterThan(0);

    // Everything the writer saw committed is there.
    const deliveries = await app.db.selectFrom("deliveries").select("id").execute();
    const stored = new Set(deliveries.map((d) => d.id));
    const reportedDeliveries = reported.filter((l) => l.startsWith("delivery ")).map((l) => l.slice(9));
    expect(reportedDeliveries.length).toBeGreaterThan(0);
    expect(reportedDeliveries.filter((id) => !stored.has(id))).toEqual([]);
    // At most the one write per round that committed as the kill landed goes unreported.
    expect(deliveries.length - reportedDeliveries.length).toBeLessThanOrEqual(3);

    const orphans = await sql<{ id: string }>`
      select d.id from deliveries d
       where not exists (select 1 from audit_log a where a.region_code = d.region_code
                          and a.entity = 'delivery' and a.entity_id = d.id and a.action = 'recordDelivery')`.execute(app.db);
    expect(orphans.rows).toEqual([]);
    const audited = await sql<{ n: number }>`
      select count(*) as n from audit_log where action = 'recordDelivery'`.execute(app.db);
    expect(audited.rows[0]!.n).toBe(deliveries.length);

    const statements = await sql<{ id: string; issued: boolean; total: number; lines: number; audit: number; carried: number; adjustment_lines: number }>`
      select s.id, s.issued_at is not null as issued, s.total_pence as total,
             (select coalesce(sum(l.amount_pence), 0) from statement_lines l
               where l.region_code = s.region_code and l.statement_id = s.id) as lines,
             (select count(*) from audit_log a where a.entity = 'statement' and a.entity_id = s.id) as audit,
             (select count(*) from adjustments j where j.region_code = s.region_code and j.applied_statement_id = s.id) as carried,
             (select count(*) from statement_lines l where l.region_code = s.region_code and l.statement_id = s.id
                and l.kind = 'ADJUSTMENT') as adjustment_lines
        from statements s`.execute(app.db);
    expect(statements.rows.length).toBeGreaterThan(0);
    for (const s of statements.rows) {
      expect(s).toEqual({ ...s, issued: true, lines: s.total, audit: 1, adjustment_lines: s.carried });
    }
    console.info(
      `killed mid-burst 3 times (${killedInTransaction} with a transaction open): ` +
        `${deliveries.length} deliveries and ${statements.rows.length} statements stored, all whole`,
    );
    const { expected, actual } = await compareWithScratch(app.db, REGION);
    expect(actual.length).toBe(deliveries.length);
    expect(actual).toEqual(expected);
    const reportedStatements = reported.filter((l) => l.startsWith("statement ")).map((l) => l.slice(10));
    const storedStatements = new Set(statements.rows.map((s) => s.id));
    expect(reportedStatements.filter((id) => !storedStatements.has(id))).toEqual([]);
  }, 120_000);
});
