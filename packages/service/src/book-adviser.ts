import {
  type BookingCheck,
  type BookingInput,
  type ForbiddenError,
  type NotFoundError,
  type RegionPolicy,
  type Result,
  type ValidationError,
  type WeekCapacity,
  checkBooking,
  checkBookingOnEngagement,
  checkEmployedInWeek,
  notFound,
  validateBookingInput,
} from "@adviser-hub/domain";
import type { Kysely } from "kysely";
import type { BookingStatus } from "@adviser-hub/domain";
import type { CapacityExceeded } from "./errors.js";
import { type CommandActor, type CommandOptions, nowOf, requireRole } from "./actor.js";
import { loadAdviserWeeks } from "./capacity/adviser-weeks.js";
import {
  type BookingRow,
  type Database,
  loadAdviser,
  loadPolicy,
  lockRegionPolicy,
  lockAdviserWeek,
  withTransaction,
  writeAudit,
} from "@adviser-hub/persistence";

export interface BookedAdviser {
  readonly booking: {
    readonly id: string;
    readonly engagementId: string;
    readonly adviserId: string;
    readonly weekStart: string;
    readonly units: number;
    readonly status: BookingStatus;
  };
  readonly check: BookingCheck;
  readonly capacity: WeekCapacity;
  /** The row as written, for a caller that shows it without reading it again. */
  readonly row: BookingRow;
  /** The region's latest policy, as the use case read it: a caller shows days without a second read. */
  readonly policy: RegionPolicy;
}

export type BookAdviserError = ValidationError | NotFoundError | ForbiddenError | CapacityExceeded;
export type BookAdviserResult = Result<BookedAdviser, BookAdviserError>;

/**
 * Books adviser days in a week (rule 8). The adviser-week is locked, the week's bookings are
 * read again inside the lock, and the domain decides: a confirmed booking on a capacity-held
 * strand that would pass bookable days fails with CAPACITY_EXCEEDED and writes nothing.
 */
export async function bookAdviser(
  db: Kysely<Database>,
  actor: CommandActor,
  input: BookingInput,
  options?: CommandOptions,
): Promise<BookAdviserResult> {
  const denied = requireRole(actor, "bookAdviser");
  if (denied) return { ok: false, error: denied };
  const region = actor.regionCode;
  return withTransaction(db, async (trx): Promise<BookAdviserResult> => {
    // As a delivery command: a confirmed booking is held to capacity computed with the policy's
    // bank holidays, so it reads the policy only while no policy change is under way.
    await lockRegionPolicy(trx, region, "shared");
    const policy = await loadPolicy(trx, region);
    if (!policy.ok) return policy;
    const valid = validateBookingInput(policy.value, input);
    if (!valid.ok) return valid;
    const request = valid.value;

    const engagement = await trx
      .selectFrom("engagements")
      .select(["id", "strand", "status", "starts_on", "ends_on"])
      .where("region_code", "=", region)
      .where("id", "=", request.engagementId)
      .executeTakeFirst();
    if (!engagement) return { ok: false, error: notFound("engagement", request.engagementId, "engagementId") };
    const onEngagement = checkBookingOnEngagement(
      { status: engagement.status, startDate: engagement.starts_on, endDate: engagement.ends_on },
      request,
    );
    if (!onEngagement.ok) return onEngagement;

    const adviser = await loadAdviser(trx, region, request.adviserId);
    if (!adviser) return { ok: false, error: notFound("adviser", request.adviserId, "adviserId") };
    const employed = checkEmployedInWeek(adviser, request.weekStart, "weekStart");
    if (!employed.ok) return employed;

    // From here to commit no other booking for this adviser-week can be checked or written.
    await lockAdviserWeek(trx, region, adviser.id, request.weekStart);
    const [week] = await loadAdviserWeeks(trx, policy.value, region, [adviser], request.weekStart, 1);
    const check = checkBooking(policy.value, week!.capacity, week!.bookings, {
      adviserId: adviser.id,
      weekStart: request.weekStart,
      units: request.units,
      status: request.status,
      strand: engagement.strand,
    });
    if (!check.ok)
      return {
        ok: false,
        error: check.error.code === "CAPACITY_EXCEEDED" ? { ...check.error, unitsPerDay: policy.value.unitsPerDay } : check.error,
      };

    const at = nowOf(options);
    const booking = {
      id: crypto.randomUUID(),
      engagementId: engagement.id,
      adviserId: adviser.id,
      weekStart: request.weekStart,
      units: request.units,
      status: request.status,
    };
    const row = await trx
      .insertInto("bookings")
      .values({
        region_code: region,
        id: booking.id,
        adviser_id: booking.adviserId,
        engagement_id: booking.engagementId,
        week_start: booking.weekStart,
        units: booking.units,
        status: booking.status,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: "bookAdviser",
      entity: "booking",
      entityId: booking.id,
      before: null,
      after: { ...booking, overbooked: check.value.overbooked },
      at,
    });
    return { ok: true, value: { booking, check: check.value, capacity: week!.capacity, row, policy: policy.value } };
  });
}
