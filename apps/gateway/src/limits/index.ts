import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import type { Plugin } from "graphql-yoga";
import { withoutSuggestions } from "../errors/mask-error.js";
import {
  type DocumentNode,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  type ParseOptions,
  type Source,
  type Token,
  TokenKind,
  type ValidationContext,
} from "graphql";

/** The caps API clients can rely on (documented in docs/API.md and the README). */
export const limits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 5_000,
  /** Open brackets, braces and parentheses at once: the parser recurses once per level. */
  maxNesting: 64,
  /** graphql-armor's cost: 1 per scalar, 2 per object, x1.5 per level, x `first`/`last`. */
  maxCost: 50_000,
  maxPageSize: 100,
  maxForecastWeeks: 52,
  maxRequestBodyBytes: 100_000,
} as const;

type Code = "QUERY_TOO_DEEP" | "TOO_MANY_ALIASES" | "TOO_MANY_DIRECTIVES" | "QUERY_TOO_EXPENSIVE";

/**
 * graphql-armor's rules throw an untyped "Syntax Error" by default; instead each reports one
 * error with a stable code and the limit, and validation goes on to report the others.
 */
const refuse =
  (code: Code, limit: number) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    const message = error.message.replace(/^Syntax Error: /, "");
    context?.reportError(new GraphQLError(message, { extensions: { code, limit } }));
  };

const typed = (code: Code, limit: number) => ({ propagateOnRejection: false, onReject: [refuse(code, limit)] });

const opening = new Set<string>([TokenKind.BRACKET_L, TokenKind.BRACE_L, TokenKind.PAREN_L]);
const closing = new Set<string>([TokenKind.BRACKET_R, TokenKind.BRACE_R, TokenKind.PAREN_R]);

class NestingLimitError extends Error {}

/**
 * graphql-armor's parser counts tokens as it lexes and stops at the cap; on top of it this
 * one counts open brackets as the lexer hands them out. The token cap alone is not enough:
 * graphql-js recurses a few frames per nested list, so `[[[...` overflows the stack within
 * 5,000 tokens. Counting in the lexer's token stream (not the source) never mistakes a
 * bracket inside a string for structure.
 */
class LimitedParser extends MaxTokensParserWLexer {
  constructor(source: string | Source, options: ParseOptions & { n: number }) {
    super(source, options);
    let depth = 0;
    const lexer = this._lexer;
    this._lexer = new Proxy(lexer, {
      get: (target, property, receiver) => {
        if (property !== "advance") return Reflect.get(target, property, receiver);
        return (): Token => {
          const token = target.advance();
          if (opening.has(token.kind)) depth += 1;
          else if (closing.has(token.kind)) depth -= 1;
          if (depth > limits.maxNesting) throw new NestingLimitError(`Nesting limit of ${limits.maxNesting} exceeded.`);
          return token;
        };
      },
    });
  }
}

/** Parses within the token and nesting caps; a refusal is a 400 with a stable code and the limit. */
export function parseWithLimits(source: string | Source, options?: ParseOptions): DocumentNode {
  try {
    return new LimitedParser(source, { ...options, n: limits.maxTokens }).parseDocument();
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Syntax Error: (Token limit)/, "$1") : "Could not parse the query";
    const [code, limit] =
      error instanceof NestingLimitError
        ? ["QUERY_TOO_NESTED", limits.maxNesting]
        : /^Token limit/.test(message)
          ? ["QUERY_TOO_LONG", limits.maxTokens]
          : ["GRAPHQL_PARSE_FAILED", undefined];
    throw new GraphQLError(message, { extensions: { code, http: { status: 400 }, ...(limit ? { limit } : {}) } });
  }
}

/**
 * Caps applied before any resolver runs: tokens at parse; depth, aliases, directives and cost
 * at validation. Every rule follows each fragment once (graphql-armor remembers a fragment's
 * figure), so a chain of fragments each spreading the next twice is priced in linear time and
 * its doubling cost is refused. Introspection (`__schema`) is left out of depth and cost, so
 * GraphiQL and codegen can load the schema outside production; production refuses it.
 */
export function limitsPlugin(production: boolean): Plugin {
  const rules = [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...typed("QUERY_TOO_DEEP", limits.maxDepth) }),
    maxAliasesRule({ n: limits.maxAliases, ...typed("TOO_MANY_ALIASES", limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...typed("TOO_MANY_DIRECTIVES", limits.maxDirectives) }),
    costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, ...typed("QUERY_TOO_EXPENSIVE", limits.maxCost) }),
  ];
  return {
    onParse({ setParseFn }) {
      setParseFn(parseWithLimits);
    },
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
      if (!production) return;
      addValidationRule(NoSchemaIntrospectionCustomRule);
      // Validation errors never reach the error mask, so their hints are removed here.
      return ({ valid, result, setResult }) => {
        if (valid) return;
        setResult(
          result.map(
            (error) => new GraphQLError(withoutSuggestions(error.message), { nodes: error.nodes, extensions: error.extensions }),
          ),
        );
      };
    },
  };
}
