import { formatScaled, parseScaled } from "./decimal.js";

/** Days as the gateway sends them ("2.5") grouped and exact, with the unit: "1 day", "2.5 days". */
export function formatDays(days: string | null | undefined): string {
  if (days === null || days === undefined) return "n/a";
  const scaled = parseScaled(days, 6);
  const text = formatScaled(scaled, 6);
  return `${text} ${scaled === 1_000_000n ? "day" : "days"}`;
}

/** Days without the unit, for table cells under a "days" heading: "1,234.5". */
export function formatDaysNumber(days: string): string {
  return formatScaled(parseScaled(days, 6), 6);
}
