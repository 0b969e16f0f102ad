import type pg from "pg";

// COPY ... FROM STDIN through pg's own extension point: `client.query()` accepts any object with
// a `submit(connection)` method and the `handle*` callbacks its protocol loop calls (pg-cursor
// and pg-query-stream are built the same way). This is the part of pg-copy-streams a bulk load
// needs, without a stream: each batch is one buffer, sent once the server asks for it.

/** The wire connection of a pg client, as far as COPY IN uses it. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const CHUNK_BYTES = 1 << 20;

class CopyIn {
  callback: ((error: Error | null) => void) | undefined;
  #error: Error | null = null;

  constructor(
    readonly text: string,
    readonly payload: Buffer,
  ) {}

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    for (let offset = 0; offset < this.payload.length; offset += CHUNK_BYTES) {
      connection.sendCopyFromChunk(this.payload.subarray(offset, offset + CHUNK_BYTES));
    }
    connection.endCopyFrom();
  }

  handleError(error: Error): void {
    this.#error = error;
  }

  handleReadyForQuery(): void {
    this.callback?.(this.#error);
  }

  handleCommandComplete(): void {}
  handleCopyData(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/** Sends `payload` (COPY text format) to a `COPY ... FROM STDIN` statement. */
export function copyIn(client: pg.ClientBase, text: string, payload: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const copy = new CopyIn(text, payload);
    copy.callback = (error) => (error ? reject(error) : resolve());
    (client as unknown as { query(submittable: CopyIn): unknown }).query(copy);
  });
}

/** A value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text = typeof value === "boolean" ? (value ? "t" : "f") : String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : text;
}
