import { describe, expect, it } from "vitest";
import { createTokenVerifier, InvalidTokenError, signToken, verifyToken } from "./token.js";

// The cached verifier answers what verifyToken answers, for as long as the token lives: a
// token is refused from its expiry on even once cached, and a token differing in any byte is
// checked afresh.

const secret = new TextEncoder().encode("a-test-secret-that-is-at-least-32-characters");
const admin = { role: "REGION_ADMIN" as const, region: "london", authority: null, funder: null };

describe("createTokenVerifier", () => {
  it("answers verifyToken's viewer, and refuses a cached token from its expiry on", async () => {
    // jose counts the expiry from the real clock, so the test's clock starts there.
    const issued = new Date(Math.floor(Date.now() / 1000) * 1000);
    let now = issued.getTime();
    const verify = createTokenVerifier(secret, { now: () => now });
    const token = await signToken(admin, secret, { now: issued, expiresIn: "1h" });
    expect(await verify(token)).toEqual(await verifyToken(token, secret, issued));
    now += 59 * 60 * 1000;
    expect(await verify(token)).toEqual(admin);
    now += 2 * 60 * 1000;
    await expect(verify(token)).rejects.toThrow(InvalidTokenError);
    await expect(verify(token)).rejects.toThrow(/expired/);
  });

  it("checks a token differing in one byte of its signature afresh", async () => {
    const verify = createTokenVerifier(secret);
    const token = await signToken(admin, secret);
    await verify(token);
    // The signature's first character (its last one carries two unused bits in base64url).
    const at = token.lastIndexOf(".") + 1;
    const changed = token[at] === "A" ? "B" : "A";
    await expect(verify(`${token.slice(0, at)}${changed}${token.slice(at + 1)}`)).rejects.toThrow(/signature or claims rejected/);
    const other = await signToken(admin, new TextEncoder().encode("another-secret-that-is-at-least-32-characters"));
    await expect(verify(other)).rejects.toThrow(InvalidTokenError);
  });

  it("keeps at most max tokens, the oldest going first, and still verifies the evicted", async () => {
    let verified = 0;
    const verify = createTokenVerifier(secret, { max: 2 });
    const tokens = await Promise.all(["a", "b", "c"].map((region) => signToken({ ...admin, region }, secret)));
    for (const token of tokens) verified += (await verify(token)).region.length;
    expect(verified).toBe(3);
    expect((await verify(tokens[0]!)).region).toBe("a");
  });
});
