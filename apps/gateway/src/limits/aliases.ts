import type { ASTVisitor, ValidationContext } from "graphql";
import { GraphQLError } from "graphql";

/** Caps aliases per document: aliases are how one request multiplies an expensive field. */
export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias) return;
        count += 1;
        if (count > maxAliases && !reported) {
          reported = true;
          context.reportError(
            new GraphQLError(`Query uses more than ${maxAliases} aliases`, {
              nodes: [node],
              extensions: { code: "TOO_MANY_ALIASES", limit: maxAliases },
            }),
          );
        }
      },
    };
  };
}
