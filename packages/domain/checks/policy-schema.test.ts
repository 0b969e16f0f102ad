import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { westOfScotlandPolicy } from "../src/presets/west-of-scotland.js";
import { regionPolicyInputOf } from "../src/policy/policy-input.js";
import { regionPolicyJsonSchema } from "../src/policy/policy-json-schema.js";
import { parseRegionPolicy } from "../src/policy/region-policy.js";
import { workedExamplePolicy } from "../src/test-support/worked-example-policy.js";

const packageDir = resolve(import.meta.dirname, "..");
const committed = JSON.parse(readFileSync(join(packageDir, "region-policy.schema.json"), "utf8")) as object;

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
const validate = ajv.compile(committed);
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

describe("the policy's JSON Schema", () => {
  it("is the one generated from the validator's spec (run `pnpm --filter @adviser-hub/domain schema:policy`)", () => {
    expect(committed).toEqual(regionPolicyJsonSchema());
  });

  it("accepts what the validator accepts: each preset in days and in units", () => {
    for (const policy of [westOfScotlandPolicy, workedExamplePolicy]) {
      for (const doc of [json(regionPolicyInputOf(policy)), json(policy), { $schema: "./region-policy.schema.json", ...json(policy) }]) {
        expect(parseRegionPolicy(doc).ok).toBe(true);
        expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      }
    }
  });

  it("refuses, as the validator does, a wrong type, an unknown field, a missing strand and both forms of a quantity", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test spoils JSON documents freely
    const cases: [string, (d: Record<string, any>) => void][] = [
      ["unitsPerDay", (d) => (d.unitsPerDay = 3)],
      ["colour", (d) => (d.colour = "red")],
      ["strands.STRATEGIC", (d) => delete d.strands.STRATEGIC],
      ["strands.PROJECT_SUPPORT.consumesQuota", (d) => (d.strands.PROJECT_SUPPORT.consumesQuota = "yes")],
      ["freeDaysPerYear.defaultUnits", (d) => (d.freeDaysPerYear.defaultUnits = 4)],
      ["quotaPooling", (d) => (d.quotaPooling = "BOROUGH")],
      ["bankHolidays[0].date", (d) => (d.bankHolidays[0].date = "Christmas")],
      ["defaultDayRate.pence", (d) => (d.defaultDayRate.pence = 0)],
      ["workingWeekdays[1]", (d) => (d.workingWeekdays = [1, 1])],
    ];
    for (const [field, spoil] of cases) {
      const doc = json(regionPolicyInputOf(westOfScotlandPolicy));
      spoil(doc);
      const r = parseRegionPolicy(doc);
      expect(r.ok ? [] : r.error.issues.map((i) => i.field), field).toEqual([field]);
      expect(validate(doc), field).toBe(false);
    }
  });
});
