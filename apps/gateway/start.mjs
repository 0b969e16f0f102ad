// `pnpm start` of the gateway. In production (NODE_ENV=production) it compiles the gateway and
// the workspace packages it runs on with tsc and runs the built JavaScript with plain node:
// no TypeScript loader in the serving process. Elsewhere it runs the sources through tsx, as a
// newcomer's `pnpm start` always has. Arguments after `--` are passed to main.
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const require = createRequire(import.meta.url);
// Build order follows the imports: domain <- persistence <- service <- london-pilot <- gateway.
const packages = ["../../packages/domain", "../../packages/persistence", "../../packages/service", "../../packages/london-pilot", "."];

function run(args) {
  const child = spawn(process.execPath, args, { cwd: here, stdio: "inherit" });
  // The child handles SIGTERM itself (graceful shutdown); pass the signal on and mirror its exit.
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.env.NODE_ENV === "production") {
  const tsc = require.resolve("typescript/bin/tsc");
  for (const folder of packages) {
    execFileSync(process.execPath, [tsc, "-p", `${folder}/tsconfig.build.json`], { cwd: here, stdio: "inherit" });
  }
  run(["--max-semi-space-size=64", "dist/main.js"]);
} else {
  run(["--max-semi-space-size=64", "--import", "tsx", "--conditions=@adviser-hub/source", "src/main.ts"]);
}
