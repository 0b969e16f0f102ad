import type { ASTVisitor, FieldNode, FragmentDefinitionNode, SelectionSetNode, ValidationContext } from "graphql";
import { GraphQLError, Kind } from "graphql";

export interface CostOptions {
  readonly maxCost: number;
  /** Size assumed for a page or horizon argument given as a variable (its value is unknown here). */
  readonly assumedListSize: number;
  /** Arguments whose value multiplies the cost of the field's selection. */
  readonly multiplierArgs: readonly string[];
}

/**
 * A static cost estimate: every field costs 1, and a field with a page-size or horizon
 * argument (`first`, `last`, `weeks`) multiplies the cost of what it selects. Runs at
 * validation, before any resolver or SQL.
 */
export function costLimitRule(options: CostOptions) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const multiplier = (field: FieldNode): number => {
      let factor = 1;
      for (const arg of field.arguments ?? []) {
        if (!options.multiplierArgs.includes(arg.name.value)) continue;
        const value =
          arg.value.kind === Kind.INT ? Number.parseInt(arg.value.value, 10) : options.assumedListSize;
        factor = Math.max(factor, Number.isFinite(value) && value > 0 ? value : 1);
      }
      return factor;
    };
    const costOf = (set: SelectionSetNode, seen: Set<string>): number => {
      let total = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const below = selection.selectionSet ? costOf(selection.selectionSet, seen) : 0;
          total += 1 + multiplier(selection) * below;
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          total += costOf(selection.selectionSet, seen);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) continue;
          total += costOf(fragment.selectionSet, new Set([...seen, name]));
        }
        // Stop early: huge documents should not cost time to price.
        if (total > options.maxCost) return total;
      }
      return total;
    };
    return {
      OperationDefinition(node) {
        const cost = costOf(node.selectionSet, new Set());
        if (cost > options.maxCost) {
          context.reportError(
            new GraphQLError(`Query is too expensive: estimated cost exceeds ${options.maxCost}`, {
              nodes: [node],
              extensions: { code: "QUERY_TOO_EXPENSIVE", limit: options.maxCost },
            }),
          );
        }
      },
    };
  };
}
