import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printSchemaText } from "../print-schema.js";

// Writes apps/gateway/schema.graphql, the committed contract a test compares against.
const target = fileURLToPath(new URL("../../schema.graphql", import.meta.url));
writeFileSync(target, printSchemaText());
process.stdout.write(`wrote ${target}\n`);
