import type { Clock } from "@adviser-hub/domain";
import { type Database, ReportCache } from "@adviser-hub/service";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga, type Plugin, type YogaLogger, type YogaServerInstance } from "graphql-yoga";
import { GraphQLError } from "graphql";
import type { Kysely } from "kysely";
import { authSecret } from "./auth/secret.js";
import { bearerToken, createTokenVerifier, identityProvider, InvalidTokenError } from "./auth/token.js";
import { ALL_READ_AHEAD, createContext, type GatewayContext, type HeldPoliciesOf, type ReadAhead } from "./context.js";
import { maskError } from "./errors/mask-error.js";
import { valuePathsPlugin } from "./errors/value-paths.js";
import { limits, limitsPlugin } from "./limits/index.js";
import { compiledExecution } from "./perf/compiled-execution.js";
import { schema } from "./schema/index.js";
import { type Manifest, readManifest } from "./trusted/manifest.js";
import { trustedDocuments, trustedDocumentsRequired } from "./trusted/plugin.js";

export interface GatewayOptions {
  readonly db: Kysely<Database>;
  /** Where report queries read (a read replica); defaults to `db`. See GatewayContext.reportDb. */
  readonly reportDb?: Kysely<Database>;
  /** Defaults to process.env; tests pass their own to try production behaviour. */
  readonly env?: NodeJS.ProcessEnv;
  /** Yoga's own messages (unexpected errors): a logger (the process's pino), true for the console, or off. */
  readonly logging?: boolean | YogaLogger;
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
  /** The trusted operations required in production; defaults to the committed trusted-operations.json. */
  readonly manifest?: Manifest;
  /**
   * Reads done ahead, in the statement of what a query asks first (context.ts, ReadAhead);
   * each on unless `false` (the benchmarks measure each alone).
   */
  readonly readAhead?: Partial<ReadAhead>;
}

export type Gateway = YogaServerInstance<Record<string, never>, GatewayContext>;

/** What GraphiQL opens with: a query any viewer can run, and where the token goes. */
const graphiqlOptions = {
  title: "Adviser Hub GraphQL",
  defaultQuery: [
    "# Get a token: pnpm --silent run token --role REGION_ADMIN --region london",
    "# then paste it into the Authorization header below.",
    "query Viewer {",
    "  viewer { signedIn role region authority funder }",
    "}",
    "",
  ].join("\n"),
  headers: JSON.stringify({ authorization: "Bearer <token from pnpm run token>" }, null, 2),
  shouldPersistHeaders: false,
};

export function createGateway(options: GatewayOptions): Gateway {
  const env = options.env ?? process.env;
  const production = env.NODE_ENV === "production";
  const development = env.NODE_ENV === "development" || env.NODE_ENV === undefined;
  const verify = createTokenVerifier(authSecret(env), identityProvider(env));
  const reports = options.reportCache === false ? undefined : new ReportCache();
  const readAhead: ReadAhead = { ...ALL_READ_AHEAD, ...options.readAhead };
  const held: HeldPoliciesOf = { db: new Map(), reportDb: new Map() };
  return createYoga<Record<string, never>, GatewayContext>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // CORS is the HTTP layer's (http/cors.ts: an allow-list, never credentials); Yoga's default
    // would echo any origin with credentials allowed.
    cors: false,
    // GraphiQL's scripts, styles and workers are inlined from @graphql-yoga/render-graphiql: the
    // page loads nothing from another origin, so it works offline and under a strict CSP.
    graphiql: production ? false : graphiqlOptions,
    renderGraphiQL,
    logging: options.logging ?? false,
    maxRequestBodySize: limits.maxRequestBodyBytes,
    parserAndValidationCache: true,
    maskedErrors: { maskError: (error, message) => maskError(error, message, development, production) },
    plugins: [
      ...(trustedDocumentsRequired(env) ? [trustedDocuments(options.manifest ?? readManifest())] : []),
      limitsPlugin(production),
      valuePathsPlugin(),
      ...(options.compiledExecution === false ? [] : [compiledExecution()]),
      ...(options.plugins ?? []),
    ],
    context: async ({ request }) => {
      let viewer = null;
      try {
        const token = bearerToken(request.headers.get("authorization"));
        viewer = token ? await verify(token) : null;
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
        throw new GraphQLError(error.message, {
          extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
        });
      }
      return createContext(options.db, viewer, options.clock, reports, options.reportDb, readAhead, held);
    },
  });
}
