import {
  type ASTNode,
  type ASTVisitor,
  BREAK,
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  Kind,
  type ValidationContext,
  visit,
} from "graphql";
import type { Plugin } from "graphql-yoga";

const isNode = (value: unknown): value is ASTNode =>
  typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as ASTNode).kind === "string";

/** `input.days`, `inputs[0].population`: argument and input field names, list indexes in brackets. */
function joinPath(parts: readonly (string | number)[]): string {
  return parts.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}

/** The dotted path of a value inside an argument, or null when the node is not in one. */
function pathFromAncestors(
  node: ASTNode,
  parent: unknown,
  path: readonly (string | number)[],
  ancestors: readonly unknown[],
): string | null {
  // graphql's visit lists the ancestors above the parent; path[j] is the key of chain[j + 1] in chain[j].
  const chain = [...ancestors, parent, node];
  const parts: (string | number)[] = [];
  let inArgument = false;
  for (let j = 0; j < chain.length; j++) {
    const item = chain[j];
    if (isNode(item)) {
      if (item.kind === Kind.ARGUMENT) {
        parts.length = 0;
        inArgument = true;
        parts.push(item.name.value);
      } else if (item.kind === Kind.OBJECT_FIELD) parts.push(item.name.value);
    } else if (Array.isArray(item) && isNode(chain[j - 1]) && (chain[j - 1] as ASTNode).kind === Kind.LIST) {
      const index = path[j];
      if (typeof index === "number") parts.push(index);
    }
  }
  return inArgument ? joinPath(parts) : null;
}

/** Where a value node sits in the document, as its argument path. */
export function valuePath(document: DocumentNode, target: ASTNode): string | null {
  let found: string | null = null;
  visit(document, {
    enter(node, _key, parent, path, ancestors) {
      if (node !== target) return undefined;
      found = pathFromAncestors(node, parent, path as (string | number)[], ancestors);
      return BREAK;
    },
  });
  return found;
}

/** Each variable's first use, as the argument path it fills (`$d` in `input: { days: $d }` is `input.days`). */
function variableUses(document: DocumentNode): Map<string, string> {
  const uses = new Map<string, string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable(node, _key, parent, path, ancestors) {
      const at = pathFromAncestors(node, parent, path as (string | number)[], ancestors);
      if (at !== null && !uses.has(node.name.value)) uses.set(node.name.value, at);
    },
  });
  return uses;
}

const variableError = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"(?: got invalid value .*? at "([^"]*)")?/s;

/** The argument path a variable coercion error is about, from graphql-js's message. */
function variableErrorPath(document: DocumentNode, message: string): string | null {
  const match = variableError.exec(message);
  if (!match?.[1]) return null;
  const name = match[1];
  const use = variableUses(document).get(name) ?? name;
  // graphql-js prints the path inside the variable after the variable's own name.
  const inside = match[2]?.startsWith(name) ? match[2].slice(name.length) : "";
  return `${use}${inside}`;
}

const withField = (error: GraphQLError, field: string): GraphQLError =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code: "VALIDATION", field },
  });

const hasNul = (text: string): boolean => text.includes("\u0000");

/**
 * A NUL character is never text: PostgreSQL refuses it in `text` (an internal error after the
 * request reached the database), and no name, note or code contains one.
 */
function noNulRule(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      if (hasNul(node.value)) {
        context.reportError(new GraphQLError("Text must not contain a NUL character", { nodes: [node], extensions: { code: "VALIDATION" } }));
      }
    },
  };
}

/** The path of the first string holding a NUL inside a variable's value, or null. */
function nulIn(value: unknown, at: (string | number)[]): (string | number)[] | null {
  if (typeof value === "string") return hasNul(value) ? at : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulIn(value[i], [...at, i]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const found = nulIn(inner, [...at, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Every refusal of a value names the argument path the schema documents (`input.days`), in
 * `extensions.field` with code VALIDATION: literals refused at validation, variables refused
 * while coercing (graphql-js puts the path only in its message, which masking then drops), and
 * text holding a NUL character in either.
 */
export function valuePathsPlugin(): Plugin {
  return {
    onValidate({ addValidationRule, params }) {
      addValidationRule(noNulRule);
      const document = params.documentAST;
      return ({ valid, result, setResult }) => {
        if (valid) return;
        setResult(
          result.map((error) => {
            const node = error.nodes?.[0];
            const field = node ? valuePath(document, node) : null;
            return field === null ? error : withField(error, field);
          }),
        );
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      for (const [name, value] of Object.entries(variables)) {
        const inside = nulIn(value, []);
        if (!inside) continue;
        const use = variableUses(args.document).get(name) ?? name;
        const field = `${use}${joinPath(["", ...inside])}`;
        setResultAndStopExecution({
          errors: [new GraphQLError("Text must not contain a NUL character", { extensions: { code: "VALIDATION", field } })],
        });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          const single = result as ExecutionResult;
          if (!single.errors) return;
          let changed = false;
          const errors = single.errors.map((error) => {
            const field = error.path === undefined ? variableErrorPath(args.document, error.message) : null;
            if (field === null) return error;
            changed = true;
            return withField(error, field);
          });
          if (changed) setResult({ ...single, errors });
        },
      };
    },
  };
}
