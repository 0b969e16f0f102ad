import type { BookingRow } from "@adviser-hub/persistence";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { Adviser } from "./adviser.js";
import { daysOf } from "./days-of.js";
import { BookingStatusEnum } from "./enums.js";

/** Planned adviser days in one week for one engagement. */
export const Booking = builder.objectRef<BookingRow>("Booking");

Booking.implement({
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
