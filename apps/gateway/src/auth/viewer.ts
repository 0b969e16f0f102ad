/** The four roles of API.md. */
export const roles = ["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER"] as const;
export type Role = (typeof roles)[number];

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

export const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (roles as readonly string[]).includes(value);

/** Region staff see everything in their region, notes included. */
export const isStaff = (viewer: Viewer | null, region: string): boolean =>
  viewer !== null &&
  viewer.region === region &&
  (viewer.role === "REGION_ADMIN" || viewer.role === "ADVISER");
