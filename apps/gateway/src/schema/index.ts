// Only imports: every type file registers its types, queries and mutations on the builder.
import "./date.js";
import "./date-time.js";
import "./days.js";
import "./money.js";
import "./enums.js";
import "./errors.js";
import "./total-count.js";
import "./viewer.js";
import "./region.js";
import "./authority.js";
import "./adviser.js";
import "./funder.js";
import "./organisation.js";
import "./delivery.js";
import "./booking.js";
import "./engagement.js";
import { builder } from "../builder.js";

builder.queryType({ description: "Reads: the viewer, a region and its reports." });

export const schema = builder.toSchema({ sortSchema: true });
