import { invalid, ok, type Result, type ValidationError } from "../result.js";

/** Rule 18. A theme of the region's vocabulary: `code` never changes once used; `name` is its label. */
export interface Theme {
  readonly code: string;
  readonly name: string;
  /** Retired themes keep the history that used them but take no new learning item or event. */
  readonly retired: boolean;
}

export const THEME_NAME_MAX = 80;

/**
 * A theme's name as stored: trimmed, inner runs of white space made one space, 1 to 80
 * characters, no control characters. A new theme's code is its first name, so the
 * vocabulary reads like the free-text themes engagements always carried.
 */
export function normaliseThemeName(value: unknown, field: string): Result<string, ValidationError> {
  if (typeof value !== "string") return invalid(field, value === undefined ? "is required" : "must be text");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return invalid(field, "must not contain control characters");
  const name = value.trim().replace(/\s+/g, " ");
  if (name === "") return invalid(field, "must not be empty");
  if (name.length > THEME_NAME_MAX) return invalid(field, `must be at most ${THEME_NAME_MAX} characters`);
  return ok(name);
}

/** Two names clash when they differ only in letter case: the vocabulary keeps one of them. */
export const sameThemeName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
