import type { DomainError } from "@adviser-hub/domain";
import { CapacityExceededError } from "./capacity-exceeded-error.js";
import { ForbiddenError } from "./forbidden-error.js";
import { InvalidTransitionError } from "./invalid-transition-error.js";
import { NotFoundError } from "./not-found-error.js";
import { ValidationError } from "./validation-error.js";

/** A domain error with what the gateway needs to show days (the service adds it to capacity errors). */
export type ServiceError = Exclude<DomainError, { code: "CAPACITY_EXCEEDED" }> | (Extract<DomainError, { code: "CAPACITY_EXCEEDED" }> & { readonly unitsPerDay: number });

/** The gateway's error for each domain error: the one place the vocabulary is translated. */
export type GatewayErrorOf<E extends ServiceError> = E extends { code: "VALIDATION" }
  ? ValidationError
  : E extends { code: "NOT_FOUND" }
    ? NotFoundError
    : E extends { code: "FORBIDDEN" }
      ? ForbiddenError
      : E extends { code: "CAPACITY_EXCEEDED" }
        ? CapacityExceededError
        : InvalidTransitionError;

export function fromDomainError<E extends ServiceError>(error: E): GatewayErrorOf<E>;
export function fromDomainError(error: ServiceError) {
  switch (error.code) {
    case "VALIDATION":
      // Read defensively: a validation error built before the domain listed its issues has none.
      return new ValidationError(error.field, error.message, error.issues ?? [{ field: error.field, message: error.message }]);
    case "NOT_FOUND":
      return new NotFoundError(error.entity, error.id, error.field);
    case "FORBIDDEN":
      return new ForbiddenError(error.message);
    case "CAPACITY_EXCEEDED":
      return new CapacityExceededError(
        error.adviserId,
        error.weekStart,
        error.bookableUnits,
        error.alreadyBookedUnits,
        error.requestedUnits,
        error.unitsPerDay,
        error.message,
      );
    case "INVALID_TRANSITION":
      return new InvalidTransitionError(error.from, error.to, error.message);
  }
}
