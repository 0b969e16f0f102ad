import { type Role, type UseCase, USE_CASE_ROLES } from "@adviser-hub/domain";
import type { AuthScopeMap } from "@pothos/plugin-scope-auth";
import { isStaff } from "../auth/viewer.js";
import type { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";

type Scopes = AuthScopeMap<(typeof builder)["$inferSchemaTypes"]>;

/** The scope that holds each role to the region asked about (a funder also to a region it funds). */
const roleScope = {
  REGION_ADMIN: "adminOf",
  ADVISER: "adviserOf",
  AUTHORITY: "authorityIn",
  FUNDER: "funderOf",
  SERVICE_ADMIN: "operatorOf",
} as const satisfies Record<Role, string>;

/** A use case's entry field: any role the domain's USE_CASE_ROLES allows, in this region. */
export const useCaseScopes = (useCase: UseCase, region: string): Scopes => ({
  $any: Object.fromEntries((USE_CASE_ROLES[useCase] as readonly Role[]).map((role) => [roleScope[role], region])),
});

/** Anyone with a token for this region: its staff, its authorities and funders that fund it. */
export const regionMember = (region: string): Scopes => ({
  $any: { staffOf: region, authorityIn: region, funderOf: region },
});

/** The region's own staff (REGION_ADMIN, ADVISER). */
export const regionStaff = (region: string): Scopes => ({ staffOf: region });

/** Staff, or an AUTHORITY token of the region (narrowed further by the resolver). */
export const staffOrAuthority = (region: string): Scopes => ({
  $any: { staffOf: region, authorityIn: region },
});

// The same three rules decided directly, for checks that run once per object and field (a page
// of engagements asks them thousands of times): a boolean skips building a scope map per object
// and evaluating it scope by scope, and a refusal still goes through the builder's
// unauthorizedError, so the answer is the same as with the maps above.

/** regionMember(region) for one object: a funder's right is looked up (batched, cached). */
export function isRegionMember(context: GatewayContext, region: string): boolean | Promise<boolean> {
  const viewer = context.viewer;
  if (viewer === null || viewer.region !== region) return false;
  if (viewer.role === "REGION_ADMIN" || viewer.role === "ADVISER" || viewer.role === "AUTHORITY") return true;
  if (viewer.role === "FUNDER" && viewer.funder !== null) return context.loaders.funderFundsRegion(region, viewer.funder);
  return false;
}

/** regionStaff(region) for one object. */
export const isRegionStaff = (context: GatewayContext, region: string): boolean => isStaff(context.viewer, region);

/** staffOrAuthority(region) for one object. */
export const isStaffOrAuthority = (context: GatewayContext, region: string): boolean =>
  isStaff(context.viewer, region) || (context.viewer?.role === "AUTHORITY" && context.viewer.region === region);
