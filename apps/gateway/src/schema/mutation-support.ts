import { type RegionPolicy, type Result, type UseCase, USE_CASE_ROLES } from "@adviser-hub/domain";
import type { CommandActor, Reader } from "@adviser-hub/service";
import type { Role } from "../auth/viewer.js";
import type { GatewayContext } from "../context.js";
import { ForbiddenError, fromDomainError, type GatewayErrorOf, NotFoundError, type ServiceError, ValidationError } from "../errors/index.js";
import { decodeRegionalId, parseRegionalKey } from "../global-id.js";

/** Who a command runs as: the token's role and region; the subject names the caller in history. */
export function actorOf(context: GatewayContext): CommandActor {
  const viewer = context.viewer;
  if (!viewer) throw new ForbiddenError("Sign in with a bearer token");
  return {
    role: viewer.role,
    regionCode: viewer.region,
    ...(viewer.authority ? { authority: viewer.authority } : {}),
    // The operator stands in no region: its subject names it as such.
    userId:
      viewer.role === "SERVICE_ADMIN"
        ? "service_admin:operator"
        : `${viewer.role.toLowerCase()}:${viewer.region}:${viewer.authority ?? viewer.funder ?? "staff"}`,
  };
}

/** Who a read runs as. */
export function readerOf(context: GatewayContext): Reader {
  const viewer = context.viewer;
  if (!viewer) throw new ForbiddenError("Sign in with a bearer token");
  return { role: viewer.role, regionCode: viewer.region, ...(viewer.authority ? { authority: viewer.authority } : {}) };
}

/**
 * Scope check for a mutation field, from the domain's table of who may perform the use case
 * (the service checks the same table again): the error becomes the ForbiddenError member of
 * its union.
 */
export const mutationScopes = (useCase: UseCase) => ({
  authScopes: { anyRole: USE_CASE_ROLES[useCase] as readonly Role[] },
  unauthorizedError: (_parent: unknown, _args: unknown, context: GatewayContext) =>
    new ForbiddenError(context.viewer ? `A ${context.viewer.role} token may not do this` : "Sign in with a bearer token"),
});

/**
 * Reads an id argument: a global id of `typename` (as the API hands out) or the plain code
 * (eng-0007). A global id of another region or type is refused by naming the field.
 */
export function rowId(context: GatewayContext, value: string, typename: string, field: string): string {
  const region = context.viewer?.region;
  let decoded: { typename: string; id: string } | null = null;
  try {
    decoded = decodeRegionalId(value);
  } catch {
    decoded = null;
  }
  if (decoded) {
    const key = parseRegionalKey(decoded.id);
    if (decoded.typename !== typename) throw new ValidationError(field, `expected the id of a ${typename}, got a ${decoded.typename}`);
    if (!key || key.region !== region) throw new NotFoundError(typename, value, field);
    return key.id;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(value)) throw new ValidationError(field, `'${value.slice(0, 40)}' is not an id`);
  return value;
}

/**
 * A write's value, or its failure thrown as for orThrow. The policy the use case read in its
 * transaction is kept for the request, so the payload's days read no policy again.
 */
export function written<T extends { readonly policy: RegionPolicy }, E extends ServiceError>(
  context: GatewayContext,
  result: Result<T, E>,
): T {
  const value = orThrow(result);
  context.loaders.rememberLatest(context.viewer!.region, value.policy);
  return value;
}

/**
 * A use case's value, or its expected failure thrown as the gateway's typed error: a mutation's
 * result union carries it, a query surfaces it with its code.
 */
export function orThrow<T, E extends ServiceError>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw fromDomainError(result.error) as GatewayErrorOf<E>;
}
