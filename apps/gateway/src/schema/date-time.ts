import { GraphQLError, Kind } from "graphql";
import { builder } from "../builder.js";

const parse = (value: unknown): Date => {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError("DateTime must be an ISO 8601 instant such as 2010-05-03T09:30:00Z", {
      extensions: { code: "VALIDATION" },
    });
  }
  return date;
};

builder.scalarType("DateTime", {
  description: "An instant, written as an ISO 8601 date-time in UTC (2010-05-03T09:30:00.000Z).",
  serialize: (value) => value.toISOString(),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
