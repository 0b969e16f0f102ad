import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./schema/index.js";

/** The schema as committed in schema.graphql: sorted, so diffs show real changes only. */
export function printSchemaText(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
