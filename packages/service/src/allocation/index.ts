export { allocateHolderYear } from "./allocate-holder-year.js";
export { allocateUnallocated } from "./allocate-unallocated.js";
export { reallocateYear } from "./reallocate-year.js";
