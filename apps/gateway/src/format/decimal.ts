/** Exact decimal of numerator/denominator rounded half up to `places` (integer arithmetic only). */
export function decimalRatio(numerator: number, denominator: number, places: number): string {
  if (denominator === 0) throw new RangeError("zero denominator");
  const negative = numerator < 0 !== denominator < 0 && numerator !== 0;
  const n = BigInt(Math.abs(numerator));
  const d = BigInt(Math.abs(denominator));
  const scale = 10n ** BigInt(places);
  const scaled = (2n * n * scale + d) / (2n * d);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, "0");
  return `${negative ? "-" : ""}${whole}${places > 0 ? `.${fraction}` : ""}`;
}

/** Basis points as a decimal share: 7500 -> "0.75". */
export const shareFromBasisPoints = (bp: number): string => decimalRatio(bp, 10_000, 4).replace(/\.?0+$/, "") || "0";
