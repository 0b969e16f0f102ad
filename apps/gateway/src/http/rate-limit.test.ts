import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.js";

describe("RateLimiter", () => {
  it("allows a burst of perMinute, then one more per 60/perMinute seconds, and says how long to wait", () => {
    let now = 0;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBe(10);
    now += 9_999;
    expect(limiter.take("a")).toBe(1);
    now += 1;
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("b")).toBe(0);
  });

  it("never allows more than perMinute plus what the elapsed time refills, whatever the arrival times", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 400 }),
        (perMinute, gaps) => {
          let now = 0;
          const limiter = new RateLimiter(perMinute, () => now, 3);
          let allowed = 0;
          for (const gap of gaps) {
            now += gap;
            const wait = limiter.take("viewer");
            if (wait === 0) allowed += 1;
            else expect(wait).toBeGreaterThanOrEqual(1);
            // Fill the table past maxKeys so sweeping runs; sweeping must not reset "viewer".
            limiter.take(`other-${gap % 7}`);
          }
          expect(allowed).toBeLessThanOrEqual(perMinute + Math.floor((now * perMinute) / 60_000));
        },
      ),
    );
  });
});
