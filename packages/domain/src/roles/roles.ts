/** The four roles of a region's users (docs/API.md "Roles"). */
export const ROLES = ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);
