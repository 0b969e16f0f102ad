export { aliasLimitRule } from "./aliases.js";
export { type CostOptions, costLimitRule } from "./cost.js";
export { depthLimitRule } from "./depth.js";

/** The caps API clients can rely on (documented in the README). */
export const limits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5_000,
  maxCost: 25_000,
  assumedListSize: 100,
  maxPageSize: 100,
  maxForecastWeeks: 52,
  maxRequestBodyBytes: 100_000,
} as const;
