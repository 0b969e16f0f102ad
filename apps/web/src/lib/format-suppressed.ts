/**
 * Published statistics suppress small counts (1 to 5) as "c". A suppressed figure is shown as
 * suppressed, never as zero or as a blank that reads like zero.
 */
export const suppressedLabel = "suppressed";

export interface PublishedFigure {
  readonly suppressed: boolean;
  readonly value?: number | null;
  readonly rate?: string | null;
}

/** The published count, or "suppressed"; a missing unsuppressed count is "n/a". */
export function formatPublishedCount(row: PublishedFigure): string {
  if (row.suppressed) return suppressedLabel;
  if (row.value === null || row.value === undefined) return "n/a";
  return row.value.toLocaleString("en-GB");
}

/** The rate per 10,000 ("12.34"), or "suppressed". */
export function formatPublishedRate(row: PublishedFigure): string {
  if (row.suppressed) return suppressedLabel;
  return row.rate ?? "n/a";
}
