// Test support for other packages of this repository (the "./testing" export, source only,
// never published): the reference model of allocation and the worked examples' policy.
export { referenceAllocateQuota } from "./reference-allocation.js";
export { workedExamplePolicy } from "./worked-example-policy.js";
