import { GraphQLError, Kind, type ValueNode } from "graphql";
import { builder } from "../builder.js";
import { isPlainDate } from "./date.js";

// Date, hours and minutes required; seconds and a fraction optional; the offset required.
const pattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * True for a real instant: a calendar date that exists (JavaScript's Date rolls 2011-02-30
 * over to March 2nd; this does not), a wall time within the day, and an explicit offset
 * (an instant without one means a different moment on every server's zone).
 */
export function isInstant(value: string): boolean {
  const match = pattern.exec(value);
  if (!match?.[1] || !isPlainDate(match[1])) return false;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return false;
  if (match[5] !== "Z" && (Number(match[6]) > 23 || Number(match[7]) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

// A literal carries its node so the refusal can be located (and named) in the document.
const parse = (value: unknown, node?: ValueNode): Date => {
  if (typeof value !== "string" || !isInstant(value)) {
    throw new GraphQLError(
      `DateTime must be an ISO 8601 instant with an offset, such as 2010-05-03T09:30:00Z, got ${JSON.stringify(value)?.slice(0, 40)}`,
      { nodes: node, extensions: { code: "VALIDATION" } },
    );
  }
  return new Date(value);
};

builder.scalarType("DateTime", {
  description:
    "An instant, written as an ISO 8601 date-time with an offset (2010-05-03T09:30:00Z or 2010-05-03T10:30:00+01:00); answered in UTC (2010-05-03T09:30:00.000Z). A date that does not exist or a missing offset is refused.",
  serialize: (value) => value.toISOString(),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});
