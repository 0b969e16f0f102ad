import { validationError } from "@adviser-hub/domain";
import { describe, expect, it } from "vitest";
import { fromDomainError } from "./from-domain.js";
import { CapacityExceededError, InvalidTransitionError, NotFoundError, ValidationError } from "./index.js";

describe("the gateway's errors, built from the domain's", () => {
  it("keeps every validation issue, the first as field and message", () => {
    const error = fromDomainError(
      validationError([
        { field: "inputs[0].population", message: "must be a whole number above zero" },
        { field: "inputs[2].count", message: "must be a whole number, zero or more, or suppressed" },
      ]),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: "VALIDATION", field: "inputs[0].population", message: "must be a whole number above zero" });
    expect(error.issues).toEqual([
      { field: "inputs[0].population", message: "must be a whole number above zero" },
      { field: "inputs[2].count", message: "must be a whole number, zero or more, or suppressed" },
    ]);
  });

  it("reads a validation error without issues as its one field and message", () => {
    const error = fromDomainError({ code: "VALIDATION", field: "days", message: "must be more than zero" } as never) as ValidationError;
    expect(error.issues).toEqual([{ field: "days", message: "must be more than zero" }]);
  });

  it("maps each code to its type with the same fields", () => {
    expect(fromDomainError({ code: "NOT_FOUND", entity: "adviser", id: "adv-9", field: "adviserId", message: "" })).toEqual(
      new NotFoundError("adviser", "adv-9", "adviserId"),
    );
    const capacity = fromDomainError({
      code: "CAPACITY_EXCEEDED",
      adviserId: "adv-1",
      weekStart: "2010-06-07",
      bookableUnits: 7,
      alreadyBookedUnits: 6,
      requestedUnits: 2,
      unitsPerDay: 2,
      message: "no room",
    });
    expect(capacity).toBeInstanceOf(CapacityExceededError);
    expect(capacity).toMatchObject({ bookableUnits: 7, alreadyBookedUnits: 6, requestedUnits: 2, unitsPerDay: 2, message: "no room" });
    expect(fromDomainError({ code: "INVALID_TRANSITION", from: "REQUESTED", to: "COMPLETED", message: "no" })).toBeInstanceOf(
      InvalidTransitionError,
    );
    expect(fromDomainError({ code: "FORBIDDEN", message: "a FUNDER may not record deliveries" }).message).toBe(
      "a FUNDER may not record deliveries",
    );
  });
});
