import { addDays, type PlainDate } from "../calendar/plain-date.js";
import type { EngagementStatus } from "../entities/engagement.js";
import type { Strand } from "../policy/strand.js";
import type { Units } from "../quantities/days.js";
import { invalid, ok, type Result, type ValidationError } from "../result.js";

export const BOOKING_STATUSES = ["TENTATIVE", "CONFIRMED"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Planned adviser days in one week (Monday `weekStart`) for an engagement. */
export interface Booking {
  readonly regionCode: string;
  readonly id: string;
  readonly engagementId: string;
  readonly adviserId: string;
  readonly weekStart: PlainDate;
  readonly units: Units;
  readonly status: BookingStatus;
  /** The engagement's strand, carried so capacity rules need no join. */
  readonly strand: Strand;
}

/** Engagements a tentative booking may plan on: any still open. */
const PLANNABLE: readonly EngagementStatus[] = ["REQUESTED", "WAITLISTED", "ACCEPTED", "ACTIVE"];
/** Engagements a confirmed booking may hold capacity for: accepted or under way. */
const CONFIRMABLE: readonly EngagementStatus[] = ["ACCEPTED", "ACTIVE"];

/**
 * Rule 8: a booking is made on an engagement that can take it, in a week that overlaps the
 * engagement's dates (no start or end date: open on that side). Tentative bookings may plan on
 * an open request; confirmed ones only on an accepted engagement. Refuses naming the field.
 */
export function checkBookingOnEngagement(
  engagement: { readonly status: EngagementStatus; readonly startDate: PlainDate | null; readonly endDate: PlainDate | null },
  booking: { readonly weekStart: PlainDate; readonly status: BookingStatus },
): Result<true, ValidationError> {
  const allowed = booking.status === "CONFIRMED" ? CONFIRMABLE : PLANNABLE;
  if (!allowed.includes(engagement.status))
    return invalid(
      "engagementId",
      `a ${booking.status.toLowerCase()} booking cannot be made on a ${engagement.status} engagement`,
    );
  const weekEnd = addDays(booking.weekStart, 6);
  if ((engagement.startDate !== null && weekEnd < engagement.startDate) || (engagement.endDate !== null && booking.weekStart > engagement.endDate))
    return invalid("weekStart", "the week is outside the engagement's dates");
  return ok(true);
}
