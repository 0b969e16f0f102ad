import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const packageDir = resolve(import.meta.dirname, "..");

/** The example block of the package README, so the README cannot drift from what works. */
function readmeExample(): string {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const block = /<!-- example:start -->\s*```js\n([\s\S]*?)```\s*<!-- example:end -->/.exec(readme);
  if (!block?.[1]) throw new Error("README has no example block");
  return block[1];
}

describe("the published package", () => {
  it("builds, packs, installs into a project outside the workspace and runs a region of its own", () => {
    execFileSync("pnpm", ["run", "build"], { cwd: packageDir, stdio: "pipe" });
    const tmp = mkdtempSync(join(tmpdir(), "adviser-hub-domain-"));
    try {
      execFileSync("pnpm", ["pack", "--pack-destination", tmp], { cwd: packageDir, stdio: "pipe" });
      const tarball = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
      expect(tarball).toBeDefined();

      const project = join(tmp, "consumer");
      mkdirSync(project);
      writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
      // No runtime dependencies: installing the tarball needs no registry.
      execFileSync(
        "npm",
        ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", join(tmp, tarball!)],
        { cwd: project, stdio: "pipe", env: { ...process.env, npm_config_cache: join(tmp, "npm-cache") } },
      );
      const installed = join(project, "node_modules", "@adviser-hub", "domain");
      expect(existsSync(join(installed, "dist", "index.d.ts"))).toBe(true);
      const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as Record<string, unknown>;
      expect(manifest.dependencies).toBeUndefined();
      expect(JSON.stringify(manifest.exports)).not.toContain("src/index.ts");

      writeFileSync(join(project, "main.mjs"), readmeExample());
      const output = execFileSync("node", ["main.mjs"], { cwd: project, encoding: "utf8" });
      expect(output.trim().split("\n")).toEqual([
        "2013-05-07 3.5 days: 3.5 free, 0 charged £0.00",
        "2013-06-03 2.25 days: 1.5 free, 0.75 charged £375.00",
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 180_000);
});
