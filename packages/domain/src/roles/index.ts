export { ALL_REGIONS, isRole, isServiceRole, ROLES, type Role } from "./roles.js";
export { mayPerform, refusalOf, USE_CASE_ROLES, type UseCase } from "./use-case-roles.js";
