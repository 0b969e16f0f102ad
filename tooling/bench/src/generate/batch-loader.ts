import type pg from "pg";
import { copyIn, copyText } from "./copy-in.js";
import type { Progress } from "./progress.js";

// Loads rows with `COPY ... FROM STDIN` in text format: one round trip per batch of thousands of
// rows, which PostgreSQL parses with no planning and no per-row statement.

export type ColumnType = "text" | "int4" | "int8" | "bool" | "date" | "timestamptz" | "jsonb" | "text[]";

export interface TableShape {
  readonly name: string;
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
}

export type Row = readonly unknown[];

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;
}

export function copyStatement(table: TableShape): string {
  return `copy "${table.name}" (${table.columns.map(([name]) => `"${name}"`).join(", ")}) from stdin`;
}

/** A batch in COPY text format: a line per row, tab between values. */
export function copyPayload(table: TableShape, rows: readonly Row[]): Buffer {
  const lines = new Array<string>(rows.length);
  const types = table.columns.map(([, type]) => type);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const cells = new Array<string>(types.length);
    for (let c = 0; c < types.length; c++) {
      const value = row[c];
      const type = types[c];
      cells[c] = copyText(
        value === null || value === undefined
          ? null
          : type === "text[]"
            ? arrayLiteral(value as string[])
            : type === "jsonb"
              ? JSON.stringify(value)
              : value,
      );
    }
    lines[r] = cells.join("\t");
  }
  return Buffer.from(`${lines.join("\n")}\n`);
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
      this.#statements.set(table.name, copyStatement(table));
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
    const payload = copyPayload(table, rows);
    lane.queued += 1;
    const done = lane.tail.then(async () => {
      await copyIn(lane.client, sql, payload);
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
