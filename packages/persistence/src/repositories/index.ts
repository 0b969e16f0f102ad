export {
  type AllocatableDelivery,
  type StoredAllocation,
  UNALLOCATED,
  allocatableDeliveries,
  organisationsNamingHolder,
  regionOrganisations,
  storeAllocations,
  unallocatedRegionYears,
} from "./allocation-rows.js";
export { applyTransition } from "./apply-transition.js";
export { type AuditActor, writeAudit } from "./audit.js";
export { type DeliveryAllocation, type DeliveryRecord, deliveryRecord } from "./delivery-row.js";
export { type EngagementRecord, type TransitionRecord, engagementRowToEngagement } from "./engagement-row.js";
export {
  lockAdviserWeek,
  lockQuotaHolderYear,
  lockQuotaHolderYears,
  lockRegionPolicy,
  lockStatementOrganisation,
} from "./locks.js";
export {
  type StoredPolicyVersion,
  deliveryYears,
  hasIssuedStatements,
  insertRegion,
  policyVersionRows,
  putPolicyVersion,
  regionName,
} from "./region-rows.js";
export { type LoadedPolicy, type RegionPolicies, loadPolicies, loadPolicy } from "./region-policy.js";
export { loadAdviser, loadAdvisers, loadArrangements, loadLeave, loadOrganisation, lockEngagement } from "./rows.js";
export { outcomeRowToIndicator } from "./outcome-row.js";
export { engagementsOfDeliveries, insertIssuedStatement, issuedStatements, statementInput } from "./statement-ledger.js";
export { type WeekBooking, loadWeekBookings } from "./week-bookings.js";
export {
  type SavedRow,
  existingAuthorityIds,
  lastDeliveryOf,
  recordedWorkSpan,
  replaceLeave,
  replaceStatisticalNeighbours,
  saveAdviserRow,
  saveAuthorityRow,
  saveChildPopulations,
  saveFunderContributionRow,
  saveFunderRow,
  saveHostArrangementRow,
  saveOrganisationRateRow,
  saveOrganisationRow,
} from "./administered-rows.js";
export { type RegionSnapshot, regionSnapshot } from "./region-snapshot.js";
export {
  type AreaStatisticWrite,
  type PopulationWrite,
  type PublishedWriteCounts,
  type StatisticWrite,
  writePublishedFigures,
} from "./published-benchmarks.js";
