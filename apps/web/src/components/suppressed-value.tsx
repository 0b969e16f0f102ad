import { type PublishedFigure, formatPublishedCount, formatPublishedRate } from "../lib/format-suppressed.js";

/** A published count or rate; a suppressed one reads "suppressed" (and is never zero). */
export function SuppressedValue({ row, kind }: { row: PublishedFigure; kind: "count" | "rate" }) {
  if (row.suppressed) {
    return (
      <span className="suppressed" title="Suppressed at source: a count of 1 to 5, never zero">
        {kind === "count" ? formatPublishedCount(row) : formatPublishedRate(row)}
      </span>
    );
  }
  return <>{kind === "count" ? formatPublishedCount(row) : formatPublishedRate(row)}</>;
}
