/**
 * Day quantities travel as integer units (1 unit = 1/unitsPerDay day). Clients see them as an
 * exact decimal string ("2.5"), computed with integer arithmetic only, so no binary fraction
 * ever leaks into a report. `unitsPerDay` may be a multiple of the granularity so that exact
 * fractions of a unit (a pro-rata commitment) can be shown too.
 */
export function formatDays(units: number, unitsPerDay: number): string {
  if (!Number.isSafeInteger(units) || !Number.isSafeInteger(unitsPerDay) || unitsPerDay <= 0) {
    throw new RangeError(`Cannot format ${units} units at ${unitsPerDay} units a day`);
  }
  const sign = units < 0 ? "-" : "";
  const abs = BigInt(Math.abs(units));
  const per = BigInt(unitsPerDay);
  const whole = abs / per;
  let remainder = abs % per;
  if (remainder === 0n) return `${sign}${whole}`;
  let digits = "";
  // A granularity that does not divide a power of ten (thirds) has no exact decimal: refuse.
  for (let i = 0; i < 12 && remainder !== 0n; i++) {
    remainder *= 10n;
    digits += String(remainder / per);
    remainder %= per;
  }
  if (remainder !== 0n) {
    // Only pro-rata fractions (a commitment over a short week) land here: show them to four
    // places, rounded half up, rather than fail.
    const scaled = (2n * abs * 10_000n + per) / (2n * per);
    return `${sign}${scaled / 10_000n}.${(scaled % 10_000n).toString().padStart(4, "0")}`.replace(/\.?0+$/, "");
  }
  return `${sign}${whole}.${digits}`;
}

/** A decimal day quantity as typed by a client, kept exact as integer / 10^scale. */
export interface DecimalDays {
  readonly text: string;
  readonly scaled: bigint;
  readonly scale: bigint;
}

const decimalPattern = /^(\d{1,6})(?:\.(\d{1,6}))?$/;

/** Parses "2", "2.5", "0.25"; null when the text is not a plain non-negative decimal. */
export function parseDecimalDays(text: string): DecimalDays | null {
  const match = decimalPattern.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? "";
  return {
    text,
    scaled: BigInt(`${match[1]}${fraction}`),
    scale: 10n ** BigInt(fraction.length),
  };
}

