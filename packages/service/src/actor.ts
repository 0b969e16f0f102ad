import { type Clock, type ForbiddenError, type Role, type UseCase, isServiceRole, mayPerform, refusalOf } from "@adviser-hub/domain";

/** Who is calling, as the gateway established it from the token. */
export interface CommandActor {
  readonly role: Role;
  /** Every query a use case runs is filtered by this region (ALL_REGIONS for SERVICE_ADMIN). */
  readonly regionCode: string;
  /** GSS code of the caller's authority, for the AUTHORITY role. */
  readonly authority?: string;
  /** Recorded as who made each change. */
  readonly userId: string;
}

export interface CommandOptions {
  /** The time the change is made at; the system clock when absent. */
  readonly clock?: Clock;
}

/** The one clock: the service stamps writes with it unless the caller passes its own. */
export const systemClock: Clock = { now: () => Date.now() };

export function nowOf(options: CommandOptions | undefined): Date {
  return new Date((options?.clock ?? systemClock).now());
}

export function forbidden(message: string): ForbiddenError {
  return { code: "FORBIDDEN", message };
}

/** The role check of a use case, against the domain's table (USE_CASE_ROLES); null when allowed. */
export function requireRole(actor: CommandActor, useCase: UseCase): ForbiddenError | null {
  if (!actor || typeof actor.userId !== "string" || actor.userId === "") return forbidden("no caller identified");
  if (mayPerform(actor.role, useCase)) return null;
  return forbidden(refusalOf(actor.role, useCase));
}

/**
 * The role check of a use case that names its region: a region's own roles only in their
 * region, SERVICE_ADMIN (tied to none) in any.
 */
export function requireRoleIn(actor: CommandActor, useCase: UseCase, region: string): ForbiddenError | null {
  const denied = requireRole(actor, useCase);
  if (denied) return denied;
  if (!isServiceRole(actor.role) && actor.regionCode !== region) return forbidden(`a ${actor.role} of ${actor.regionCode} may not act in region ${region}`);
  return null;
}

/** Who is reading: a report or statement needs the role and, for an authority, its area. */
export type Reader = Pick<CommandActor, "role" | "regionCode" | "authority">;

/** The role check of a read use case; region membership (and a funder's right) is the caller's scope check. */
export function requireReader(reader: Reader, useCase: UseCase, region: string): ForbiddenError | null {
  if (!reader || reader.regionCode !== region) return forbidden("not allowed for this viewer");
  if (mayPerform(reader.role, useCase)) return null;
  return forbidden(refusalOf(reader.role, useCase));
}
