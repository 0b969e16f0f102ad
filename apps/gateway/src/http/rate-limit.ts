import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.js";

/**
 * A token bucket per key: `perMinute` requests at once, refilled evenly over the minute.
 * Whole-number arithmetic on milliseconds (a token is 60,000 "credits"), so no float drifts.
 */
export class RateLimiter {
  readonly #capacity: number;
  readonly #buckets = new Map<string, { credits: number; at: number }>();
  static readonly #CREDITS_PER_TOKEN = 60_000;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Keys kept before full buckets are swept (a full bucket is the same as none). */
    private readonly maxKeys = 10_000,
  ) {
    this.#capacity = perMinute * RateLimiter.#CREDITS_PER_TOKEN;
  }

  /** Takes one request for `key`: 0 when allowed, else the whole seconds to wait. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { credits: this.#capacity, at: now };
    // perMinute credits per millisecond: one token (60,000 credits) every 60,000 / perMinute ms.
    bucket.credits = Math.min(this.#capacity, bucket.credits + Math.max(0, now - bucket.at) * this.perMinute);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.maxKeys) this.#sweep(now);
    if (bucket.credits >= RateLimiter.#CREDITS_PER_TOKEN) {
      bucket.credits -= RateLimiter.#CREDITS_PER_TOKEN;
      return 0;
    }
    const missing = RateLimiter.#CREDITS_PER_TOKEN - bucket.credits;
    return Math.ceil(missing / this.perMinute / 1000);
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.credits + (now - bucket.at) * this.perMinute >= this.#capacity) this.#buckets.delete(key);
    }
  }
}

/**
 * Who a request counts against: the signed-in viewer (role, region and the authority or funder
 * a token is bound to), or an anonymous caller's address. Read after the token is verified, so
 * a forged token cannot spend someone else's allowance.
 */
export function rateLimitKey(context: Partial<GatewayContext> & { req?: { socket?: { remoteAddress?: string } } }): string {
  const viewer = context.viewer;
  if (viewer) return `viewer:${viewer.role}:${viewer.region}:${viewer.authority ?? ""}:${viewer.funder ?? ""}`;
  return `address:${context.req?.socket?.remoteAddress ?? "unknown"}`;
}

/**
 * Refuses a viewer's request past the limit with `RATE_LIMITED`, HTTP 429 and `Retry-After`,
 * before any resolver or SQL runs. Counted per process: behind node:cluster each worker keeps
 * its own buckets, so the limit a viewer meets is per worker.
 */
export function rateLimitPlugin(limiter: RateLimiter): Plugin<GatewayContext> {
  return {
    onContextBuilding() {
      return ({ context }) => {
        const wait = limiter.take(rateLimitKey(context as never));
        if (wait === 0) return;
        throw new GraphQLError(`Too many requests; retry after ${wait} s`, {
          extensions: {
            code: "RATE_LIMITED",
            retryAfterSeconds: wait,
            http: { status: 429, headers: { "retry-after": String(wait) } },
          },
        });
      };
    },
  };
}
