import type { LogEvent } from "kysely";
import { authSecret } from "../auth/secret.js";
import { signToken } from "../auth/token.js";
import type { Viewer } from "../auth/viewer.js";
import type { Gateway } from "../yoga.js";

/** A response's data as parsed JSON: tests read into it freely and assert every value. */
export type JsonData = ReturnType<typeof JSON.parse>;

export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Counts SQL statements Kysely runs; reset before each operation. */
export class StatementCounter {
  count = 0;
  readonly sql: string[] = [];
  readonly log = (event: LogEvent): void => {
    if (event.level === "query" || event.level === "error") {
      this.count += 1;
      this.sql.push(event.query.sql);
    }
  };
  reset(): void {
    this.count = 0;
    this.sql.length = 0;
  }
}

export const tokenFor = (viewer: Partial<Viewer> & Pick<Viewer, "role" | "region">): Promise<string> =>
  signToken({ authority: null, funder: null, ...viewer }, authSecret({ NODE_ENV: "test" }));

/** Runs one operation through yoga.fetch: no port, the whole HTTP pipeline. */
export async function execute<Data = Record<string, unknown>>(
  gateway: Gateway,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string | null; body?: string } = {},
): Promise<GraphQLResponse<Data>> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await gateway.fetch("http://gateway.test/graphql", {
    method: "POST",
    headers,
    body: options.body ?? JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const text = await response.text();
  let parsed: Omit<GraphQLResponse<Data>, "status"> = {};
  try {
    parsed = JSON.parse(text) as Omit<GraphQLResponse<Data>, "status">;
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: response.status, ...parsed };
}

/**
 * Runs one operation as a GraphQL multipart request (the multipart request spec): `files`, by
 * name, fill the list variable `fileVariable` in order, each part carrying its file name.
 */
export async function executeMultipart<Data = Record<string, unknown>>(
  gateway: Gateway,
  query: string,
  options: { variables?: Record<string, unknown>; fileVariable: string; files: Readonly<Record<string, string>>; token?: string | null },
): Promise<GraphQLResponse<Data>> {
  const names = Object.keys(options.files);
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, variables: { ...options.variables, [options.fileVariable]: names.map(() => null) } }));
  form.append("map", JSON.stringify(Object.fromEntries(names.map((_, i) => [String(i), [`variables.${options.fileVariable}.${i}`]]))));
  names.forEach((name, i) => {
    form.append(String(i), new File([options.files[name]!], name, { type: name.endsWith(".json") ? "application/json" : "text/csv" }));
  });
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const response = await gateway.fetch("http://gateway.test/graphql", { method: "POST", headers, body: form });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as Omit<GraphQLResponse<Data>, "status">) };
  } catch {
    return { status: response.status, errors: [{ message: text }] };
  }
}
