import { builder } from "../builder.js";

// GraphQL Yoga reads a multipart request (the GraphQL multipart request spec) into a File
// for any argument of this scalar; it is never sent back.
builder.scalarType("File", {
  description: "A file sent as a multipart upload; input only.",
  serialize: () => {
    throw new Error("File is an input-only scalar");
  },
  parseValue: (value) => {
    // The server's own File class (the fetch implementation Yoga runs on), not always the global one.
    const file = value as { name?: unknown; text?: unknown } | null;
    if (typeof file?.name === "string" && typeof file.text === "function") return value as File;
    throw new TypeError("expected a file of the multipart request");
  },
});
