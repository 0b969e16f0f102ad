import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prng } from "./prng.js";

describe("Prng", () => {
  it("gives the stream the pilot seed was written with (mulberry32 from 20100401)", () => {
    const prng = new Prng(20100401);
    expect([prng.nextUint32(), prng.nextUint32(), prng.nextUint32()]).toEqual([3750615176, 4141242031, 580492782]);
    expect(prng.int(1, 6)).toBe(1);
    expect(prng.pick(["a", "b", "c"])).toBe("b");
  });

  it("repeats itself for the same seed, text or number, and forks apart by label", () => {
    const draw = (p: Prng) => Array.from({ length: 8 }, () => p.nextUint32());
    expect(draw(new Prng("adviser-hub-national"))).toEqual(draw(new Prng("adviser-hub-national")));
    expect(draw(new Prng("adviser-hub-national"))).not.toEqual(draw(new Prng("adviser-hub-nationaL")));
    expect(draw(new Prng(7).fork("london"))).toEqual(draw(new Prng(7).fork("london")));
    expect(draw(new Prng(7).fork("london"))).not.toEqual(draw(new Prng(7).fork("north-west")));
  });

  it("keeps int within its inclusive bounds and next within [0, 1)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1_000, max: 1_000 }), fc.integer({ min: 0, max: 1_000 }), (seed, min, span) => {
        const prng = new Prng(seed);
        for (let i = 0; i < 20; i += 1) {
          const n = prng.int(min, min + span);
          expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
          const x = prng.next();
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
    );
  });

  it("picks only from what it is given, by weight, and refuses an empty list", () => {
    const prng = new Prng(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 1_000; i += 1) counts[prng.weighted([["a", 1], ["b", 0]] as const)] += 1;
    expect(counts).toEqual({ a: 1_000, b: 0 });
    expect(() => prng.pick([])).toThrow("empty list");
  });
});
