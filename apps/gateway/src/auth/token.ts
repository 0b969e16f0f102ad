import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import { AuthConfigurationError } from "./secret.js";
import { ALL_REGIONS, isRole, type Viewer } from "./viewer.js";

/** Issuer and audience of the gateway's own HS256 tokens (`pnpm run token`, dev sign-in). */
const issuer = "adviser-hub";
const audience = "adviser-hub-gateway";

/**
 * The longest a token may live, `exp` minus `iat` (or minus now when there is no `iat`): a
 * leaked token stops working within this time even if its issuer signed a longer one.
 */
export const maxTokenLifetimeSeconds = 12 * 60 * 60;
/** Clock skew allowed between the identity provider and the gateway. */
const clockToleranceSeconds = 30;

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`Invalid bearer token: ${reason}`);
    this.name = "InvalidTokenError";
  }
}

export interface SignOptions {
  /** A duration in seconds, minutes, hours or days, e.g. "90s", "1m", "12h"; at most 12 hours live. */
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
    // From the issue instant, not from the wall clock: a token signed for a past `now` is
    // as long-lived as any other, and expired.
    .setExpirationTime(issuedAt + durationSeconds(options.expiresIn ?? "12h"))
    .sign(secret);
}

const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

function durationSeconds(text: string): number {
  const match = /^(\d{1,6})\s*([smhd])$/.exec(text.trim());
  if (!match?.[1] || !match[2]) throw new Error(`expiresIn must be a number and s, m, h or d, e.g. "12h" (got "${text}")`);
  return Number.parseInt(match[1], 10) * (units[match[2]] ?? 1);
}

/** A real identity provider: its keys (JWKS), the issuer and audience its tokens must name. */
export interface IdentityProvider {
  readonly jwksUrl: URL;
  readonly issuer: string;
  readonly audience: string;
  /**
   * Prefix of the role, region, authority and funder claims (providers often require a
   * namespaced custom claim such as `https://adviser-hub.example/role`); empty by default.
   */
  readonly claimNamespace: string;
}

/** Reads AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE, AUTH_CLAIM_NAMESPACE; null without a JWKS URL. */
export function identityProvider(env: NodeJS.ProcessEnv = process.env): IdentityProvider | null {
  const url = env.AUTH_JWKS_URL;
  if (!url) return null;
  let jwksUrl: URL;
  try {
    jwksUrl = new URL(url);
  } catch {
    throw new AuthConfigurationError("AUTH_JWKS_URL", "must be an absolute URL");
  }
  if (jwksUrl.protocol !== "https:" && jwksUrl.hostname !== "127.0.0.1" && jwksUrl.hostname !== "localhost") {
    // Keys fetched in clear text could be swapped on the way: only loopback may use http.
    throw new AuthConfigurationError("AUTH_JWKS_URL", "must use https (http only on 127.0.0.1 or localhost)");
  }
  if (!env.AUTH_ISSUER) throw new AuthConfigurationError("AUTH_ISSUER", "must be set when AUTH_JWKS_URL is set");
  if (!env.AUTH_AUDIENCE) throw new AuthConfigurationError("AUTH_AUDIENCE", "must be set when AUTH_JWKS_URL is set");
  return { jwksUrl, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, claimNamespace: env.AUTH_CLAIM_NAMESPACE ?? "" };
}

export type TokenVerifier = (token: string) => Promise<Viewer>;

/**
 * One verifier for both kinds of token, chosen by the header's algorithm: HS256 against the
 * gateway's secret, RS256/ES256 against the provider's JWKS (fetched on first use, cached and
 * refetched by jose when an unknown key id appears). No other algorithm is accepted, so a
 * token cannot downgrade itself to `none` or to HS256 signed with a public key.
 */
export function createTokenVerifier(
  secret: Uint8Array,
  provider: IdentityProvider | null = null,
  options: { readonly max?: number; readonly now?: () => number } = {},
): TokenVerifier {
  const keys: JWTVerifyGetKey | null = provider ? createRemoteJWKSet(provider.jwksUrl) : null;
  const verifyOnce = async (token: string): Promise<Viewer> => {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidTokenError("malformed");
    }
    if (alg === "HS256") return verifyToken(token, secret);
    if ((alg === "RS256" || alg === "ES256") && keys && provider) {
      const payload = await checked(() =>
        jwtVerify(token, keys, {
          issuer: provider.issuer,
          audience: provider.audience,
          algorithms: ["RS256", "ES256"],
          requiredClaims: ["exp"],
          clockTolerance: clockToleranceSeconds,
        }),
      );
      return viewerFrom(payload, provider.claimNamespace);
    }
    throw new InvalidTokenError("signature algorithm not accepted");
  };
  // Tokens already verified, keyed on the whole token (its signature included, so only the same
  // bytes match): a client sends the same token with every request, and the signature check was
  // most of a by-id lookup's CPU. A cached token is still refused from its expiry on; the oldest
  // entries go first once `max` are kept.
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
    const viewer = await verifyOnce(token);
    // Verified, so `exp` is present (required) and in the future.
    const expiresAtMs = (decodeJwt(token).exp ?? 0) * 1000;
    if (verified.size >= max) verified.delete(verified.keys().next().value as string);
    verified.set(token, { viewer, expiresAtMs });
    return viewer;
  };
}

/** Verifies an HS256 token's signature, issuer, audience, expiry, lifetime and claim shape. */
export async function verifyToken(token: string, secret: Uint8Array): Promise<Viewer> {
  const payload = await checked(() =>
    jwtVerify(token, secret, { issuer, audience, algorithms: ["HS256"], requiredClaims: ["exp"] }),
  );
  return viewerFrom(payload, "");
}

async function checked(verify: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await verify());
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError("expired");
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "exp") throw new InvalidTokenError("no expiry");
    throw new InvalidTokenError("signature or claims rejected");
  }
  const expiry = payload.exp as number;
  const start = typeof payload.iat === "number" ? payload.iat : Math.floor(Date.now() / 1000);
  if (expiry - start > maxTokenLifetimeSeconds) throw new InvalidTokenError("lives longer than the 12 hours allowed");
  return payload;
}

function viewerFrom(payload: JWTPayload, namespace: string): Viewer {
  const claim = (name: string): unknown => payload[`${namespace}${name}`];
  const role = claim("role");
  const region = claim("region");
  const authority = claim("authority");
  const funder = claim("funder");
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
