import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { signToken } from "../auth/token.js";
import { ALL_REGIONS, isRole, roles, type Viewer } from "../auth/viewer.js";
import type { Gateway } from "../yoga.js";
import { executeOperation } from "./execute-operation.js";
import { readBody } from "./read-body.js";
import { sendError, sendJson } from "./respond.js";

/**
 * Development sign-in for the dashboard: `GET /auth/options` lists what a person may sign in
 * as, `POST /auth/dev-token` signs a token with the server's development secret. Both answer
 * 404 when NODE_ENV=production, where tokens come from the operator's identity provider.
 */
export interface DevSignInOptions {
  readonly gateway: Gateway;
  readonly db: Kysely<Database>;
  readonly secret: Uint8Array;
  readonly production: boolean;
}

export interface SignInChoices {
  readonly roles: readonly string[];
  readonly regions: readonly {
    readonly code: string;
    readonly name: string;
    readonly authorities: readonly { code: string; name: string }[];
    readonly funders: readonly { code: string; name: string }[];
  }[];
}

const choicesQuery = /* GraphQL */ `
  query SignInChoices($region: String!) {
    region(code: $region) {
      authorities(first: 100) { edges { node { code name } } }
      funders { code name }
    }
  }
`;

interface ChoicesData {
  region: {
    authorities: { edges: { node: { code: string; name: string } }[] };
    funders: { code: string; name: string }[];
  } | null;
}

export function isDevSignInPath(path: string): boolean {
  return path === "/auth/options" || path === "/auth/dev-token";
}

export async function handleDevSignIn(
  options: DevSignInOptions,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  if (options.production) return sendError(response, 404, "Not found: sign in with a token from your identity provider");
  if (path === "/auth/options" && request.method === "GET") {
    return sendJson(response, 200, await signInChoices(options));
  }
  if (path === "/auth/dev-token" && request.method === "POST") {
    return devToken(options, request, response);
  }
  response.setHeader("allow", path === "/auth/options" ? "GET" : "POST");
  return sendError(response, 405, `${request.method} is not allowed on ${path}`);
}

async function signInChoices(options: DevSignInOptions): Promise<SignInChoices> {
  const regions = await options.db.selectFrom("regions").select(["region_code", "name"]).orderBy("region_code").execute();
  const out: SignInChoices["regions"][number][] = [];
  for (const region of regions) {
    // The lists are read through GraphQL as that region's admin: the same names the pages show.
    const admin: Viewer = { role: "REGION_ADMIN", region: region.region_code, authority: null, funder: null };
    const token = await signToken(admin, options.secret, { expiresIn: "1m" });
    const result = await executeOperation<ChoicesData>(options.gateway, `Bearer ${token}`, choicesQuery, {
      region: region.region_code,
    });
    out.push({
      code: region.region_code,
      name: region.name,
      authorities: result.data?.region?.authorities.edges.map((edge) => edge.node) ?? [],
      funders: result.data?.region?.funders ?? [],
    });
  }
  return { roles, regions: out };
}

async function devToken(options: DevSignInOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(await readBody(request, 4096));
    if (typeof parsed !== "object" || parsed === null) throw new Error("not an object");
    body = parsed as Record<string, unknown>;
  } catch {
    return sendError(response, 400, "Expected a JSON object { role, region, authority?, funder? }", { field: "body" });
  }
  const text = (key: string): string | null => {
    const value = body[key];
    return typeof value === "string" && value.trim().length > 0 ? value.trim() : null;
  };
  const role = body.role;
  if (!isRole(role)) return sendError(response, 400, `role must be one of ${roles.join(", ")}`, { field: "role" });
  // The operator signs in for no one region.
  const region = role === "SERVICE_ADMIN" ? ALL_REGIONS : text("region");
  if (!region) return sendError(response, 400, "region is required", { field: "region" });
  const authority = role === "AUTHORITY" ? text("authority") : null;
  if (role === "AUTHORITY" && !authority) {
    return sendError(response, 400, "an AUTHORITY sign-in needs an authority", { field: "authority" });
  }
  const funder = role === "FUNDER" ? text("funder") : null;
  if (role === "FUNDER" && !funder) return sendError(response, 400, "a FUNDER sign-in needs a funder", { field: "funder" });
  const token = await signToken({ role, region, authority, funder }, options.secret, { expiresIn: "12h" });
  return sendJson(response, 200, { token });
}
