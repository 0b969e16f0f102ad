import type { Clock, ForbiddenError } from "@adviser-hub/domain";

/** Who is calling, as the gateway established it from the token. */
export interface CommandActor {
  readonly role: "REGION_ADMIN" | "ADVISER" | "AUTHORITY" | "FUNDER";
  /** Every query a command runs is filtered by this region. */
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

export const systemClock: Clock = { now: () => Date.now() };

export function nowOf(options: CommandOptions | undefined): Date {
  return new Date((options?.clock ?? systemClock).now());
}

export function forbidden(message: string): ForbiddenError {
  return { code: "FORBIDDEN", message };
}

/** FORBIDDEN unless the actor has one of `roles`. */
export function requireRole(
  actor: CommandActor,
  roles: readonly CommandActor["role"][],
  what: string,
): ForbiddenError | null {
  if (!actor || typeof actor.userId !== "string" || actor.userId === "") return forbidden("no caller identified");
  if (roles.includes(actor.role)) return null;
  return forbidden(`a ${actor.role} may not ${what}`);
}
