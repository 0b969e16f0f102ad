import { builder } from "../builder.js";

// GraphQL Yoga reads a multipart request (the GraphQL multipart request spec) into a File
// for any argument of this scalar; it is never sent back.
builder.scalarType("File", {
  description: "A file sent as a multipart upload; input only.",
  serialize: () => {
    throw new Error("File is an input-only scalar");
  },
});
