import type { Gateway } from "../yoga.js";

export interface OperationResult<T> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * Runs one GraphQL operation through the same Yoga instance the /graphql route serves, with
 * the caller's Authorization header: the server-side routes (CSV exports, the development
 * sign-in lists) see exactly what the caller would see, scope checks included.
 */
export async function executeOperation<T>(
  gateway: Gateway,
  authorization: string | null,
  query: string,
  variables: Record<string, unknown>,
): Promise<OperationResult<T>> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (authorization) headers.authorization = authorization;
  const response = await gateway.fetch("http://gateway.internal/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as OperationResult<T>;
}
