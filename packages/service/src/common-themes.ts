import {
  BENCHMARK_MEASURES,
  type CommonTheme,
  type ForbiddenError,
  type Result,
  type ValidationError,
  commonThemes as decideCommonThemes,
  invalid,
} from "@adviser-hub/domain";
import { type Queryable, publishedFigures, themeActivity } from "@adviser-hub/persistence";
import { type Reader, requireReader } from "./actor.js";
import { benchmarksOf } from "./benchmark-inputs.js";
import { validYear } from "./year.js";

export interface CommonThemesArgs {
  readonly region: string;
  readonly year: number;
  /** A theme seen in at least this many authorities is a problem common to the boroughs. */
  readonly minAuthorities: number;
}

export interface CommonThemesReport {
  readonly year: number;
  readonly minAuthorities: number;
  readonly themes: readonly CommonTheme[];
}

export type CommonThemesResult = Result<CommonThemesReport, ValidationError | ForbiddenError>;

/**
 * Themes across the region's authorities for a financial year: sums of stored deliveries per
 * theme and home authority, the year's published figures on every measure, and the domain's
 * decision of outliers and common themes. Two statements.
 */
export async function commonThemes(db: Queryable, reader: Reader, args: CommonThemesArgs): Promise<CommonThemesResult> {
  const denied = requireReader(reader, "commonThemes", args.region);
  if (denied) return { ok: false, error: denied };
  const year = validYear(args.year);
  if (!year.ok) return year;
  if (!Number.isSafeInteger(args.minAuthorities) || args.minAuthorities < 1 || args.minAuthorities > 1_000)
    return invalid("minAuthorities", "must be a whole number from 1 to 1000");
  const [activity, figures] = await Promise.all([
    themeActivity(db, args.region, year.value),
    publishedFigures(db, args.region, { measures: BENCHMARK_MEASURES, fromYear: year.value, toYear: year.value }),
  ]);
  const decided = decideCommonThemes(activity, benchmarksOf(figures), args.minAuthorities);
  if (!decided.ok) return decided;
  return { ok: true, value: { year: year.value, minAuthorities: args.minAuthorities, themes: decided.value } };
}
