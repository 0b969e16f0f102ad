import type { EpochMs, PlainDate } from "../calendar/plain-date.js";
import type { Strand } from "../policy/strand.js";
import type { Units } from "../quantities/days.js";
import type { Pence } from "../quantities/money.js";

export const ENGAGEMENT_STATUSES = [
  "REQUESTED",
  "ACCEPTED",
  "WAITLISTED",
  "DECLINED",
  "WITHDRAWN",
  "ACTIVE",
  "COMPLETED",
  "CANCELLED",
] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

/**
 * One piece of work for one organisation on one strand. `notes` is free text that only the
 * region's own staff may see (rule 17): it is a separate field so callers can withhold it.
 */
export interface Engagement {
  readonly regionCode: string;
  readonly id: string;
  readonly organisationId: string;
  readonly strand: Strand;
  readonly status: EngagementStatus;
  readonly themes: readonly string[];
  readonly leadAdviserId: string | null;
  /** The agreed day rate; null means the negotiated or default rate applies (rule 5). */
  readonly agreedDayRatePence: Pence | null;
  readonly estimateUnits: Units;
  readonly startDate: PlainDate;
  /** Inclusive; null while open-ended. */
  readonly endDate: PlainDate | null;
  readonly requestedAt: EpochMs;
  readonly requestedBy: string;
  /** The week a waitlisted request could start, when it was waitlisted (rule 9). */
  readonly waitlistedUntilWeek: PlainDate | null;
  readonly notes: string | null;
}
