import { builder } from "../builder.js";

// Every connection resolver returns totalCount (enforced by the builder's Connection type).
builder.globalConnectionField("totalCount", (t) =>
  t.int({
    description: "How many items match the filters, across all pages.",
    resolve: (connection) => connection.totalCount,
  }),
);
