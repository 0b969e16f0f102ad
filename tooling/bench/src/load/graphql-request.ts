import type { Operation } from "./operations.js";

export interface GraphQLResponse {
  readonly data?: unknown;
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
}

export const requestBody = (operation: Operation, uniqueDocument = false): string =>
  JSON.stringify({
    // autocannon replaces [<id>] with a fresh id per request: every document is then new to
    // the server, so its parse and validate cache never hits.
    query: uniqueDocument ? `${operation.query}\n# [<id>]` : operation.query,
    variables: operation.variables,
  });

/** A null token sends no authorization header (a peer measured without claims). */
export const authHeaders = (token: string | null): Record<string, string> => ({
  "content-type": "application/json",
  ...(token === null ? {} : { authorization: `Bearer ${token}` }),
});

/** One request, outside any load, to check the answer and record what it costs. */
export async function postOperation(url: string, token: string | null, operation: Operation): Promise<GraphQLResponse> {
  const response = await fetch(url, { method: "POST", headers: authHeaders(token), body: requestBody(operation) });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponse;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
}
