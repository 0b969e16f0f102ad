import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PREPARED_PER_SESSION, PreparingClient, preparedStatementsEnabled } from "./prepared-statements.js";

describe("preparedStatementsEnabled", () => {
  it("is on unless DATABASE_PREPARED_STATEMENTS is off, and refuses anything else by name", () => {
    expect(preparedStatementsEnabled({})).toBe(true);
    expect(preparedStatementsEnabled({ DATABASE_PREPARED_STATEMENTS: "on" })).toBe(true);
    expect(preparedStatementsEnabled({ DATABASE_PREPARED_STATEMENTS: "off" })).toBe(false);
    expect(() => preparedStatementsEnabled({ DATABASE_PREPARED_STATEMENTS: "false" })).toThrow(/DATABASE_PREPARED_STATEMENTS/);
  });
});

// One session of the server, as the pool makes them; what it holds prepared is read from the
// session's own pg_prepared_statements.
describe.skipIf(!process.env.DATABASE_URL)("a preparing session on the server", () => {
  let client: PreparingClient;
  const prepared = async () =>
    Number((await client.query("select count(*)::int as n from pg_prepared_statements where name like 'ah\\_%'")).rows[0].n);

  beforeAll(async () => {
    client = new PreparingClient({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(() => client?.end());

  it("prepares a parameterised statement once and answers as an unnamed one does", async () => {
    const text = "select $1::int + g as n from generate_series(1, 3) g order by g";
    const plain = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await plain.connect();
    try {
      const expected = (await plain.query(text, [10])).rows;
      const before = await prepared();
      for (let i = 0; i < 3; i++) expect((await client.query(text, [10])).rows).toEqual(expected);
      expect(await prepared()).toBe(before + 1);
      // A statement without parameters, or with a callback, passes unnamed.
      await client.query("select 1");
      expect(await prepared()).toBe(before + 1);
    } finally {
      await plain.end();
    }
  });

  it("names at most PREPARED_PER_SESSION statements and sends the rest unnamed", async () => {
    for (let i = 0; i <= PREPARED_PER_SESSION; i++) {
      expect((await client.query(`select $1::int as n, ${i} as i`, [i])).rows).toEqual([{ n: i, i }]);
    }
    expect(client.preparedCount).toBe(PREPARED_PER_SESSION);
    expect(await prepared()).toBe(PREPARED_PER_SESSION);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("a prepared select * whose table a migration changes", () => {
  it("is refused once, then sent unnamed and answered with the new columns", async () => {
    const client = new PreparingClient({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("create temporary table changing (id int primary key, a text)");
      await client.query("insert into changing values (1, 'one')");
      const text = "select * from changing where id = $1";
      expect((await client.query(text, [1])).rows).toEqual([{ id: 1, a: "one" }]);
      await client.query("alter table changing add column b text default 'new'");
      await expect(client.query(text, [1])).rejects.toThrow(/cached plan must not change result type/);
      expect((await client.query(text, [1])).rows).toEqual([{ id: 1, a: "one", b: "new" }]);
    } finally {
      await client.end();
    }
  });
});
