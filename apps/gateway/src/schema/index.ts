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
import "./host-arrangement.js";
import "./delivery.js";
import "./booking.js";
import "./engagement.js";
import "./funding-report.js";
import "./quota-statement.js";
import "./capacity-forecast.js";
import "./demand-and-capacity.js";
import "./benchmark.js";
import "./statement.js";
import "./outcome.js";
import "./json.js";
import "./region-admin.js";
import "./region-import.js";
import "./published-benchmarks.js";
import "./file.js";
import "./learning-library.js";
import "./case-reviews.js";
import "./knowledge-events.js";
import { builder } from "../builder.js";

builder.queryType({ description: "Reads: the viewer, a region and its reports." });
builder.mutationType({ description: "Writes: each one transaction, answering its payload or a typed error." });

export const schema = builder.toSchema({ sortSchema: true });
