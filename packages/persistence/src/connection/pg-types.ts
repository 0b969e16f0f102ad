import type { PGliteOptions } from "@electric-sql/pglite";
import pg from "pg";
import { PG_TYPE, parseInstant, parsePlainDate, parseSafeNumber } from "./type-parsers.js";

type TextParser = (raw: string) => unknown;

/** Parsers for PGlite, keyed by type oid (PGlite derives array parsers from element ones). */
export const pgliteParsers: NonNullable<PGliteOptions["parsers"]> = {
  [PG_TYPE.INT8]: parseSafeNumber,
  [PG_TYPE.NUMERIC]: parseSafeNumber,
  [PG_TYPE.DATE]: parsePlainDate,
  [PG_TYPE.TIMESTAMPTZ]: parseInstant,
};

const mapArray =
  (base: TextParser, each: (raw: string) => unknown): TextParser =>
  (raw) =>
    (base(raw) as (string | null)[]).map((item) => (item === null ? null : each(item)));

// pg-types registers a text[] parser, but 1009 is missing from its TypeId enum.
const defaultParser = pg.types.getTypeParser as (oid: number, format: "text") => TextParser;
const textArray = defaultParser(PG_TYPE.TEXT_ARRAY, "text");

const pgParsers = new Map<number, TextParser>([
  [PG_TYPE.INT8, parseSafeNumber],
  [PG_TYPE.NUMERIC, parseSafeNumber],
  [PG_TYPE.DATE, parsePlainDate],
  [PG_TYPE.INT8_ARRAY, mapArray(textArray, parseSafeNumber)],
  [PG_TYPE.NUMERIC_ARRAY, mapArray(textArray, parseSafeNumber)],
  [PG_TYPE.DATE_ARRAY, textArray],
]);

/**
 * Per-pool type parsers for `pg` (not the global `pg.types`, so other users of `pg` in the
 * same process keep theirs). timestamptz keeps pg's own parser, which yields a Date.
 */
export const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    const custom = format !== "binary" ? pgParsers.get(oid) : undefined;
    return custom ?? pg.types.getTypeParser(oid, format ?? "text");
  },
} as unknown as pg.CustomTypesConfig;
