import { GraphQLError, Kind } from "graphql";
import { builder } from "../builder.js";
import { formatDays, parseDecimalDays } from "../format/days.js";

const parse = (value: unknown): ReturnType<typeof parseDecimalDays> & object => {
  const text = typeof value === "string" ? value : typeof value === "number" && Number.isInteger(value) ? String(value) : null;
  const parsed = text === null ? null : parseDecimalDays(text);
  if (!parsed) {
    throw new GraphQLError(
      `Days must be a non-negative decimal string such as "2.5", got ${JSON.stringify(value)?.slice(0, 40)}`,
      { extensions: { code: "VALIDATION" } },
    );
  }
  return parsed;
};

builder.scalarType("Days", {
  description:
    "A number of adviser days as an exact decimal string (\"2.5\"), never a float. Inputs must be a whole number of the region's units (half days in London); outputs are exact.",
  serialize: (value) => formatDays(value.units, value.unitsPerDay),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT ? Number(ast.value) : undefined),
});
