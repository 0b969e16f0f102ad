export { CapacityExceededError } from "./capacity-exceeded-error.js";
export { type ErrorCode, ExpectedError } from "./expected-error.js";
export { ForbiddenError } from "./forbidden-error.js";
export { ImportRejectedError } from "./import-rejected-error.js";
export { InvalidTransitionError } from "./invalid-transition-error.js";
export { NotFoundError } from "./not-found-error.js";
export { ValidationError } from "./validation-error.js";
export { fromDomainError, type GatewayErrorOf, type ServiceError } from "./from-domain.js";
export type { ValidationIssue } from "./validation-error.js";
