
/** Shares and FTE as integer basis points: 10000 = 1.0. */
export type BasisPoints = number;

export const BASIS_POINTS_ONE = 10_000;

/** An exact rational number; `denominator` is always positive and the pair is reduced. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

function assertSafe(value: number, what: string): void {
  // A value past 2^53 would silently lose pence or units: that is a bug, so it throws.
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is not a safe integer: ${value}`);
}

/** Floor division of integers, exact for all safe integers (corrects the float quotient). */
export function floorDiv(a: number, b: number): number {
  assertSafe(a, "dividend");
  assertSafe(b, "divisor");
  if (b === 0) throw new RangeError("division by zero");
  // Past 2^53 the product q x b below is no longer exact, so the remainder correction would be
  // wrong (the BigInt property test finds them): those few cases divide as BigInt.
  if (Math.abs(a) + Math.abs(b) > Number.MAX_SAFE_INTEGER) {
    const big = BigInt(a) / BigInt(b);
    const inexact = BigInt(a) % BigInt(b) !== 0n;
    return Number(inexact && a < 0 !== b < 0 ? big - 1n : big);
  }
  let q = Math.floor(a / b);
  let r = a - q * b;
  // The float quotient can be off by one near integer boundaries; fix it with the remainder.
  if (b > 0) {
    while (r < 0) {
      q -= 1;
      r += b;
    }
    while (r >= b) {
      q += 1;
      r -= b;
    }
  } else {
    while (r > 0) {
      q -= 1;
      r += b;
    }
    while (r <= b) {
      q += 1;
      r -= b;
    }
  }
  return q;
}

/** Ceiling division of integers. */
export function ceilDiv(a: number, b: number): number {
  return -floorDiv(-a, b);
}

/**
 * a / b rounded half up (towards +infinity at exactly .5), exact integer arithmetic.
 * Negative amounts therefore round -0.5 to 0; charges are never negative, adjustments are
 * differences of already-rounded charges, so this only matters for callers' own use.
 */
export function divideHalfUp(a: number, b: number): number {
  if (b < 0) return divideHalfUp(-a, -b);
  return floorDiv(2 * a + b, 2 * b);
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function fraction(numerator: number, denominator: number): Fraction {
  assertSafe(numerator, "numerator");
  assertSafe(denominator, "denominator");
  if (denominator === 0) throw new RangeError("zero denominator");
  const sign = denominator < 0 ? -1 : 1;
  const g = gcd(numerator, denominator) || 1;
  return { numerator: (sign * numerator) / g, denominator: (sign * denominator) / g };
}

/** A fraction as basis points (x 10000), rounded half up. 0/0 is reported as 0. */
export function fractionToBasisPoints(f: Fraction): BasisPoints {
  if (f.denominator === 0) return 0;
  return divideHalfUp(f.numerator * BASIS_POINTS_ONE, f.denominator);
}
