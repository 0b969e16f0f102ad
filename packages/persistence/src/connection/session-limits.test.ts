import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../test-support/index.js";
import { DEFAULT_SESSION_LIMITS, sessionLimits } from "./session-limits.js";

describe("session limits", () => {
  it("takes options first, then the environment, then the defaults", () => {
    expect(sessionLimits({}, {})).toEqual(DEFAULT_SESSION_LIMITS);
    expect(DEFAULT_SESSION_LIMITS).toEqual({ statementTimeoutMs: 15_000, idleInTransactionTimeoutMs: 30_000, connectTimeoutMs: 5_000 });
    expect(sessionLimits({}, { DATABASE_STATEMENT_TIMEOUT_MS: "2500", DATABASE_CONNECT_TIMEOUT_MS: "800" })).toEqual({
      statementTimeoutMs: 2_500,
      idleInTransactionTimeoutMs: 30_000,
      connectTimeoutMs: 800,
    });
    expect(sessionLimits({ statementTimeoutMs: 0 }, { DATABASE_STATEMENT_TIMEOUT_MS: "2500" }).statementTimeoutMs).toBe(0);
  });

  it("refuses a value that is not a whole number of milliseconds, naming it", () => {
    expect(() => sessionLimits({}, { DATABASE_STATEMENT_TIMEOUT_MS: "10s" })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
    expect(() => sessionLimits({}, { DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "-1" })).toThrow(/DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS/);
    // 0 would mean "wait for ever" to pg: the hang the connect timeout exists to prevent.
    expect(() => sessionLimits({ connectTimeoutMs: 0 }, {})).toThrow(/connectTimeoutMs/);
    expect(() => sessionLimits({ statementTimeoutMs: 1.5 }, {})).toThrow(/statementTimeoutMs/);
  });

  it.skipIf(!process.env.DATABASE_URL)("bounds every server session from its first statement", async () => {
    const test = await createTestDatabase("server");
    try {
      const { rows } = await sql<{ statement: string; idle: string }>`
        select current_setting('statement_timeout') as statement,
               current_setting('idle_in_transaction_session_timeout') as idle`.execute(test.db);
      expect(rows).toEqual([{ statement: "15s", idle: "30s" }]);
    } finally {
      await test.close();
    }
  });
});
