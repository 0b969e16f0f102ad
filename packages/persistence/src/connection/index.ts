export { APP_ROLE } from "./app-role.js";
export { defaultDataDir } from "./data-dir.js";
export { DEFAULT_SESSION_LIMITS, type SessionLimits, sessionLimits } from "./session-limits.js";
export {
  type AppDatabase,
  type DatabaseKind,
  type OpenDatabaseOptions,
  type PoolUsage,
  openDatabase,
} from "./open-database.js";
export { PGliteDialect, type PGliteDialectConfig } from "./pglite-dialect.js";
export { PREPARED_PER_SESSION, PreparingClient, preparedStatementsEnabled } from "./prepared-statements.js";
export { parseSafeNumber, UnsafeNumberError } from "./type-parsers.js";
