import { useGraphQlJit } from "@envelop/graphql-jit";
import { type DocumentNode, type ExecutionResult, getOperationAST, type OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { withLocations } from "./locate-errors.js";

/**
 * Executes queries with graphql-jit instead of graphql-js's interpreter: each document is
 * compiled once into JavaScript that resolves exactly its selection (no per-field walk of the
 * AST, no generic completeValue), and the compiled function is cached by the parsed document,
 * which Yoga's parse cache hands back for a repeated query. A CPU profile of the engagements
 * page put graphql-js's executeFields/completeValue/promiseForObject near the top; see
 * tooling/bench/README.md for what compiling saves.
 *
 * Resolvers, scope checks, loaders, validation and error masking are unchanged: only the
 * executor is replaced. Mutations keep graphql-js: graphql-jit writes literal arguments into
 * the generated code as JSON, and the parsed `Days` of a mutation input holds bigints, which
 * JSON cannot carry; a mutation resolves a handful of fields, so it has little to gain.
 */
export function compiledExecution(): Plugin {
  const operations = new WeakMap<DocumentNode, Map<string, OperationDefinitionNode | null>>();
  /** The query a request runs, or null for a mutation (or no single operation). */
  const queryOf = (document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | null => {
    let byName = operations.get(document);
    if (!byName) {
      byName = new Map();
      operations.set(document, byName);
    }
    const key = operationName ?? "";
    let found = byName.get(key);
    if (found === undefined) {
      const operation = getOperationAST(document, operationName);
      found = operation?.operation === "query" ? operation : null;
      byName.set(key, found);
    }
    return found;
  };
  const jit = useGraphQlJit(
    {},
    {
      enableIf: (args) => queryOf(args.document, args.operationName) !== null,
      onError: () => {
        // A document graphql-jit cannot compile is answered with its errors; nothing to add.
      },
    },
  ) as Plugin;
  const locate: Plugin = {
    onExecute({ args }) {
      const operation = queryOf(args.document, args.operationName);
      if (operation === null) return;
      return {
        onExecuteDone({ result, setResult }) {
          const single = result as ExecutionResult;
          if (!single.errors?.some((error) => error.nodes === undefined)) return;
          setResult({ ...single, errors: single.errors.map((error) => withLocations(error, args.document, operation)) });
        },
      };
    },
  };
  return {
    onPluginInit: ({ addPlugin }) => {
      addPlugin(jit);
      addPlugin(locate);
    },
  };
}
