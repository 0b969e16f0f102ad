import { createRequire } from "node:module";

// Pothos and Yoga load graphql-js through its CommonJS entry (the package has no exports map).
// Under vitest this package's own `import ... from "graphql"` would get the ESM build instead:
// a second copy whose classes fail the realm and instanceof checks. Every runtime value is
// taken from the one copy they share; types still come from `import type`.
const require = createRequire(import.meta.url);
const graphql = require("graphql") as typeof import("graphql");

export const {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  lexicographicSortSchema,
  parse,
  printSchema,
} = graphql;
export type GraphQLError = InstanceType<typeof GraphQLError>;
