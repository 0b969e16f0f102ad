export * from "./commands/index.js";
// A plain write of a frozen statement: the London pilot's seed replays its statements with it.
export { insertIssuedStatement } from "./commands/statement-ledger.js";
export * from "./connection/index.js";
export * from "./errors/index.js";
export * from "./migrations/index.js";
export * from "./queries/index.js";
export * from "./statistics/index.js";
export type * from "./schema.js";
