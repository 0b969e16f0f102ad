/**
 * The gateway sends days, rates and shares as exact decimal strings ("2.5", "0.8182"). The
 * dashboard keeps them exact: it scales them to integers (bigint) to add or compare, and
 * formats from those integers, so no binary fraction reaches a table. Charts take Number() of
 * the string only to place a mark on the screen.
 */
const pattern = /^(-)?(\d+)(?:\.(\d+))?$/;

/** `text` as an integer count of 10^-scale, rounded half away from zero beyond `scale` digits. */
export function parseScaled(text: string, scale: number): bigint {
  const match = pattern.exec(text.trim());
  if (!match) throw new RangeError(`'${text}' is not a decimal number`);
  const [, sign, whole = "0", fraction = ""] = match;
  let value = BigInt(`${whole}${fraction.slice(0, scale).padEnd(scale, "0")}`);
  if (fraction.length > scale && (fraction[scale] ?? "0") >= "5") value += 1n;
  return sign ? -value : value;
}

/** Groups thousands with commas: 1234567 -> "1,234,567". */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * An integer count of 10^-scale as a decimal string with thousands grouped; trailing zeros of
 * the fraction dropped down to `minFraction` digits.
 */
export function formatScaled(value: bigint, scale: number, minFraction = 0): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  while (fraction.length > minFraction && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  const text = `${groupThousands(whole)}${fraction ? `.${fraction}` : ""}`;
  return negative && /[1-9]/.test(digits) ? `−${text}` : text;
}

/** Sum of exact decimal strings, exact (to `scale` places). */
export function sumDecimals(values: readonly string[], scale = 4): string {
  const total = values.reduce((sum, value) => sum + parseScaled(value, scale), 0n);
  return formatScaled(total, scale).replace(/,/g, "").replace("−", "-");
}
