import type { PlainDate } from "../calendar/plain-date.js";
import type { Strand } from "../policy/strand.js";
import type { Units } from "../quantities/days.js";

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
