import { GraphQLError, type ValueNode, Kind } from "graphql";
import { builder } from "../builder.js";

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literal(field.value)]));
    default:
      throw new GraphQLError("JSON literals may not hold variables", { extensions: { code: "VALIDATION" } });
  }
}

builder.scalarType("JSON", {
  description: "A JSON value as stored (a policy, an audit entry's before and after), passed through unchanged.",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literal,
});
