import { bookAdviser, type BookingRow, bookingsByIds } from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { loadRegional } from "../loaders/regional.js";
import { Adviser } from "./adviser.js";
import { daysOf } from "./days-of.js";
import { BookingStatusEnum } from "./enums.js";
import { CapacityExceededError } from "../errors/index.js";
import { baseMutationErrors } from "./errors.js";
import { actorOf, mutationScopes, rowId, written } from "./mutation-support.js";
import { isStaffOrAuthority } from "./scopes.js";

/** Planned adviser days in one week for one engagement. */
export const Booking = builder.loadableObjectRef<BookingRow, string>("Booking", {
  load: (keys: string[], context) => loadRegional(context.db, keys, bookingsByIds),
});

Booking.implement({
  // Reached through an engagement the viewer may see; never by funders.
  authScopes: (row, context) => isStaffOrAuthority(context, row.region_code),
  description: "Planned adviser days in one week for one engagement.",
  fields: (t) => ({
    code: t.exposeString("id", { description: "The booking's id within the region." }),
    weekStart: t.field({ type: "Date", description: "Monday of the week.", resolve: (row) => row.week_start }),
    days: t.field({
      type: "Days",
      description: "Days planned that week.",
      resolve: (row, _args, context) => daysOf(context, row.region_code, row.units),
    }),
    status: t.field({ type: BookingStatusEnum, description: "Tentative or confirmed.", resolve: (row) => row.status }),
    adviser: t.field({
      type: Adviser,
      description: "The adviser booked.",
      resolve: (row) => regionalKey(row.region_code, row.adviser_id),
    }),
  }),
});

const BookAdviserInput = builder.inputType("BookAdviserInput", {
  description: "Planned adviser days in one week for an engagement.",
  fields: (t) => ({
    engagementId: t.id({ required: true, description: "The engagement (global id or code)." }),
    adviserId: t.id({ required: true, description: "The adviser (global id or code)." }),
    weekStart: t.field({ type: "Date", required: true, description: "A date in the week (normalised to its Monday)." }),
    days: t.field({ type: "Days", required: true, description: "Days planned, on the region's granularity." }),
    status: t.field({ type: BookingStatusEnum, required: true, description: "TENTATIVE or CONFIRMED." }),
  }),
});

const BookAdviserPayload = builder
  .objectRef<{ row: BookingRow; overbooked: boolean; bookableUnits: number; alreadyBookedUnits: number; unitsPerDay: number }>(
    "BookAdviserPayload",
  )
  .implement({
    description: "The booking made, with the week's capacity as checked.",
    fields: (t) => ({
      // The row as the use case wrote it: no second read.
      booking: t.field({ type: Booking, description: "The booking.", resolve: (p) => p.row }),
      overbooked: t.exposeBoolean("overbooked", { description: "A tentative booking that takes the week past bookable days (flagged, not refused)." }),
      bookableDays: t.field({ type: "Days", description: "Bookable days that week.", resolve: (p) => ({ units: p.bookableUnits, unitsPerDay: p.unitsPerDay }) }),
      alreadyBookedDays: t.field({
        type: "Days",
        description: "Confirmed days already booked on capacity-held strands before this booking.",
        resolve: (p) => ({ units: p.alreadyBookedUnits, unitsPerDay: p.unitsPerDay }),
      }),
    }),
  });

builder.mutationField("bookAdviser", (t) =>
  t.field({
    type: BookAdviserPayload,
    description:
      "Books adviser days in a week (REGION_ADMIN, ADVISER). A confirmed booking on a capacity-held strand beyond bookable days fails with CapacityExceededError.",
    ...mutationScopes("bookAdviser"),
    errors: {
      types: [...baseMutationErrors, CapacityExceededError],
      union: { name: "BookAdviserResult", description: "The booking, or why it was refused." },
    },
    args: { input: t.arg({ type: BookAdviserInput, required: true, description: "The booking." }) },
    resolve: async (_root, { input }, context) => {
      const result = written(
        context,
        await bookAdviser(context.db, actorOf(context), {
          engagementId: rowId(context, String(input.engagementId), "Engagement", "engagementId"),
          adviserId: rowId(context, String(input.adviserId), "Adviser", "adviserId"),
          weekStart: input.weekStart,
          days: input.days.text,
          status: input.status,
        }, { clock: context.clock }),
      );
      return {
        row: result.row,
        overbooked: result.check.overbooked,
        bookableUnits: result.check.bookableUnits,
        alreadyBookedUnits: result.check.alreadyBookedUnits,
        unitsPerDay: result.policy.unitsPerDay,
      };
    },
  }),
);
