import { errors, jwtVerify, SignJWT } from "jose";
import { isRole, type Viewer } from "./viewer.js";

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
  const claims: Record<string, string> = { role: viewer.role, region: viewer.region };
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
export async function verifyToken(token: string, secret: Uint8Array, currentDate?: Date): Promise<Viewer> {
  return (await verifiedClaims(token, secret, currentDate)).viewer;
}

async function verifiedClaims(token: string, secret: Uint8Array, currentDate?: Date): Promise<{ viewer: Viewer; expiresAtMs: number }> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secret, { issuer, audience, algorithms: ["HS256"], ...(currentDate ? { currentDate } : {}) }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError("expired");
    throw new InvalidTokenError("signature or claims rejected");
  }
  const { role, region, authority, funder } = payload;
  if (!isRole(role)) throw new InvalidTokenError("unknown role");
  if (typeof region !== "string" || region.length === 0) throw new InvalidTokenError("missing region");
  const viewer: Viewer = {
    role,
    region,
    authority: typeof authority === "string" ? authority : null,
    funder: typeof funder === "string" ? funder : null,
  };
  try {
    assertViewer(viewer);
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  // signToken always sets an expiry and jwtVerify has checked it is in the future.
  const expiresAtMs = typeof payload.exp === "number" ? payload.exp * 1000 : 0;
  return { viewer, expiresAtMs };
}

/**
 * verifyToken behind a bounded cache of tokens already verified, keyed on the whole token (its
 * signature included, so only the same bytes match): a client sends the same token with every
 * request, and the HMAC check was most of a by-id lookup's CPU. A cached token is still refused
 * from its expiry on; the oldest entries go first once `max` are kept.
 */
export function createTokenVerifier(
  secret: Uint8Array,
  options: { readonly max?: number; readonly now?: () => number } = {},
): (token: string) => Promise<Viewer> {
  const max = options.max ?? 1000;
  const now = options.now ?? Date.now;
  const verified = new Map<string, { viewer: Viewer; expiresAtMs: number }>();
  return async (token) => {
    const at = now();
    const known = verified.get(token);
    if (known) {
      if (at < known.expiresAtMs) return known.viewer;
      verified.delete(token);
      throw new InvalidTokenError("expired");
    }
    const claims = await verifiedClaims(token, secret, new Date(at));
    if (verified.size >= max) verified.delete(verified.keys().next().value as string);
    verified.set(token, claims);
    return claims.viewer;
  };
}

function assertViewer(viewer: Viewer): void {
  if (viewer.role === "AUTHORITY" && !viewer.authority) throw new Error("an AUTHORITY token needs an authority");
  if (viewer.role === "FUNDER" && !viewer.funder) throw new Error("a FUNDER token needs a funder");
}

/** Reads `Authorization: Bearer <token>`; null when absent. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new InvalidTokenError("expected 'Bearer <token>'");
  return match[1];
}
