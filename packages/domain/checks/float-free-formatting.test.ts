import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// A whole-package check that reads source files, so it lives in checks/ and src/ stays pure.
describe("day and money formatting", () => {
  it("never calls floating-point rounding in the formatters", () => {
    for (const file of ["exact-decimal.ts", "days.ts", "money.ts"]) {
      const source = readFileSync(new URL(`../src/quantities/${file}`, import.meta.url), "utf8");
      expect(source).not.toMatch(/parseFloat|toFixed|toPrecision|Math\.(round|floor|ceil|trunc)/);
    }
  });
});
