import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { createTestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "../testing/harness.js";
import { createGateway } from "../yoga.js";
import { AuthConfigurationError, authSecret, developmentSecret } from "./secret.js";
import { createTokenVerifier, identityProvider, InvalidTokenError, maxTokenLifetimeSeconds, signToken, type TokenVerifier, verifyToken } from "./token.js";

const strong = "a-production-secret-of-at-least-32-characters";

describe("the HS256 secret", () => {
  it("falls back to the public development secret only when NODE_ENV is unset, development or test", () => {
    const fallback = new TextEncoder().encode(developmentSecret);
    expect(authSecret({})).toEqual(fallback);
    expect(authSecret({ NODE_ENV: "development" })).toEqual(fallback);
    expect(authSecret({ NODE_ENV: "test" })).toEqual(fallback);
    for (const NODE_ENV of ["staging", "production", "prod"]) {
      expect(() => authSecret({ NODE_ENV })).toThrow(/^AUTH_SECRET must be set/);
    }
  });

  it("refuses the public development secret and a weak one outside development, naming the variable", () => {
    for (const NODE_ENV of ["staging", "production"]) {
      expect(() => authSecret({ NODE_ENV, AUTH_SECRET: developmentSecret })).toThrow(/^AUTH_SECRET must not be the public development secret/);
      expect(() => authSecret({ NODE_ENV, AUTH_SECRET: "short-secret" })).toThrow(/^AUTH_SECRET is too weak/);
      expect(authSecret({ NODE_ENV, AUTH_SECRET: strong })).toEqual(new TextEncoder().encode(strong));
    }
    try {
      authSecret({ NODE_ENV: "production" });
    } catch (error) {
      expect(error).toBeInstanceOf(AuthConfigurationError);
      expect((error as AuthConfigurationError).variable).toBe("AUTH_SECRET");
    }
  });

  it("requires an expiry and refuses a lifetime over 12 hours", async () => {
    const secret = authSecret({});
    const verify = createTokenVerifier(secret);
    const viewer = { role: "ADVISER", region: "london" } as const;
    const base = () => new SignJWT(viewer).setProtectedHeader({ alg: "HS256" }).setIssuer("adviser-hub").setAudience("adviser-hub-gateway");
    await expect(verify(await base().setIssuedAt().sign(secret))).rejects.toThrow(/no expiry/);
    await expect(verify(await base().setIssuedAt().setExpirationTime("13h").sign(secret))).rejects.toThrow(/12 hours/);
    await expect(verify(await base().setExpirationTime("13h").sign(secret))).rejects.toThrow(/12 hours/);
    await expect(verify(await base().setIssuedAt().setExpirationTime("12h").sign(secret))).resolves.toMatchObject(viewer);
    const expired = await signToken({ ...viewer, authority: null, funder: null }, secret, { now: new Date("2020-01-01T00:00:00Z") });
    await expect(verify(expired)).rejects.toThrow(/expired/);
    await expect(verify("not.a.token")).rejects.toThrow(/malformed/);
    expect(maxTokenLifetimeSeconds).toBe(43_200);
  });
});

describe("tokens from an identity provider (JWKS served on 127.0.0.1)", () => {
  let server: Server;
  let jwksUrl: string;
  let verify: TokenVerifier;
  const rsa = generateKeyPair("RS256");
  const ec = generateKeyPair("ES256");
  const stranger = generateKeyPair("RS256");
  const namespace = "https://adviser-hub.example/";
  const env = () => ({
    NODE_ENV: "production",
    AUTH_JWKS_URL: jwksUrl,
    AUTH_ISSUER: "https://idp.example/",
    AUTH_AUDIENCE: "adviser-hub",
    AUTH_CLAIM_NAMESPACE: namespace,
  });
  let requests = 0;

  beforeAll(async () => {
    const keys = [
      { ...(await exportJWK((await rsa).publicKey)), kid: "rsa-1", alg: "RS256", use: "sig" },
      { ...(await exportJWK((await ec).publicKey)), kid: "ec-1", alg: "ES256", use: "sig" },
    ];
    server = createServer((_, response) => {
      requests += 1;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    verify = createTokenVerifier(authSecret({ NODE_ENV: "production", AUTH_SECRET: strong }), identityProvider(env()));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const claims = { [`${namespace}role`]: "AUTHORITY", [`${namespace}region`]: "london", [`${namespace}authority`]: "E09000028" };
  const sign = async (
    alg: "RS256" | "ES256",
    kid: string,
    key: CryptoKey,
    options: { issuer?: string; audience?: string; expires?: string | null; body?: Record<string, unknown> } = {},
  ) => {
    const jwt = new SignJWT(options.body ?? claims)
      .setProtectedHeader({ alg, kid })
      .setIssuer(options.issuer ?? "https://idp.example/")
      .setAudience(options.audience ?? "adviser-hub")
      .setSubject("auth0|someone")
      .setIssuedAt();
    if (options.expires !== null) jwt.setExpirationTime(options.expires ?? "1h");
    return jwt.sign(key);
  };

  it("maps the provider's namespaced claims to role, region, authority and funder, for RS256 and ES256", async () => {
    const expected = { role: "AUTHORITY", region: "london", authority: "E09000028", funder: null };
    expect(await verify(await sign("RS256", "rsa-1", (await rsa).privateKey))).toEqual(expected);
    expect(await verify(await sign("ES256", "ec-1", (await ec).privateKey))).toEqual(expected);
    const funder = { [`${namespace}role`]: "FUNDER", [`${namespace}region`]: "london", [`${namespace}funder`]: "fnd-dfe" };
    expect(await verify(await sign("ES256", "ec-1", (await ec).privateKey, { body: funder }))).toEqual({
      role: "FUNDER",
      region: "london",
      authority: null,
      funder: "fnd-dfe",
    });
    // The key set is fetched once and cached, not per request.
    expect(requests).toBe(1);
  });

  it("refuses another issuer, another audience, no expiry, a long life, a foreign key and bad claims", async () => {
    const key = (await rsa).privateKey;
    await expect(verify(await sign("RS256", "rsa-1", key, { issuer: "https://evil.example/" }))).rejects.toThrow(/rejected/);
    await expect(verify(await sign("RS256", "rsa-1", key, { audience: "another-api" }))).rejects.toThrow(/rejected/);
    await expect(verify(await sign("RS256", "rsa-1", key, { expires: null }))).rejects.toThrow(/no expiry/);
    await expect(verify(await sign("RS256", "rsa-1", key, { expires: "24h" }))).rejects.toThrow(/12 hours/);
    await expect(verify(await sign("RS256", "rsa-1", (await stranger).privateKey))).rejects.toThrow(/rejected/);
    await expect(verify(await sign("RS256", "rsa-1", key, { body: { role: "AUTHORITY", region: "london" } }))).rejects.toThrow(/unknown role/);
    const noAuthority = { [`${namespace}role`]: "AUTHORITY", [`${namespace}region`]: "london" };
    await expect(verify(await sign("RS256", "rsa-1", key, { body: noAuthority }))).rejects.toThrow(/needs an authority/);
    // alg "none" and unknown algorithms never reach a key.
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 })).toString("base64url");
    await expect(verify(`${header}.${body}.`)).rejects.toThrow(/algorithm not accepted/);
  });

  it("signs a viewer in through the production gateway, and refuses the development token there", async () => {
    const database = await createTestDatabase("pglite");
    try {
      const gateway = createGateway({ db: database.db, env: { ...env(), AUTH_SECRET: strong } });
      // The dashboard's viewer operation: production runs trusted operations only.
      const query = "query Viewer { viewer { signedIn role region authority funder } }";
      const signedIn = await execute(gateway, query, { token: await sign("ES256", "ec-1", (await ec).privateKey) });
      expect(signedIn.data).toEqual({ viewer: { signedIn: true, role: "AUTHORITY", region: "london", authority: "E09000028", funder: null } });
      const development = await signToken({ role: "REGION_ADMIN", region: "london", authority: null, funder: null }, authSecret({}));
      expect((await execute(gateway, query, { token: development })).status).toBe(401);
    } finally {
      await database.close();
    }
  });

  it("refuses RS256 tokens when no provider is configured, and names the missing variable", async () => {
    const local = createTokenVerifier(authSecret({}));
    await expect(local(await sign("RS256", "rsa-1", (await rsa).privateKey))).rejects.toThrow(/algorithm not accepted/);
    expect(() => identityProvider({ AUTH_JWKS_URL: jwksUrl })).toThrow(/^AUTH_ISSUER/);
    expect(() => identityProvider({ AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: "x" })).toThrow(/^AUTH_AUDIENCE/);
    expect(() => identityProvider({ AUTH_JWKS_URL: "http://idp.example/jwks", AUTH_ISSUER: "x", AUTH_AUDIENCE: "y" })).toThrow(/^AUTH_JWKS_URL must use https/);
    expect(() => identityProvider({ AUTH_JWKS_URL: "not a url" })).toThrow(/^AUTH_JWKS_URL/);
    expect(identityProvider({})).toBeNull();
  });
});

// The cached verifier answers what verifyToken answers, for as long as the token lives: a
// token is refused from its expiry on even once cached, and a token differing in any byte is
// checked afresh.
describe("createTokenVerifier's cache of verified tokens", () => {
  const cacheSecret = new TextEncoder().encode("a-test-secret-that-is-at-least-32-characters");
  const admin = { role: "REGION_ADMIN" as const, region: "london", authority: null, funder: null };

  it("answers verifyToken's viewer, and refuses a cached token from its expiry on", async () => {
    let now = Date.now();
    const verify = createTokenVerifier(cacheSecret, null, { now: () => now });
    const token = await signToken(admin, cacheSecret, { expiresIn: "1h" });
    expect(await verify(token)).toEqual(await verifyToken(token, cacheSecret));
    now += 59 * 60 * 1000;
    expect(await verify(token)).toEqual(admin);
    now += 2 * 60 * 1000;
    await expect(verify(token)).rejects.toThrow(/expired/);
  });

  it("checks a token differing in one byte of its signature afresh", async () => {
    const verify = createTokenVerifier(cacheSecret);
    const token = await signToken(admin, cacheSecret);
    await verify(token);
    // The signature's first character (its last one carries two unused bits in base64url).
    const at = token.lastIndexOf(".") + 1;
    const changed = token[at] === "A" ? "B" : "A";
    await expect(verify(`${token.slice(0, at)}${changed}${token.slice(at + 1)}`)).rejects.toThrow(InvalidTokenError);
    const other = await signToken(admin, new TextEncoder().encode("another-secret-that-is-at-least-32-characters"));
    await expect(verify(other)).rejects.toThrow(InvalidTokenError);
  });

  it("keeps at most max tokens, the oldest going first, and still verifies the evicted", async () => {
    const verify = createTokenVerifier(cacheSecret, null, { max: 2 });
    const tokens = await Promise.all(["a", "b", "c"].map((region) => signToken({ ...admin, region }, cacheSecret)));
    for (const token of tokens) await verify(token);
    expect((await verify(tokens[0]!)).region).toBe("a");
  });
});
