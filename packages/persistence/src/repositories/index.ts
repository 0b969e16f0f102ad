export { type LoadedAdviserWeek, confirmedHeldUnits, freeWeeks, loadAdviserWeeks } from "./adviser-weeks.js";
export { applyTransition } from "./apply-transition.js";
export { type AuditActor, writeAudit } from "./audit.js";
export { type EngagementRecord, type TransitionRecord, engagementRowToEngagement } from "./engagement-row.js";
export { lockAdviserWeek, lockQuotaHolderYear, lockQuotaHolderYears, lockStatementOrganisation } from "./locks.js";
export { type LoadedPolicy, loadPolicy } from "./region-policy.js";
export { loadAdviser, loadAdvisers, loadArrangements, loadLeave, loadOrganisation, lockEngagement } from "./rows.js";
export { outcomeRowToIndicator } from "./outcome-row.js";
