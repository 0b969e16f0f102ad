import { ALL_REGIONS, isRole, ROLES, type Role } from "@adviser-hub/domain";

// The roles are declared once, in the domain; the gateway reads tokens into them.
export { ALL_REGIONS, isRole, type Role };
export const roles = ROLES;

/**
 * Who is asking, read from a verified bearer token. A viewer belongs to exactly one region;
 * an AUTHORITY viewer to one authority (GSS code) and a FUNDER viewer to one funder. A
 * SERVICE_ADMIN viewer belongs to none: its region is ALL_REGIONS, which equals no region's
 * code, so every region-held scope refuses it and only the operator's entry points admit it.
 */
export interface Viewer {
  readonly role: Role;
  readonly region: string;
  readonly authority: string | null;
  readonly funder: string | null;
}

/** Region staff see everything in their region, notes included. */
export const isStaff = (viewer: Viewer | null, region: string): boolean =>
  viewer !== null &&
  viewer.region === region &&
  (viewer.role === "REGION_ADMIN" || viewer.role === "ADVISER");
