export { type DeliveryAllocation, type DeliveryRecord, deliveryRecord } from "./delivery-record.js";
export { allocateHolderYear, allocateUnallocated, reallocateYear, UNALLOCATED } from "./holder-allocation.js";
export { holderOrganisations, quotaInputForHolder } from "./quota-inputs.js";
export { type IssueOptions, insertIssuedStatement, issuedStatements, statementInput, writeStatement } from "./statement-ledger.js";
