/**
 * What PostgreSQL's autovacuum does for statistics, for PGlite, which has none: once enough
 * rows have been written, every table whose rows changed by more than
 * `threshold + scaleFactor * rows` since its last ANALYZE is analyzed again (the server's
 * defaults: 50 rows plus 10%).
 *
 * It runs after large writes rather than on a timer: the PGlite driver counts the rows its
 * writes affect and, when the count since the last check reaches `threshold` (no table can be
 * due with fewer changes), runs the check as the next holder of the session, before any query
 * queued after the write. So reads never pay for it, a test sees fresh statistics as soon as
 * its write returns, and nothing keeps running after the database is closed. The check itself
 * is two catalogue reads; ANALYZE samples at most 30,000 rows per table.
 */
export interface AutoAnalyzeOptions {
  /** Rows changed before a table is due, and rows written between two checks (default 50). */
  readonly threshold?: number;
  /** Fraction of a table's rows that must change on top of the threshold (default 0.1). */
  readonly scaleFactor?: number;
}

/** The part of a PGlite session the check needs. */
export interface AnalyzableSession {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(sql: string): Promise<unknown>;
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

export class AutoAnalyzer {
  readonly #threshold: number;
  readonly #scaleFactor: number;
  #written = 0;

  constructor(options: AutoAnalyzeOptions = {}) {
    this.#threshold = options.threshold ?? 50;
    this.#scaleFactor = options.scaleFactor ?? 0.1;
  }

  /** Called with the rows each INSERT, UPDATE, DELETE or MERGE affected. */
  noteWrite(rows: number): void {
    this.#written += rows;
  }

  /** True when enough rows have been written since the last check for a table to be due. */
  due(): boolean {
    return this.#written >= this.#threshold;
  }

  /** Analyzes the tables past their threshold; returns their names. Holds no lock itself. */
  async run(session: AnalyzableSession): Promise<string[]> {
    this.#written = 0;
    // PGlite publishes its per-table change counters lazily; ask for them now.
    await session.query("select pg_stat_force_next_flush()");
    const { rows } = await session.query<{ schemaname: string; relname: string }>(
      `select s.schemaname, s.relname
         from pg_stat_user_tables s
         join pg_class c on c.oid = s.relid
        where s.n_mod_since_analyze > $1::float8 + $2::float8 * greatest(c.reltuples, 0)
        order by s.relname`,
      [this.#threshold, this.#scaleFactor],
    );
    if (rows.length === 0) return [];
    // Only the owner may analyze, and the session runs as the application's role: step out of
    // it for the ANALYZE and back into whatever role the session was in.
    const current = await session.query<{ role: string }>("select current_setting('role') as role");
    const role = current.rows[0]?.role ?? "none";
    await session.exec("set role none");
    try {
      await session.exec(`analyze ${rows.map((r) => `${quoteIdentifier(r.schemaname)}.${quoteIdentifier(r.relname)}`).join(", ")}`);
    } finally {
      await session.exec(role === "none" ? "set role none" : `set role ${quoteIdentifier(role)}`);
    }
    return rows.map((r) => r.relname);
  }
}
