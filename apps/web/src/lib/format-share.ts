import { formatScaled, parseScaled } from "./decimal.js";

/** A share as the gateway sends it ("0.8182") as a percentage to one place: "81.8%". */
export function formatShare(share: string | null | undefined): string {
  if (share === null || share === undefined) return "n/a";
  // Per-mille of the whole, rounded half up from the exact decimal: 0.8182 -> 818 -> 81.8%.
  return `${formatScaled(parseScaled(share, 3), 1, 1)}%`;
}
