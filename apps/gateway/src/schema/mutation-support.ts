import { type DomainError, type Result, USE_CASE_ROLES, type UseCase } from "@adviser-hub/domain";
import type { CommandActor } from "@adviser-hub/service";
import type { Role } from "../auth/viewer.js";
import type { GatewayContext } from "../context.js";
import {
  CapacityExceededError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
} from "../errors/index.js";
import { decodeRegionalId, parseRegionalKey } from "../global-id.js";

/** Who a command runs as: the token's role and region; the subject names the caller in history. */
export function actorOf(context: GatewayContext): CommandActor {
  const viewer = context.viewer;
  if (!viewer) throw new ForbiddenError("Sign in with a bearer token");
  return {
    role: viewer.role,
    regionCode: viewer.region,
    ...(viewer.authority ? { authority: viewer.authority } : {}),
    userId: `${viewer.role.toLowerCase()}:${viewer.region}:${viewer.authority ?? viewer.funder ?? "staff"}`,
  };
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

/** Turns a command's expected failure into the typed error the result union carries. */
export async function unwrap<T>(context: GatewayContext, result: Promise<Result<T, DomainError>>): Promise<T> {
  const settled = await result;
  if (settled.ok) return settled.value;
  const error = settled.error;
  switch (error.code) {
    case "VALIDATION":
      throw new ValidationError(error.field, error.message);
    case "NOT_FOUND":
      throw new NotFoundError(error.entity, error.id, error.field);
    case "FORBIDDEN":
      throw new ForbiddenError(error.message);
    case "CAPACITY_EXCEEDED": {
      const policy = await context.loaders.latestPolicy(context.viewer!.region);
      throw new CapacityExceededError(
        error.adviserId,
        error.weekStart,
        error.bookableUnits,
        error.alreadyBookedUnits,
        error.requestedUnits,
        policy.unitsPerDay,
        error.message,
      );
    }
    case "INVALID_TRANSITION":
      throw new InvalidTransitionError(error.from, error.to, error.message);
  }
}
