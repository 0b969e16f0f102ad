export * from "./connection/index.js";
export * from "./errors/index.js";
export * from "./migrations/index.js";
export * from "./queries/index.js";
export * from "./repositories/index.js";
export * from "./statistics/index.js";
export type * from "./schema.js";
