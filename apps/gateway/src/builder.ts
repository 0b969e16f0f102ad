import type { ExactDecimal } from "@adviser-hub/domain";
import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { GraphQLError } from "graphql";
import { isStaff, type Role } from "./auth/viewer.js";
import type { GatewayContext } from "./context.js";
import { decodeRegionalId, encodeRegionalId, parseRegionalKey } from "./global-id.js";
import { RowNotFoundError } from "./loaders/regional.js";

/** A day quantity on its way out: integer units plus the granularity that gives them meaning. */
export interface DaysValue {
  readonly units: number;
  readonly unitsPerDay: number;
}

/** Integer pence on its way out. */
export interface MoneyValue {
  readonly pence: number;
}

/**
 * The builder only wires plugins and scopes; every type lives in its own file under schema/
 * (see schema/index.ts), which avoids circular imports between type files.
 */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Days: { Input: ExactDecimal; Output: DaysValue };
    ID: { Input: string; Output: string };
    File: { Input: File; Output: never };
  };
  AuthScopes: {
    /** Any verified token. */
    signedIn: boolean;
    /** The viewer's token is for this region. */
    inRegion: string;
    /** REGION_ADMIN or ADVISER of this region: sees everything in it, notes included. */
    staffOf: string;
    /** REGION_ADMIN of this region. */
    adminOf: string;
    /** ADVISER of this region. */
    adviserOf: string;
    /** AUTHORITY token of this region (any authority). */
    authorityIn: string;
    /** FUNDER token of this region whose funder contributes to it. */
    funderOf: string;
    /** The token's role is one of these (mutations: the region is always the token's own). */
    anyRole: readonly Role[];
  };
  Connection: { totalCount: number };
}>({
  defaultFieldNullability: false,
  // Errors first so it can turn thrown ForbiddenError and friends into union members; relay
  // before scope-auth so scope checks see decoded ids; dataloader after errors (plugin docs).
  plugins: [ErrorsPlugin, RelayPlugin, ScopeAuthPlugin, ValidationPlugin, DataloaderPlugin],
  scopeAuth: {
    treatErrorsAsUnauthorized: false,
    unauthorizedError: (_parent, context) =>
      new GraphQLError(
        context.viewer ? "Not allowed for this viewer" : "Sign in with a bearer token to see this",
        { extensions: { code: context.viewer ? "FORBIDDEN" : "UNAUTHENTICATED" } },
      ),
    authScopes: (context) => {
      const viewer = context.viewer;
      return {
        signedIn: viewer !== null,
        inRegion: (region) => viewer?.region === region,
        staffOf: (region) => isStaff(viewer, region),
        adminOf: (region) => viewer?.role === "REGION_ADMIN" && viewer.region === region,
        adviserOf: (region) => viewer?.role === "ADVISER" && viewer.region === region,
        authorityIn: (region) => viewer?.role === "AUTHORITY" && viewer.region === region,
        anyRole: (allowed) => viewer !== null && allowed.includes(viewer.role),
        funderOf: async (region) =>
          viewer?.role === "FUNDER" &&
          viewer.region === region &&
          viewer.funder !== null &&
          (await context.loaders.funderFundsRegion(region, viewer.funder)),
      };
    },
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    encodeGlobalID: encodeRegionalId,
    decodeGlobalID: decodeRegionalId,
    nodeQueryOptions: {
      description: "Any object by its global id; null when absent, of another region, or not visible to the viewer.",
      args: { id: { description: "A global id as returned in any `id` field." } },
      // Another region's id is not looked up at all; a missing row is null, not an error.
      resolve: async (_root, { id }, context, _info, resolveNode) => {
        const key = parseRegionalKey(id.id);
        if (!key || key.region !== context.viewer?.region) return null;
        try {
          return await resolveNode(id);
        } catch (error) {
          if (error instanceof RowNotFoundError) return null;
          throw error;
        }
      },
    },
    nodesQueryOptions: false,
    nodeTypeOptions: { description: "An object with a global id that encodes its type, region and id." },
    pageInfoTypeOptions: { description: "Relay pagination state of a connection." },
    idFieldOptions: { description: "Global id: encodes the type, the region and the id." },
    cursorFieldOptions: { description: "Opaque cursor of this edge; pass it as `after` for the next page." },
    nodeFieldOptions: { description: "The item." },
    edgesFieldOptions: { description: "The items of this page with their cursors." },
    pageInfoFieldOptions: { description: "Where this page sits." },
    hasNextPageFieldOptions: { description: "Whether another page follows." },
    hasPreviousPageFieldOptions: { description: "Always false: pagination is forward only." },
    startCursorFieldOptions: { description: "Cursor of the first edge of the page." },
    endCursorFieldOptions: { description: "Cursor of the last edge of the page." },
    firstArgOptions: { description: "Page size (at most 100)." },
    afterArgOptions: { description: "Cursor after which the page starts." },
    lastArgOptions: { description: "Not supported: pagination is forward only." },
    beforeArgOptions: { description: "Not supported: pagination is forward only." },
  },
  errors: {
    defaultTypes: [],
    directResult: true,
  },
  validation: {
    validationError: (result) => {
      const issue = result.issues[0];
      const field = issue?.path?.map((part) => String(typeof part === "object" ? part.key : part)).join(".") ?? "";
      return new GraphQLError(`${field ? `${field}: ` : ""}${issue?.message ?? "invalid input"}`, {
        extensions: { code: "VALIDATION", field },
      });
    },
  },
});
