import type { ServerResponse } from "node:http";

/** A JSON answer shaped like a GraphQL error list, so clients read one error format. */
export function sendError(response: ServerResponse, status: number, message: string, extensions: Record<string, unknown> = {}): void {
  // RATE_LIMITED and SERVICE_UNAVAILABLE say when to come back.
  if (typeof extensions.retryAfterSeconds === "number") response.setHeader("retry-after", String(extensions.retryAfterSeconds));
  sendJson(response, status, { errors: [{ message, extensions: { code: codeFor(status), ...extensions } }] });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  response.end(text);
}

function codeFor(status: number): string {
  if (status === 400) return "VALIDATION";
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 503) return "SERVICE_UNAVAILABLE";
  return "INTERNAL_SERVER_ERROR";
}

/** The HTTP status matching a GraphQL error code, for routes that answer something other than JSON. */
export function statusForCode(code: unknown): number {
  if (code === "UNAUTHENTICATED") return 401;
  if (code === "FORBIDDEN") return 403;
  if (code === "NOT_FOUND") return 404;
  if (code === "VALIDATION" || code === "BAD_USER_INPUT" || code === "GRAPHQL_VALIDATION_FAILED") return 400;
  if (code === "GRAPHQL_PARSE_FAILED" || code === "QUERY_TOO_LONG" || code === "QUERY_TOO_NESTED") return 400;
  if (code === "RATE_LIMITED") return 429;
  if (code === "SERVICE_UNAVAILABLE") return 503;
  return 500;
}
