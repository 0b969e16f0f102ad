import type { EpochMs, PlainDate } from "../calendar/plain-date.js";
import type { Units } from "../quantities/days.js";

/**
 * Days an adviser actually worked on an engagement on a date. `recordedSeq` is the order it was
 * recorded (monotonic); allocation runs in (date, recordedSeq) order. `onSiteAt` is the instant
 * the adviser arrived, used for rapid-response times (rule 10).
 */
export interface Delivery {
  readonly regionCode: string;
  readonly id: string;
  readonly engagementId: string;
  readonly adviserId: string;
  readonly date: PlainDate;
  readonly units: Units;
  readonly recordedSeq: number;
  readonly financialYear: number;
  readonly onSiteAt: EpochMs | null;
  readonly recordedAt: EpochMs;
  readonly recordedBy: string;
  readonly notes: string | null;
}
