import { errors, jwtVerify, SignJWT } from "jose";
import { ALL_REGIONS, isRole, type Viewer } from "./viewer.js";

const issuer = "adviser-hub";
const audience = "adviser-hub-gateway";

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`Invalid bearer token: ${reason}`);
    this.name = "InvalidTokenError";
  }
}

export interface SignOptions {
  /** jose duration string, e.g. "12h". */
  readonly expiresIn?: string;
  readonly now?: Date;
}

/** Signs a viewer into an HS256 JWT. The subject names the role and scope for audit logs. */
export async function signToken(viewer: Viewer, secret: Uint8Array, options: SignOptions = {}): Promise<string> {
  assertViewer(viewer);
  // A SERVICE_ADMIN token carries no region: it is tied to none.
  const claims: Record<string, string> = { role: viewer.role };
  if (viewer.role !== "SERVICE_ADMIN") claims.region = viewer.region;
  if (viewer.authority) claims.authority = viewer.authority;
  if (viewer.funder) claims.funder = viewer.funder;
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(`${viewer.role}:${viewer.region}:${viewer.authority ?? viewer.funder ?? "*"}`)
    .setIssuedAt(issuedAt)
    .setExpirationTime(options.expiresIn ?? "12h")
    .sign(secret);
}

/** Verifies signature, issuer, audience, expiry and the claim shape; throws InvalidTokenError. */
export async function verifyToken(token: string, secret: Uint8Array): Promise<Viewer> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secret, { issuer, audience, algorithms: ["HS256"] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError("expired");
    throw new InvalidTokenError("signature or claims rejected");
  }
  const { role, region, authority, funder } = payload;
  if (!isRole(role)) throw new InvalidTokenError("unknown role");
  if (role === "SERVICE_ADMIN") {
    if (region !== undefined) throw new InvalidTokenError("a SERVICE_ADMIN token is tied to no region");
  } else if (typeof region !== "string" || region.length === 0) throw new InvalidTokenError("missing region");
  const viewer: Viewer = {
    role,
    region: role === "SERVICE_ADMIN" ? ALL_REGIONS : (region as string),
    authority: typeof authority === "string" ? authority : null,
    funder: typeof funder === "string" ? funder : null,
  };
  try {
    assertViewer(viewer);
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  return viewer;
}

function assertViewer(viewer: Viewer): void {
  if (viewer.role === "AUTHORITY" && !viewer.authority) throw new Error("an AUTHORITY token needs an authority");
  if (viewer.role === "FUNDER" && !viewer.funder) throw new Error("a FUNDER token needs a funder");
  if (viewer.role === "SERVICE_ADMIN" && (viewer.authority || viewer.funder))
    throw new Error("a SERVICE_ADMIN token is for no authority or funder");
}

/** Reads `Authorization: Bearer <token>`; null when absent. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new InvalidTokenError("expected 'Bearer <token>'");
  return match[1];
}
