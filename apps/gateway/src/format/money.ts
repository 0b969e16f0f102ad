/** Exact decimal pounds without symbol or separators: 120000 -> "1200.00". */
export function decimalPounds(pence: number): string {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`${pence} is not a whole number of pence`);
  const sign = pence < 0 ? "-" : "";
  const abs = BigInt(Math.abs(pence));
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** GraphQL Int is 32-bit signed; larger pence values must fail loudly, never wrap. */
export const maxGraphQLInt = 2_147_483_647;
