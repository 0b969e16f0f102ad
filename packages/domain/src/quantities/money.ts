import type { Units } from "./days.js";
import { divideHalfUp } from "./integer-arithmetic.js";

/** How a region prints money. Amounts are always integer minor units (pence). */
export interface CurrencyFormat {
  readonly code: string;
  readonly symbol: string;
  readonly thousandsSeparator: string;
  readonly decimalSeparator: string;
}

export const GBP: CurrencyFormat = {
  code: "GBP",
  symbol: "£",
  thousandsSeparator: ",",
  decimalSeparator: ".",
};

/** 120000 -> "£1,200.00"; -120000 -> "-£1,200.00". String arithmetic only, no floats. */
export function formatMoney(pence: Pence, currency: CurrencyFormat = GBP): string {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`pence is not a safe integer: ${pence}`);
  const negative = pence < 0;
  const digits = String(Math.abs(pence)).padStart(3, "0");
  const major = digits.slice(0, -2);
  const minor = digits.slice(-2);
  let grouped = "";
  for (let i = 0; i < major.length; i += 1) {
    const fromEnd = major.length - i;
    grouped += major[i];
    if (fromEnd > 1 && (fromEnd - 1) % 3 === 0) grouped += currency.thousandsSeparator;
  }
  return `${negative ? "-" : ""}${currency.symbol}${grouped}${currency.decimalSeparator}${minor}`;
}

/**
 * Exact decimal pounds without symbol or separators, for machines: 120000 -> "1200.00". Integer
 * arithmetic, so any safe integer prints exactly (9007199254740991 -> "90071992547409.91").
 */
export function formatMoneyAmount(pence: Pence): string {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`${pence} is not a whole number of pence`);
  const sign = pence < 0 ? "-" : "";
  const abs = BigInt(Math.abs(pence));
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Money as integer pence. */
export type Pence = number;

/**
 * The charge for `units` at `dayRatePence` a day, rounded half up to the penny:
 * units x rate / unitsPerDay, all in integers.
 */
export function chargeForUnits(units: Units, dayRatePence: Pence, unitsPerDay: number): Pence {
  return divideHalfUp(units * dayRatePence, unitsPerDay);
}
