import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Workspace packages export their TypeScript source under this condition, so tests run on
// source with no build step. Setting conditions replaces Vite's defaults, so list them all.
const conditions = ["@adviser-hub/source", "module", "node", "development|production"];

// graphql-js has no exports map: Vite would pick its ESM build for our sources while Pothos and
// Yoga, loaded by Node, take the CommonJS one, and two copies fail graphql's instanceof checks.
// Point every import at the one copy Node itself resolves.
const graphqlEntry = createRequire(new URL("./apps/gateway/package.json", import.meta.url)).resolve("graphql");

const project = (name: string, root: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: { name, root, include: ["src/**/*.test.ts"], ...extra },
});

export default defineConfig({
  resolve: { conditions, alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  // Vitest hands the SSR conditions to Node (--conditions) for the packages it does not
  // transform. Not "module" there: OpenTelemetry's "module" builds import without file
  // extensions, which Node refuses; Node's own choice (CommonJS) is what production runs.
  ssr: { resolve: { conditions: conditions.filter((condition) => condition !== "module") } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      project("domain", "packages/domain", { include: ["src/**/*.test.ts", "checks/**/*.test.ts"] }),
      project("persistence", "packages/persistence"),
      project("london-pilot", "packages/london-pilot"),
      project("service", "packages/service"),
      project("gateway", "apps/gateway"),
      project("bench", "tooling/bench"),
      // The dashboard: unit and component tests, the codegen drift check, and the browser run
      // (e2e/) against a real server on a fresh embedded database.
      project("web", "apps/web", { include: ["src/**/*.test.{ts,tsx}", "e2e/**/*.test.ts"] }),
    ],
  },
});
