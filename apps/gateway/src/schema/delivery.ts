import type { DeliveryRow } from "@adviser-hub/persistence";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { Adviser } from "./adviser.js";
import { daysOf } from "./days-of.js";

/** Days an adviser actually worked on an engagement on a date. */
export const Delivery = builder.objectRef<DeliveryRow>("Delivery");

Delivery.implement({
  description: "Days an adviser worked on an engagement on one date.",
  fields: (t) => ({
    code: t.exposeString("id", { description: "The delivery's id within the region." }),
    deliveredOn: t.field({ type: "Date", description: "The date worked.", resolve: (row) => row.delivered_on }),
    days: t.field({
      type: "Days",
      description: "Days worked.",
      resolve: (row, _args, context) => daysOf(context, row.region_code, row.units),
    }),
    units: t.exposeInt("units", { description: "Days worked in units of the region's granularity." }),
    financialYear: t.exposeInt("financial_year", { description: "The financial year it counts in." }),
    onSite: t.exposeBoolean("on_site", { description: "Whether the work was on site." }),
    startedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When on-site work began (rapid response time is measured to it).",
      resolve: (row) => row.started_at,
    }),
    recordedAt: t.field({ type: "DateTime", description: "When it was recorded.", resolve: (row) => row.recorded_at }),
    adviser: t.field({
      type: Adviser,
      description: "Who did the work.",
      resolve: (row) => regionalKey(row.region_code, row.adviser_id),
    }),
  }),
});
