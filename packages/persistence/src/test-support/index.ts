export {
  type Backend,
  backends,
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
} from "./create-test-database.js";
export { migrationFingerprint } from "./migration-fingerprint.js";
export { insertMinimalRegion, MINIMAL } from "./minimal-region.js";
export {
  canRunThrowawayCluster,
  createThrowawayCluster,
  postgresBinDir,
  type ThrowawayCluster,
} from "./throwaway-cluster.js";
