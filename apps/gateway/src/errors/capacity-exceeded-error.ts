import { formatDays } from "@adviser-hub/domain";
import { ExpectedError } from "./expected-error.js";

/** A confirmed booking would take an adviser's week beyond its bookable days. Units are day units. */
export class CapacityExceededError extends ExpectedError {
  readonly code = "CAPACITY_EXCEEDED" as const;
  constructor(
    readonly adviserId: string,
    readonly weekStart: string,
    readonly bookableUnits: number,
    readonly alreadyBookedUnits: number,
    readonly requestedUnits: number,
    readonly unitsPerDay: number,
    message?: string,
  ) {
    super(
      message ??
        `Adviser ${adviserId} has ${formatDays(bookableUnits, unitsPerDay)} bookable days in the week of ${weekStart}, ` +
          `${formatDays(alreadyBookedUnits, unitsPerDay)} already booked, ${formatDays(requestedUnits, unitsPerDay)} requested`,
    );
    this.name = "CapacityExceededError";
  }
}
