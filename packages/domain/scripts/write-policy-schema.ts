// Writes region-policy.schema.json from the spec the validator walks; a check test fails
// when the committed file differs, so run this after changing the policy's shape.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { regionPolicyJsonSchema } from "../src/policy/policy-json-schema.js";

const file = join(import.meta.dirname, "..", "region-policy.schema.json");
writeFileSync(file, `${JSON.stringify(regionPolicyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
