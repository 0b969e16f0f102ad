import { type ExactDecimal, formatDays, parseExactDecimal } from "@adviser-hub/domain";
import { GraphQLError, Kind, type ValueNode } from "graphql";
import { builder } from "../builder.js";

// A literal carries its node so the refusal can be located (and named) in the document.
const parse = (value: unknown, node?: ValueNode): ExactDecimal => {
  // The scalar promises "never a float": a JSON number is taken only when it is a whole number.
  const given = typeof value === "string" || (typeof value === "number" && Number.isInteger(value)) ? value : null;
  const parsed = given === null ? null : parseExactDecimal(given);
  if (!parsed) {
    throw new GraphQLError(
      `Days must be a non-negative decimal string such as "2.5", got ${JSON.stringify(value)?.slice(0, 40)}`,
      { nodes: node, extensions: { code: "VALIDATION" } },
    );
  }
  return parsed;
};

/**
 * Day figures formatted once per (units, granularity): a page serialises hundreds of them,
 * nearly all the same few values, and formatting is exact-decimal arithmetic each time. Only
 * small whole counts of units are kept, for at most a few granularities, so the table stays small.
 */
const formattedByGranularity = new Map<number, string[]>();
const KEPT_UNITS = 1024;
const KEPT_GRANULARITIES = 16;

function formatted(units: number, unitsPerDay: number): string {
  if (!Number.isInteger(units) || units < 0 || units >= KEPT_UNITS) return formatDays(units, unitsPerDay);
  let table = formattedByGranularity.get(unitsPerDay);
  if (!table) {
    if (formattedByGranularity.size >= KEPT_GRANULARITIES) return formatDays(units, unitsPerDay);
    table = [];
    formattedByGranularity.set(unitsPerDay, table);
  }
  let text = table[units];
  if (text === undefined) {
    text = formatDays(units, unitsPerDay);
    table[units] = text;
  }
  return text;
}

builder.scalarType("Days", {
  description:
    "A number of adviser days as an exact decimal string (\"2.5\"), never a float. Inputs must be a whole number of the region's units (half days in London); outputs are exact.",
  serialize: (value) => formatted(value.units, value.unitsPerDay),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT ? Number(ast.value) : undefined, ast),
});
