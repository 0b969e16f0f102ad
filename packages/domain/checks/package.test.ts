import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const packageDir = resolve(import.meta.dirname, "..");
const tsc = join(packageDir, "node_modules", "typescript", "bin", "tsc");

/** The example block of the package README, so the README cannot drift from what works. */
function readmeExample(): string {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const block = /<!-- example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- example:end -->/.exec(readme);
  if (!block?.[1]) throw new Error("README has no example block");
  return block[1];
}

describe("the published package", () => {
  it("packs (building first), installs into a project outside the workspace, type-checks the README under strict and runs it", () => {
    // No build beforehand: packing must build dist itself (prepack), as `npm pack` would.
    rmSync(join(packageDir, "dist"), { recursive: true, force: true });
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

      expect(existsSync(join(installed, "LICENSE"))).toBe(true);
      expect(existsSync(join(installed, "region-policy.schema.json"))).toBe(true);

      // The example as a newcomer's TypeScript project would compile it: strict, Node's ESM
      // resolution, the package's own declarations, nothing from the workspace.
      mkdirSync(join(project, "src"));
      writeFileSync(join(project, "src", "main.ts"), readmeExample());
      writeFileSync(
        join(project, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"], types: [], outDir: "out", rootDir: "src" },
          include: ["src"],
        }),
      );
      execFileSync(process.execPath, [tsc, "-p", project], { cwd: project, stdio: "pipe" });
      const output = execFileSync("node", [join("out", "main.js")], { cwd: project, encoding: "utf8" });
      expect(output.trim().split("\n")).toEqual([
        "2013-05-07 3.5 days: 3.5 free, 0 charged £0.00",
        "2013-06-03 2.25 days: 1.5 free, 0.75 charged £375.00",
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 180_000);
});
