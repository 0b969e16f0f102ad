// Checks over the package as a whole: they read its source files, so they live outside src/,
// whose files must stay free of I/O.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const sourceDir = resolve(import.meta.dirname, "../src");

/** Source files that hold rules (not presets, not tests, not test support). */
function ruleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "presets" || name === "test-support" ? [] : ruleFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("no region constant in rule code", () => {
  const files = ruleFiles(sourceDir);

  it("finds the rule files", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("holds no London number, code or name", () => {
    const offending = files.filter((f) =>
      /\b55_?000\b|\b80_?000\b|\b36_?000_?000\b|E09\d{6}|["']london["']|London/.test(readFileSync(f, "utf8")),
    );
    expect(offending).toEqual([]);
  });

  it("uses no float rounding or parsing", () => {
    const offending = files.filter((f) => /Math\.round|toFixed|parseFloat/.test(readFileSync(f, "utf8")));
    expect(offending).toEqual([]);
  });

  it("imports nothing but its own files", () => {
    const offending = files.filter((f) =>
      [...readFileSync(f, "utf8").matchAll(/from\s+["']([^"']+)["']/g)].some((m) => !m[1]!.startsWith(".")),
    );
    expect(offending).toEqual([]);
  });
});
