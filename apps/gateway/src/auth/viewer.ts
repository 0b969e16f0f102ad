import { isRole, ROLES, type Role } from "@adviser-hub/domain";

// The roles are declared once, in the domain; the gateway reads tokens into them.
export { isRole, type Role };
export const roles = ROLES;

/**
 * Who is asking, read from a verified bearer token. A viewer belongs to exactly one region;
 * an AUTHORITY viewer to one authority (GSS code) and a FUNDER viewer to one funder.
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
