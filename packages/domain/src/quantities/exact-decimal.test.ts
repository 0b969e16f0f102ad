import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDays, MAX_DELIVERY_UNITS, parseDays, unitsFromExactDecimal } from "./days.js";
import { decimalRatio, exactRatio, parseExactDecimal, shareFromBasisPoints } from "./exact-decimal.js";
import { formatMoney, formatMoneyAmount, GBP } from "./money.js";

/** A printed decimal read back as an exact rational: "-2.75" -> -275 / 100. */
const asRational = (text: string): { n: bigint; d: bigint } => {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a plain decimal: ${text}`);
  const fraction = m[3] ?? "";
  const n = BigInt(`${m[2]}${fraction}`);
  return { n: m[1] === "-" ? -n : n, d: 10n ** BigInt(fraction.length) };
};

/** Whether units / perDay has an exact decimal: the reduced denominator has only 2s and 5s. */
const terminates = (units: number, perDay: number): boolean => {
  let a = Math.abs(units);
  let g = perDay;
  while (a !== 0) [g, a] = [a, g % a];
  let d = perDay / g;
  while (d % 2 === 0) d /= 2;
  while (d % 5 === 0) d /= 5;
  return d === 1;
};

const granularities = fc.constantFrom(1, 2, 4, 5, 8, 10);
/** A pro-rata denominator: a granularity times a week's working days (1..5) or a leave share. */
const proRata = fc.tuple(granularities, fc.integer({ min: 1, max: 7 })).map(([g, k]) => g * k);

describe("exact decimals", () => {
  it("prints pro-rata fractions exactly, and rounds half up to four places only without an exact decimal", () => {
    expect([exactRatio(8, 10), exactRatio(1, 8), exactRatio(1, 1 << 20), exactRatio(-3, 2)]).toEqual([
      "0.8",
      "0.125",
      "0.00000095367431640625",
      "-1.5",
    ]);
    expect([formatDays(1, 3), formatDays(2, 3), formatDays(1, 6), formatDays(10, 3), formatDays(-1, 3)]).toEqual([
      "0.3333",
      "0.6667",
      "0.1667",
      "3.3333",
      "-0.3333",
    ]);
    // Rounds to nothing: no "-0".
    expect([formatDays(-1, 30_000), formatDays(1, 30_000)]).toEqual(["0", "0"]);
    expect(() => formatDays(1, 0)).toThrow(RangeError);
    expect(() => formatDays(0.5, 2)).toThrow(RangeError);
  });

  it("formats with integers only: exact over every safe integer, where a float would lose digits", () => {
    const safe = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(safe, proRata, (units, perDay) => {
        const { n, d } = asRational(formatDays(units, perDay));
        const exact = BigInt(units) * d;
        const shown = n * BigInt(perDay);
        if (terminates(units, perDay)) expect(shown).toBe(exact);
        else {
          // No exact decimal: within half of the fourth place.
          const error = shown > exact ? shown - exact : exact - shown;
          expect(2n * error * 10_000n <= d * BigInt(perDay)).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (pence) => {
        const { n, d } = asRational(formatMoneyAmount(pence));
        expect(d).toBe(100n);
        expect(n).toBe(BigInt(pence));
      }),
    );
  });

  it("parse(format(x)) round-trips every unit count within the bounds, pro-rata values exactly", () => {
    fc.assert(
      // Within both bounds: MAX_DELIVERY_UNITS units, and the parser's six whole digits of days
      // (999,999 days; a million days at one unit a day is refused, naming the field).
      fc.property(
        granularities.chain((perDay) =>
          fc.tuple(fc.integer({ min: 1, max: Math.min(MAX_DELIVERY_UNITS, 999_999 * perDay) }), fc.constant(perDay)),
        ),
        ([units, perDay]) => {
        const text = formatDays(units, perDay);
        expect(parseDays(text, perDay)).toEqual({ ok: true, value: units });
        const decimal = parseExactDecimal(text);
        expect(decimal).not.toBeNull();
        expect(decimal!.scaled * BigInt(perDay)).toBe(BigInt(units) * decimal!.scale);
        },
      ),
    );
    expect(parseDays(formatDays(1_000_000, 1), 1)).toMatchObject({ ok: false, error: { field: "days" } });
    // A pro-rata value that has an exact decimal of at most six places reads back to itself.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(2, 4, 8, 10, 20, 40, 50), (units, perDay) => {
        const decimal = parseExactDecimal(formatDays(units, perDay))!;
        expect(decimal.scaled * BigInt(perDay)).toBe(BigInt(units) * decimal.scale);
        expect(unitsFromExactDecimal(decimal, perDay, "days", true)).toEqual({ ok: true, value: units });
      }),
    );
  });

  it("reads a plain decimal string or number exactly and puts it on the granularity, naming the field", () => {
    expect(parseExactDecimal("2.5")).toEqual({ text: "2.5", scaled: 25n, scale: 10n });
    expect(parseExactDecimal(2.5)).toEqual({ text: "2.5", scaled: 25n, scale: 10n });
    expect(parseExactDecimal(3)).toEqual({ text: "3", scaled: 3n, scale: 1n });
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1e-7, "1.", ".5", "+1", "1_000"]) {
      expect(parseExactDecimal(bad)).toBeNull();
    }
    expect(unitsFromExactDecimal(parseExactDecimal("0.75")!, 4, "estimateDays")).toEqual({ ok: true, value: 3 });
    expect(unitsFromExactDecimal(parseExactDecimal("0.3")!, 2, "estimateDays")).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", field: "estimateDays", message: "0.3 days is not a multiple of 1/2 day" },
    });
    expect(unitsFromExactDecimal(parseExactDecimal("0")!, 2, "days")).toMatchObject({ ok: false, error: { field: "days" } });
    expect(unitsFromExactDecimal(parseExactDecimal("0.0")!, 2, "commitment", true)).toEqual({ ok: true, value: 0 });
    expect(unitsFromExactDecimal({ text: "1e16", scaled: 10n ** 16n, scale: 1n }, 1, "days")).toMatchObject({ ok: false, error: { field: "days" } });
  });

  it("rounds ratios half up and prints money by the currency", () => {
    expect([decimalRatio(1, 8, 2), decimalRatio(-1, 8, 2), decimalRatio(5, 1, 0)]).toEqual(["0.13", "-0.13", "5"]);
    expect([shareFromBasisPoints(1), shareFromBasisPoints(12_345)]).toEqual(["0.0001", "1.2345"]);
    expect(formatMoney(-5, GBP)).toBe("-£0.05");
    expect(formatMoney(123_456_789, { code: "CHF", symbol: "CHF ", thousandsSeparator: "'", decimalSeparator: "." })).toBe(
      "CHF 1'234'567.89",
    );
  });
});
