/**
 * The roles (docs/API.md "Roles"): four of a region's users, and SERVICE_ADMIN, the body that
 * operates the hub for several regions, whose token is tied to no one region.
 */
export const ROLES = ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "SERVICE_ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** The region a SERVICE_ADMIN viewer stands in: no region code can equal it (codes start with a letter). */
export const ALL_REGIONS = "*";

/** A role whose token is tied to no one region. */
export const isServiceRole = (role: Role): boolean => role === "SERVICE_ADMIN";
