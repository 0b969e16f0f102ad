import { MAX_DAY_RATE_PENCE } from "../quota/day-rate.js";
import { divisorsOf, type FieldSpec, type Spec } from "./policy-spec.js";
import { REGION_POLICY_SPEC } from "./region-policy.js";

type JsonSchema = Record<string, unknown>;

const DAYS_PATTERN = "^\\d{1,6}(\\.\\d{1,6})?$";

function schemaOf(spec: Spec): JsonSchema {
  switch (spec.kind) {
    case "object": {
      const entries = Object.entries(spec.fields) as [string, FieldSpec][];
      const out: JsonSchema = {
        type: "object",
        description: spec.description,
        properties: Object.fromEntries(entries.map(([k, f]) => [k, schemaOf(f.spec)])),
        additionalProperties: false,
      };
      const req = entries.filter(([, f]) => f.required).map(([k]) => k);
      if (req.length > 0) out.required = req;
      if (spec.exactlyOne?.length)
        out.allOf = spec.exactlyOne.map(([a, b]) => ({ oneOf: [{ required: [a] }, { required: [b] }] }));
      return out;
    }
    case "array": {
      const out: JsonSchema = { type: "array", description: spec.description, items: schemaOf(spec.items) };
      if (spec.minItems) out.minItems = spec.minItems.count;
      // Repeats of a key inside objects cannot be said in JSON Schema; the validator reports them.
      if (spec.unique && spec.items.kind !== "object") out.uniqueItems = true;
      return out;
    }
    case "integer":
      return spec.divisorOf !== undefined
        ? { type: "integer", description: spec.description, enum: divisorsOf(spec.divisorOf) }
        : { type: "integer", description: spec.description, minimum: spec.minimum, ...(spec.maximum === undefined ? {} : { maximum: spec.maximum }) };
    case "boolean":
      return { type: "boolean", description: spec.description };
    case "string":
      return {
        type: "string",
        description: spec.description,
        ...(spec.allowEmpty ? {} : { minLength: 1 }),
        ...(spec.pattern ? { pattern: spec.pattern.source } : {}),
      };
    case "enum":
      return { type: "string", description: spec.description, enum: [...spec.values] };
    case "date":
      return { type: "string", description: spec.description, format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
    case "dayRate":
      return { type: "integer", description: spec.description, minimum: 1, maximum: MAX_DAY_RATE_PENCE };
    case "days":
      return {
        description: spec.description,
        anyOf: [
          { type: "number", minimum: 0 },
          { type: "string", pattern: DAYS_PATTERN },
        ],
      };
  }
}

/**
 * The JSON Schema (draft 2020-12) of a region's policy document, generated from the spec the
 * validator walks. The package ships it as `region-policy.schema.json`, so a `policy.json` that
 * names it in `$schema` gets completion and checks in an editor. Rules across fields (a day
 * within its month, rules 7 and 8, days on the granularity, repeated years) are the
 * validator's alone.
 */
export function regionPolicyJsonSchema(): JsonSchema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Adviser Hub region policy",
    ...schemaOf(REGION_POLICY_SPEC),
  };
}
