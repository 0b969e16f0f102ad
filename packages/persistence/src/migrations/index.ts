export { MigrationFailedError, migrateToLatest, migrationNames } from "./migrate-to-latest.js";
export { migrations } from "./registry.js";
export { type SchemaStatus, schemaStatus } from "./schema-status.js";
