import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * Where the embedded database lives when no folder is given: `PGLITE_DATA_DIR`, else
 * `.data/pglite` at the workspace root (found by walking up to `pnpm-workspace.yaml`), else
 * under the current directory. The root is preferred so `pnpm start`, `pnpm db:seed` and
 * `pnpm db:migrate`, which run from different package folders, share one database.
 */
export function defaultDataDir(cwd: string = process.cwd()): string {
  const fromEnv = process.env.PGLITE_DATA_DIR;
  if (fromEnv) return resolve(cwd, fromEnv);
  return join(findWorkspaceRoot(cwd) ?? cwd, ".data", "pglite");
}

function findWorkspaceRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
