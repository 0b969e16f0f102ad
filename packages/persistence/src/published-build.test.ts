import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// What `pnpm build` compiles is what the package publishes (files: dist): test support, the
// command fixture and tests stay out of it, and the London seed lives in its own package.

const packageDir = resolve(import.meta.dirname, "..");

describe("the published build", () => {
  it("compiles no tests, test support, fixture or seed", () => {
    const tsc = join(packageDir, "node_modules", ".bin", "tsc");
    const listed = execFileSync(tsc, ["-p", "tsconfig.build.json", "--listFilesOnly"], { cwd: packageDir, encoding: "utf8" });
    const own = listed
      .split("\n")
      .map((file) => relative(packageDir, file.trim()))
      .filter((file) => file.startsWith("src/"));
    expect(own).toContain("src/index.ts");
    expect(own.filter((file) => /\.test\.ts$|test-support|test-fixture|seed/.test(file))).toEqual([]);
  }, 60_000);

  it("ships dist and the README only; the testing entry resolves to source, never to dist", () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
      files: string[];
      exports: Record<string, Record<string, string>>;
    };
    expect(manifest.files).toEqual(["dist", "README.md"]);
    expect(manifest.exports["./testing"]).toEqual({ "@adviser-hub/source": "./src/test-support/index.ts" });
  });
});
