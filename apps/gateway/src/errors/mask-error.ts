import { asServiceUnavailable } from "@adviser-hub/service";
import { GraphQLError } from "graphql";
import { ExpectedError } from "./expected-error.js";

/** Recognised by name and shape too, in case a dependency ever brings its own graphql-js copy. */
function isGraphQLError(value: unknown): value is GraphQLError {
  return value instanceof GraphQLError || (value instanceof Error && value.name === "GraphQLError" && "extensions" in value);
}

/**
 * graphql-js offers "Did you mean ..." for fields, arguments, types and enum values it does not
 * know: in production that hands a client without introspection the schema's names one guess
 * at a time, so the hint goes and the rest of the message stays.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, "").trim();
}

/**
 * Decides what a client may see of an error. Expected failures keep their message and stable
 * code; errors the gateway raised on purpose (GraphQLError) pass; anything else is a bug and
 * becomes a generic message with no stack, cause or SQL.
 */
export function maskError(error: unknown, genericMessage: string, isDev = false, production = false): Error {
  const located = isGraphQLError(error) ? error : null;
  const original = located ? located.originalError : error;
  const path = located?.path;
  const nodes = located?.nodes;
  if (original instanceof ExpectedError) {
    const extensions: Record<string, unknown> = { code: original.code };
    if ("field" in original && original.field) extensions.field = original.field;
    return new GraphQLError(original.message, { path, nodes, extensions });
  }
  if (located && (original == null || isGraphQLError(original))) {
    const source = original ?? located;
    const message = production ? withoutSuggestions(source.message) : source.message;
    return new GraphQLError(message, { path, nodes, extensions: source.extensions });
  }
  // The database is down or overloaded: not a bug, and the same request may succeed later.
  // 503 with Retry-After, so load balancers and clients back off instead of retrying at once.
  const unavailable = asServiceUnavailable(original);
  if (unavailable) {
    const retryAfterSeconds = unavailable.retryAfterSeconds;
    return new GraphQLError(`The service is unavailable: ${unavailable.message}; retry after ${retryAfterSeconds} s`, {
      path,
      nodes,
      extensions: {
        code: "SERVICE_UNAVAILABLE",
        retryAfterSeconds,
        http: { status: 503, headers: { "retry-after": String(retryAfterSeconds) } },
      },
    });
  }
  return new GraphQLError(isDev && original instanceof Error ? original.message : genericMessage, {
    path,
    nodes,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
}
