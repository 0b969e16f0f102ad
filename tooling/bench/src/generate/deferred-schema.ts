import type pg from "pg";

// A bulk load in the order pg_restore uses: rows first, then secondary indexes, then foreign
// keys. Building an index once over all rows, and checking a foreign key with one join, is far
// cheaper than maintaining both row by row. Definitions are read back from the catalogue and
// re-applied verbatim, so the loaded database has exactly the migrated schema, and re-adding a
// foreign key validates every row against it: a bad row fails the load.

interface Deferred {
  readonly table: string;
  readonly name: string;
  readonly definition: string;
}

export interface DeferredSchema {
  /** Rebuilds the indexes and re-adds (and so validates) every foreign key, spread over clients. */
  restore(clients: readonly pg.ClientBase[]): Promise<void>;
  readonly indexes: number;
  readonly foreignKeys: number;
}

export async function deferIndexesAndForeignKeys(client: pg.ClientBase): Promise<DeferredSchema> {
  const foreignKeys = (
    await client.query<Deferred>(
      `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where n.nspname = 'public' and c.contype = 'f'
        order by c.conrelid::regclass::text, c.conname`,
    )
  ).rows;
  // Indexes that back a primary key or unique constraint stay: they enforce a rule during load.
  const indexes = (
    await client.query<Deferred>(
      `select i.tablename as table, i.indexname as name, i.indexdef as definition
         from pg_indexes i
        where i.schemaname = 'public'
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.contype in ('p', 'u', 'x'))
        order by i.tablename, i.indexname`,
    )
  ).rows;
  for (const fk of foreignKeys) await client.query(`alter table "${fk.table}" drop constraint "${fk.name}"`);
  for (const index of indexes) await client.query(`drop index "${index.name}"`);
  return {
    indexes: indexes.length,
    foreignKeys: foreignKeys.length,
    restore: async (clients) => {
      // Memory for sorting index entries and for the hash joins that validate foreign keys: the
      // defaults would spill a million-row join to disk.
      for (const c of clients) await c.query("set maintenance_work_mem = '256MB'; set work_mem = '256MB'");
      await spread(clients, indexes.map((index) => index.definition));
      // Adding a foreign key locks both tables; two added at once on tables that refer to each
      // other (statements, adjustments, statement_lines) deadlock. One connection adds them all:
      // each is one join, under a second on a million rows.
      const [first] = clients;
      if (first === undefined) throw new Error("restore needs a connection");
      for (const fk of foreignKeys) {
        await first.query(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.definition}`);
      }
    },
  };
}

/** Runs statements on several connections at once, each taking the next as it finishes. */
export async function spread(clients: readonly pg.ClientBase[], statements: readonly string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < statements.length) {
        const statement = statements[next]!;
        next += 1;
        await client.query(statement);
      }
    }),
  );
}
