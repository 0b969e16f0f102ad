import { defineConfig } from "vitest/config";

// Workspace packages export their TypeScript source under this condition, so tests run on
// source with no build step. Setting conditions replaces Vite's defaults, so list them all.
const conditions = ["@adviser-hub/source", "module", "node", "development|production"];

const project = (name: string, root: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: { name, root, include: ["src/**/*.test.ts"], ...extra },
});

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      project("domain", "packages/domain"),
      project("persistence", "packages/persistence"),
      project("gateway", "apps/gateway"),
      project("bench", "tooling/bench"),
    ],
  },
});
