import type { Clock } from "@adviser-hub/domain";
import { type Database, ReportCache } from "@adviser-hub/service";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse } from "graphql";
import type { Kysely } from "kysely";
import { authSecret } from "./auth/secret.js";
import { bearerToken, createTokenVerifier, InvalidTokenError } from "./auth/token.js";
import { ALL_READ_AHEAD, createContext, type GatewayContext, type ReadAhead } from "./context.js";
import { maskError } from "./errors/mask-error.js";
import { aliasLimitRule, costLimitRule, depthLimitRule, limits } from "./limits/index.js";
import { compiledExecution } from "./perf/compiled-execution.js";
import { schema } from "./schema/index.js";

export interface GatewayOptions {
  readonly db: Kysely<Database>;
  /** Defaults to process.env; tests pass their own to try production behaviour. */
  readonly env?: NodeJS.ProcessEnv;
  readonly logging?: boolean;
  /** Stamps writes (tests and replays of the pilot pass a fixed clock). */
  readonly clock?: Clock;
  /** Execute with graphql-jit (perf/compiled-execution.ts); on unless `false`. */
  readonly compiledExecution?: boolean;
  /** More envelop plugins, after the gateway's own (the benchmarks try levers with them). */
  readonly plugins?: readonly Plugin[];
  /**
   * Reuse region-level reports (funding report, capacity forecast) while the region's data
   * version is unchanged (service/report-cache.ts); on unless `false`.
   */
  readonly reportCache?: boolean;
  /**
   * Reads done ahead, in the statement of what a query asks first (context.ts, ReadAhead);
   * each on unless `false` (the benchmarks measure each alone).
   */
  readonly readAhead?: Partial<ReadAhead>;
}

export type Gateway = YogaServerInstance<Record<string, never>, GatewayContext>;

/** Caps applied before any resolver runs: tokens at parse, depth, aliases and cost at validation. */
function limitsPlugin(production: boolean): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: limits.maxTokens });
        } catch (error) {
          // Syntax errors and the token cap are client errors: 400 with a stable code.
          const message = error instanceof Error ? error.message : "Could not parse the query";
          throw new GraphQLError(message, {
            extensions: {
              code: /tokens/.test(message) ? "QUERY_TOO_LONG" : "GRAPHQL_PARSE_FAILED",
              http: { status: 400 },
            },
          });
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(depthLimitRule(limits.maxDepth));
      addValidationRule(aliasLimitRule(limits.maxAliases));
      addValidationRule(
        costLimitRule({
          maxCost: limits.maxCost,
          assumedListSize: limits.assumedListSize,
          multiplierArgs: ["first", "last", "weeks"],
        }),
      );
      if (production) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

export function createGateway(options: GatewayOptions): Gateway {
  const env = options.env ?? process.env;
  const production = env.NODE_ENV === "production";
  const development = env.NODE_ENV === "development" || env.NODE_ENV === undefined;
  const verifyToken = createTokenVerifier(authSecret(env));
  const reports = options.reportCache === false ? undefined : new ReportCache();
  const readAhead: ReadAhead = { ...ALL_READ_AHEAD, ...options.readAhead };
  return createYoga<Record<string, never>, GatewayContext>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: !production,
    logging: options.logging ?? false,
    maxRequestBodySize: limits.maxRequestBodyBytes,
    parserAndValidationCache: true,
    maskedErrors: { maskError: (error, message) => maskError(error, message, development) },
    plugins: [
      limitsPlugin(production),
      ...(options.compiledExecution === false ? [] : [compiledExecution()]),
      ...(options.plugins ?? []),
    ],
    context: async ({ request }) => {
      let viewer = null;
      try {
        const token = bearerToken(request.headers.get("authorization"));
        viewer = token ? await verifyToken(token) : null;
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        throw new GraphQLError(error.message, {
          extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
        });
      }
      return createContext(options.db, viewer, options.clock, reports, readAhead);
    },
  });
}
