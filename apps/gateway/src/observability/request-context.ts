import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * What one HTTP request did, filled in as it goes (the GraphQL plugin adds the operation, the
 * viewer and the error codes) and logged once when the response finishes.
 */
export interface RequestRecord {
  readonly id: string;
  readonly startedAt: number;
  operationName: string | null;
  operationType: string | null;
  viewer: { readonly role: string; readonly region: string } | null;
  readonly errorCodes: string[];
}

const store = new AsyncLocalStorage<RequestRecord>();

export function runWithRecord<T>(record: RequestRecord, work: () => T): T {
  return store.run(record, work);
}

/** The record of the HTTP request being served, or undefined (a test calling gateway.fetch). */
export function currentRecord(): RequestRecord | undefined {
  return store.getStore();
}

// Printable, no spaces or quotes, short: safe to echo in a header and a log line.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The caller's `x-request-id` when it is sane (a load balancer's or a client's), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

export function newRecord(id: string, startedAt: number): RequestRecord {
  return { id, startedAt, operationName: null, operationType: null, viewer: null, errorCodes: [] };
}
