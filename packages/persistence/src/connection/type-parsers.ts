// Every integer, numeric and count that PostgreSQL returns is parsed here, once, for both
// drivers. Days are units and money is pence, so JS numbers are exact up to 2^53; beyond that
// a silent loss of precision would corrupt a statement, so parsing fails loudly instead.

export const PG_TYPE = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
  TIMESTAMPTZ: 1184,
  TIMESTAMP: 1114,
  INT8_ARRAY: 1016,
  NUMERIC_ARRAY: 1231,
  DATE_ARRAY: 1182,
  TEXT_ARRAY: 1009,
} as const;

export class UnsafeNumberError extends Error {
  constructor(readonly raw: string) {
    super(`database returned ${raw}, which a JS number cannot hold exactly`);
    this.name = "UnsafeNumberError";
  }
}

/** Parses int8/numeric text to a number; throws when the magnitude exceeds 2^53 - 1. */
export function parseSafeNumber(raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw new UnsafeNumberError(raw);
  }
  return value;
}

/** `date` stays the ISO plain-date string 'YYYY-MM-DD' the whole project uses. */
export function parsePlainDate(raw: string): string {
  return raw;
}

/** `timestamptz` text as PostgreSQL prints it ('2010-05-03 09:00:00+00') to a Date. */
export function parseInstant(raw: string): Date {
  const date = new Date(raw.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"));
  if (Number.isNaN(date.getTime())) {
    throw new Error(`database returned an unreadable timestamp: ${raw}`);
  }
  return date;
}
