import { formatScaled } from "./decimal.js";

/** The shape every Money field shares; `pence` is an integer. */
export interface MoneyValue {
  readonly pence: number;
  readonly formatted?: string;
}

/**
 * Integer pence as pounds with the pence always shown: 123456 -> "£1,234.56", -500 -> "−£5.00".
 * Null money (a cost per day with no delivery) is "not applicable", never "£0.00".
 */
export function formatMoney(money: MoneyValue | number | null | undefined): string {
  if (money === null || money === undefined) return "n/a";
  const pence = typeof money === "number" ? money : money.pence;
  if (!Number.isSafeInteger(pence)) throw new RangeError(`${pence} is not a whole number of pence`);
  const text = formatScaled(BigInt(pence), 2, 2);
  return text.startsWith("−") ? `−£${text.slice(1)}` : `£${text}`;
}
