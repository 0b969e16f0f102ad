export {
  type Backend,
  backends,
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
} from "./create-test-database.js";
export { migrationFingerprint } from "./migration-fingerprint.js";
export { insertMinimalRegion, MINIMAL } from "./minimal-region.js";
export { allocationFromScratch, compareWithScratch, policyOfYear, storedAllocation } from "./allocation-oracle.js";
export { insertWestOfScotland, WEST } from "./west-of-scotland.js";
export { emptyDatabase } from "./empty-database.js";
export {
  canRunThrowawayCluster,
  createStreamingReplica,
  createThrowawayCluster,
  freePort,
  postgresBinDir,
  type ThrowawayCluster,
} from "./throwaway-cluster.js";
