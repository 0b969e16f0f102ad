/**
 * Exact decimals of integer ratios, with BigInt arithmetic only: a report's shares, rates and day
 * counts are printed from integers and never pass through a binary float.
 */

/** A plain non-negative decimal as typed ("2", "2.5", "0.25"), kept exact as scaled / scale. */
export interface ExactDecimal {
  /** The text as given, so a use case can read it again at its region's granularity. */
  readonly text: string;
  readonly scaled: bigint;
  /** A power of ten: 10^(digits after the point). */
  readonly scale: bigint;
}

/** Up to six whole digits and six decimals: larger or finer values are not day counts. */
const plainDecimal = /^(\d{1,6})(?:\.(\d{1,6}))?$/;

/**
 * Reads a plain non-negative decimal string or a number into an exact value; null for anything
 * else ("", "-1", "1e3", "2,5", " 2", "0x10", seven decimals). A number is read through its
 * shortest decimal form (String(2.5) = "2.5"), never multiplied as a float.
 */
export function parseExactDecimal(value: string | number): ExactDecimal | null {
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  const text = String(value);
  const match = plainDecimal.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? "";
  return { text, scaled: BigInt(`${match[1]}${fraction}`), scale: 10n ** BigInt(fraction.length) };
}

const bigGcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** Places needed to write 1/denominator exactly, or null when it has a factor other than 2 and 5. */
function exactPlaces(denominator: bigint): number | null {
  let d = denominator;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos += 1;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives += 1;
  }
  return d === 1n ? Math.max(twos, fives) : null;
}

function toBig(value: number | bigint, what: string): bigint {
  if (typeof value === "bigint") return value;
  // A value past 2^53 has already lost digits: that is a bug upstream, so it throws.
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is not a safe integer: ${value}`);
  return BigInt(value);
}

/** Magnitude / scale as "whole.fraction" with exactly `places` fraction digits. */
function fixedPoint(magnitude: bigint, places: number): string {
  if (places === 0) return String(magnitude);
  const scale = 10n ** BigInt(places);
  return `${magnitude / scale}.${(magnitude % scale).toString().padStart(places, "0")}`;
}

/** Removes trailing fraction zeros and a bare point: "0.7500" -> "0.75", "1.0000" -> "1". */
function trimZeros(text: string): string {
  if (!text.includes(".")) return text;
  let end = text.length;
  while (text[end - 1] === "0") end -= 1;
  if (text[end - 1] === ".") end -= 1;
  return text.slice(0, end);
}

/**
 * numerator / denominator as the shortest exact decimal ("2.5", "0.8", "0.125"); when no exact
 * decimal exists (thirds, a pro-rata week), four places rounded half up (away from zero), then
 * trailing zeros dropped. Integer arithmetic only.
 */
export function exactRatio(numerator: number | bigint, denominator: number | bigint): string {
  const n = toBig(numerator, "numerator");
  const d = toBig(denominator, "denominator");
  if (d === 0n) throw new RangeError("zero denominator");
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const g = bigGcd(absN, absD) || 1n;
  const places = exactPlaces(absD / g);
  let text: string;
  if (places === null) {
    const scaled = (2n * absN * 10_000n + absD) / (2n * absD);
    text = scaled === 0n ? "0" : trimZeros(fixedPoint(scaled, 4));
  } else {
    text = trimZeros(fixedPoint((absN * 10n ** BigInt(places)) / absD, places));
  }
  return negative && text !== "0" ? `-${text}` : text;
}

/** numerator / denominator rounded half up (away from zero) to exactly `places` decimals. */
export function decimalRatio(numerator: number, denominator: number, places: number): string {
  const n = toBig(numerator, "numerator");
  const d = toBig(denominator, "denominator");
  if (d === 0n) throw new RangeError("zero denominator");
  const negative = n < 0n !== d < 0n && n !== 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const scaled = (2n * absN * 10n ** BigInt(places) + absD) / (2n * absD);
  return `${negative ? "-" : ""}${fixedPoint(scaled, places)}`;
}

/** Basis points as a decimal share, four places at most: 7500 -> "0.75", 10000 -> "1". */
export const shareFromBasisPoints = (bp: number): string => trimZeros(decimalRatio(bp, 10_000, 4));
