import type pg from "pg";
import type { Progress } from "./progress.js";

// Loads rows with `INSERT ... SELECT FROM unnest($1::text[], $2::int4[], ...)`: one statement
// and one round trip per batch of thousands of rows, parameters sent as arrays, so PostgreSQL
// parses and plans once per batch. Nearly as fast as COPY without a streaming dependency.

export type ColumnType = "text" | "int4" | "int8" | "bool" | "date" | "timestamptz" | "jsonb" | "text[]";

export interface TableShape {
  readonly name: string;
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
}

export type Row = readonly unknown[];

/** Array columns cannot go through unnest (it flattens them): send them as literals and cast. */
function transportType(type: ColumnType): string {
  return type === "text[]" || type === "jsonb" ? "text" : type;
}

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;
}

export function insertStatement(table: TableShape): string {
  const names = table.columns.map(([name]) => `"${name}"`).join(", ");
  const params = table.columns.map(([, type], i) => `$${i + 1}::${transportType(type)}[]`).join(", ");
  const aliases = table.columns.map((_, i) => `c${i}`);
  const selects = table.columns
    .map(([, type], i) => (type === "text[]" || type === "jsonb" ? `c${i}::${type}` : `c${i}`))
    .join(", ");
  return `insert into "${table.name}" (${names}) select ${selects} from unnest(${params}) as u(${aliases.join(", ")})`;
}

function columnArrays(table: TableShape, rows: readonly Row[]): unknown[][] {
  const columns = table.columns.map(() => new Array<unknown>(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < columns.length; c++) {
      const value = row[c];
      const type = table.columns[c]![1];
      columns[c]![r] =
        value === null || value === undefined
          ? null
          : type === "text[]"
            ? arrayLiteral(value as string[])
            : type === "jsonb"
              ? JSON.stringify(value)
              : value;
    }
  }
  return columns;
}

/**
 * Buffers rows per table and inserts them in batches. Tables are flushed in the order given,
 * and a table's pending rows are flushed only after every table before it. With one connection
 * a child row therefore never reaches the database before its parent. With several, batches go
 * to the least busy connection and may overtake each other: only for loads whose foreign keys
 * are checked afterwards (see deferred-schema.ts). Each connection keeps a short queue, so the
 * database works while the generator makes the next batch.
 */
export class BatchLoader {
  readonly #buffers = new Map<string, Row[]>();
  readonly #statements = new Map<string, string>();
  readonly #order: readonly TableShape[];
  readonly #lanes: { client: pg.ClientBase; tail: Promise<void>; queued: number }[];
  readonly #pending: Promise<void>[] = [];
  readonly counts = new Map<string, number>();

  constructor(
    clients: readonly pg.ClientBase[],
    tables: readonly TableShape[],
    readonly progress: Progress | null,
    readonly batchSize = 10_000,
    readonly queuePerConnection = 2,
  ) {
    if (clients.length === 0) throw new Error("a load needs at least one connection");
    this.#lanes = clients.map((client) => ({ client, tail: Promise.resolve(), queued: 0 }));
    this.#order = tables;
    for (const table of tables) {
      this.#buffers.set(table.name, []);
      this.#statements.set(table.name, insertStatement(table));
      this.counts.set(table.name, 0);
    }
  }

  /** Buffers a row; returns a promise only when a batch went out, so callers await rarely. */
  add(table: TableShape, row: Row): Promise<void> | undefined {
    if (row.length !== table.columns.length) {
      throw new Error(`${table.name}: row has ${row.length} values for ${table.columns.length} columns`);
    }
    const buffer = this.#buffers.get(table.name);
    if (buffer === undefined) throw new Error(`${table.name} is not a table of this load`);
    buffer.push(row);
    return buffer.length >= this.batchSize ? this.flush(table.name) : undefined;
  }

  /** Sends the named table's rows, after those of every table it may refer to. */
  async flush(upTo?: string): Promise<void> {
    for (const table of this.#order) {
      const buffer = this.#buffers.get(table.name)!;
      if (buffer.length > 0) {
        this.#buffers.set(table.name, []);
        this.#send(table, buffer);
      }
      if (table.name === upTo) break;
    }
    while (this.#pending.length > this.#lanes.length * this.queuePerConnection) await this.#pending.shift();
  }

  #send(table: TableShape, rows: Row[]): void {
    const lane = this.#lanes.reduce((best, candidate) => (candidate.queued < best.queued ? candidate : best));
    const sql = this.#statements.get(table.name)!;
    const values = columnArrays(table, rows);
    lane.queued += 1;
    const done = lane.tail.then(async () => {
      await lane.client.query(sql, values);
      lane.queued -= 1;
      this.counts.set(table.name, (this.counts.get(table.name) ?? 0) + rows.length);
      this.progress?.add(rows.length);
    });
    lane.tail = done;
    // Kept so that a failure surfaces at the next await rather than as an unhandled rejection.
    done.catch(() => undefined);
    this.#pending.push(done);
  }

  /** Flushes everything and waits for the database. */
  async finish(): Promise<void> {
    await this.flush();
    while (this.#pending.length > 0) await this.#pending.shift();
  }
}
