import type { IncomingMessage, ServerResponse } from "node:http";

const ALLOWED_METHODS = "GET, POST, OPTIONS";
const ALLOWED_HEADERS = "authorization, content-type, accept, x-request-id";
const EXPOSED_HEADERS = "x-request-id, retry-after";

/**
 * CORS from an allow-list of exact origins. With none listed only the same origin is served
 * (the dashboard is served from the gateway itself). An allowed origin is echoed alone, never
 * `*`, and never with `Access-Control-Allow-Credentials`: the gateway reads bearer tokens, not
 * cookies, so no cross-origin request needs the browser's credentials.
 *
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(allowed: ReadonlySet<string>, request: IncomingMessage, response: ServerResponse): boolean {
  const origin = request.headers.origin;
  // Caches must not hand one origin's answer to another.
  response.setHeader("vary", "Origin");
  const preflight = request.method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined;
  if (origin === undefined || !allowed.has(origin)) {
    if (preflight) {
      response.writeHead(403, { "content-length": 0 });
      response.end();
      return true;
    }
    return false;
  }
  response.setHeader("access-control-allow-origin", origin);
  response.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
  if (!preflight) return false;
  response.writeHead(204, {
    "access-control-allow-methods": ALLOWED_METHODS,
    "access-control-allow-headers": ALLOWED_HEADERS,
    "access-control-max-age": "600",
    "content-length": 0,
  });
  response.end();
  return true;
}
