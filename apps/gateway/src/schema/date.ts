import { GraphQLError, Kind, type ValueNode } from "graphql";
import { builder } from "../builder.js";

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (no 2010-02-30). */
export function isPlainDate(value: string): boolean {
  const match = pattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// A literal carries its node so the refusal can be located (and named) in the document.
const parse = (value: unknown, node?: ValueNode): string => {
  if (typeof value !== "string" || !isPlainDate(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)?.slice(0, 40)}`, {
      nodes: node,
      extensions: { code: "VALIDATION" },
    });
  }
  return value;
};

builder.scalarType("Date", {
  description: "A calendar date with no time or zone, written YYYY-MM-DD (ISO 8601).",
  serialize: (value) => value,
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});
