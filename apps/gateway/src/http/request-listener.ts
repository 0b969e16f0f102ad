import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Database } from "@adviser-hub/persistence";
import { asServiceUnavailable } from "@adviser-hub/service";
import type { Kysely } from "kysely";
import { authSecret } from "../auth/secret.js";
import type { Gateway } from "../yoga.js";
import { handleCsvExport, isExportPath } from "./csv-export.js";
import { handleDevSignIn, isDevSignInPath } from "./dev-sign-in.js";
import { sendError } from "./respond.js";
import { defaultWebRoot, serveDashboard } from "./static-files.js";

export interface RequestListenerOptions {
  readonly gateway: Gateway;
  readonly db: Kysely<Database>;
  readonly env?: NodeJS.ProcessEnv;
  /** Folder of the built dashboard; defaults to apps/web/dist. */
  readonly webRoot?: string;
}

/**
 * The one HTTP entry of `pnpm start`: GraphQL at /graphql, CSV exports at /export/*.csv,
 * development sign-in at /auth/* (404 in production), and the built dashboard everywhere else.
 */
export function createRequestListener(options: RequestListenerOptions): RequestListener {
  const env = options.env ?? process.env;
  const production = env.NODE_ENV === "production";
  const secret = authSecret(env);
  const webRoot = options.webRoot ?? defaultWebRoot;
  const signIn = { gateway: options.gateway, db: options.db, secret, production };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (path === "/graphql" || path.startsWith("/graphql/")) {
      await options.gateway(request, response);
      return;
    }
    if (isExportPath(path)) return handleCsvExport(options.gateway, request, response, url);
    if (isDevSignInPath(path)) return handleDevSignIn(signIn, request, response, path);
    return serveDashboard(webRoot, request, response, path);
  };

  return (request, response) => {
    route(request, response).catch((error: unknown) => {
      const unavailable = asServiceUnavailable(error);
      if (unavailable) {
        if (!response.headersSent) {
          sendError(response, 503, `The service is unavailable: ${unavailable.message}`, { retryAfterSeconds: unavailable.retryAfterSeconds });
        } else response.end();
        return;
      }
      if (!production) process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      if (!response.headersSent) sendError(response, 500, "Unexpected error");
      else response.end();
    });
  };
}
