import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** apps/web/dist, where `pnpm --filter @adviser-hub/web build` writes the dashboard. */
export const defaultWebRoot = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

// Scripts and styles only from this origin; Plot sets inline style attributes on its SVG.
const securityHeaders = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
};

/**
 * Serves the built dashboard: files under `root`, and index.html for any other GET path so
 * the page's own routes (/funder, /borough...) survive a reload. Hashed assets are cached for
 * good; index.html never, so a rebuild shows at once.
 */
export async function serveDashboard(root: string, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
    response.end("Method not allowed\n");
    return;
  }
  const index = join(root, "index.html");
  if (!existsSync(index)) {
    response.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
    response.end("The dashboard is not built. `pnpm start` builds it; or run `pnpm --filter @adviser-hub/web build`.\n");
    return;
  }
  let file = index;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = "/";
  }
  const candidate = normalize(join(root, decoded));
  if (!candidate.startsWith(root.endsWith(sep) ? root : `${root}${sep}`) && candidate !== root) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...securityHeaders });
    response.end("Not found\n");
    return;
  }
  if (extname(candidate) !== "") {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) file = candidate;
    else {
      // A missing asset is a 404, not the page: a stale tab asking for an old bundle should fail loudly.
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...securityHeaders });
      response.end("Not found\n");
      return;
    }
  }
  const immutable = file !== index && file.includes(`${sep}assets${sep}`);
  response.writeHead(200, {
    "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    ...securityHeaders,
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
